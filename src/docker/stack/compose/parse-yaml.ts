// The YAML reading of a compose file: one document, merge keys (`<<`) resolved, duplicate
// keys refused, aliases bounded. Scalars are read as Go's yaml.v3 reads them for the CLI:
// the YAML 1.2 core schema, plus the 1.1 octal spelling `0440` (yaml.v3 keeps it "for
// compatibility", and compose files use it for secret modes).
import { isMap, isScalar, isSeq, parseAllDocuments, visit, type ScalarTag } from 'yaml';
import { userError, type UserErrorInit } from '../../../errors/codes.ts';

/** A billion-laughs file expands aliases exponentially: past this many the file is refused, before any expansion cost. */
export const MAX_ALIAS_COUNT = 100;

const legacyOctal: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  test: /^[-+]?0[0-7]+$/,
  resolve: (source) => parseInt(source, 8),
};

export type ParsedYaml =
  | {
      ok: true;
      value: Record<string, unknown>;
      /** The line (1-based) where a compose path's value is written, or its nearest written ancestor's; null for none. */
      lineAt: (path: readonly string[]) => number | null;
    }
  | { ok: false; problem: UserErrorInit };

const invalid = (message: string): ParsedYaml => ({ ok: false, problem: userError(null, 'COMPOSE_INVALID', message) });

export function parseYaml(text: string): ParsedYaml {
  const docs = parseAllDocuments(text, { merge: true, uniqueKeys: true, prettyErrors: true, customTags: (tags) => [legacyOctal, ...tags] });
  if (!Array.isArray(docs)) return invalid('The compose file is not YAML.');
  if (docs.length === 0) return invalid('The compose file is empty.');
  if (docs.length !== 1) return invalid(`The compose file must hold exactly one YAML document, not ${docs.length}.`);
  const doc = docs[0]!;
  const error = doc.errors[0];
  if (error) {
    // The library's message ends with a snippet of the file; the first line has the position.
    return invalid(`The compose file is not valid YAML: ${error.message.split('\n')[0]!.replace(/:$/, '')}`);
  }
  // A `__proto__` key would set the prototype of the object read, silently dropping the
  // entry (and everything under it) instead of keeping it as a key.
  let protoKey: string | null = null;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        const line = pair.key.range ? lineOf(text, pair.key.range[0]) : null;
        protoKey = line === null ? '' : ` (line ${line})`;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (protoKey !== null) return invalid(`The compose file is refused: "__proto__" is not a key it may use${protoKey}.`);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // The library throws for too many aliases (ReferenceError) and for what its schema
    // cannot build, such as a merge of a scalar (`<<: 5`): the file's fault either way.
    if (!(err instanceof Error)) throw err;
    return invalid(`The compose file is refused: ${/alias/i.test(err.message) && err instanceof ReferenceError ? `it uses aliases too often (more than ${MAX_ALIAS_COUNT} expansions)` : err.message}.`);
  }
  const odd = nonJsonValue(value, []);
  if (odd !== null) return invalid(`The compose file is refused: the value at ${odd.join('.') || 'the top'} is not text, a number, a boolean, a list or a mapping (a YAML tag such as !!binary or !!set).`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return invalid('The top level of a compose file must be a mapping (services:, networks:, ...).');
  // The line of a mapping entry is its key's (a block mapping's value starts on the next
  // line); of a list item, the item's. A path through a merge key has no node of its own
  // past the merge: its nearest written ancestor's line is given instead.
  const lineAt = (path: readonly string[]): number | null => {
    for (let n = path.length; n > 0; n--) {
      const parent = n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1).map(asIndex), true);
      const last = path[n - 1]!;
      let start: number | undefined;
      if (isMap(parent)) start = (parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === last)?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
      else if (isSeq(parent)) start = (parent.items[Number(last)] as { range?: [number, number, number] } | undefined)?.range?.[0];
      if (start !== undefined) return lineOf(text, start);
    }
    return null;
  };
  return { ok: true, value: value as Record<string, unknown>, lineAt };
}

const asIndex = (part: string): string | number => (/^\d+$/.test(part) ? Number(part) : part);

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The path of the first value that JSON could not hold (a Uint8Array, a Set, a Map, a Date), or null. */
function nonJsonValue(value: unknown, path: string[]): string[] | null {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nonJsonValue(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, child] of Object.entries(value)) {
      const found = nonJsonValue(child, [...path, key]);
      if (found) return found;
    }
    return null;
  }
  return path;
}
