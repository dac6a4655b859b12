// The YAML reading of a compose file: one document, merge keys (`<<`) resolved, duplicate
// keys refused, aliases bounded. Scalars are read as Go's yaml.v3 reads them for the CLI:
// the YAML 1.2 core schema, plus the 1.1 octal spelling `0440` (yaml.v3 keeps it "for
// compatibility", and compose files use it for secret modes).
import { parseAllDocuments, type ScalarTag } from 'yaml';
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

export type ParsedYaml = { ok: true; value: Record<string, unknown> } | { ok: false; problem: UserErrorInit };

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
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (err instanceof ReferenceError || err instanceof TypeError) {
      return invalid(`The compose file is refused: ${/alias/i.test(err.message) ? `it uses aliases too often (more than ${MAX_ALIAS_COUNT} expansions)` : err.message}.`);
    }
    throw err;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return invalid('The top level of a compose file must be a mapping (services:, networks:, ...).');
  return { ok: true, value: value as Record<string, unknown> };
}
