// Schema validation of an interpolated compose file (schema.ts), with ajv's errors turned
// into one clear sentence each at the compose path they concern. A value that fails every
// alternative of a `oneOf` yields an error per alternative: the deepest one is what the
// writer got wrong (a port object's bad `target`, not "is not an integer"), and at one path
// the most specific (an unknown key before a wrong type); wrong types at one path are
// listed together ("must be a string or a list").
import { Ajv, type ErrorObject } from 'ajv';
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import { parseGoDuration } from '../../../validate/duration.ts';
import { COMPOSE_SCHEMA } from './schema.ts';

const ajv = new Ajv({ allErrors: true, strict: false, formats: { duration: (s: string) => 'nanoseconds' in parseGoDuration(s, []) } });
const validateCompose = ajv.compile(COMPOSE_SCHEMA);

const PRIORITY = ['additionalProperties', 'required', 'enum', 'format', 'minimum', 'maximum', 'minLength', 'uniqueItems', 'type'];

const TYPE_NAMES: Record<string, string> = { string: 'a string', integer: 'an integer', number: 'a number', boolean: 'a boolean (true or false)', object: 'a mapping', array: 'a list', null: 'empty' };

function pathOf(error: ErrorObject): string[] {
  const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  return path;
}

function sentence(path: string[], errors: ErrorObject[]): string {
  const where = path.join('.') || 'the compose file';
  const first = errors[0]!;
  switch (first.keyword) {
    case 'additionalProperties': {
      const key = path[path.length - 1]!;
      const parent = path.slice(0, -1);
      if (parent.length === 1 && ['services', 'networks', 'volumes', 'secrets', 'configs'].includes(parent[0]!)) {
        return `${where}: "${key}" is not a valid name here: use letters, digits, ".", "_" and "-" only.`;
      }
      return `${where}: "${key}" is not a key the compose format allows here.`;
    }
    case 'required':
      return `${where} is required.`;
    case 'enum':
      return `${where} must be one of ${(first.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'format':
      return first.params.format === 'duration'
        ? `${where} must be a duration such as "10s", "1m30s" or "500ms".`
        : `${where} is not a valid ${String(first.params.format)}.`;
    case 'type': {
      const types = [...new Set(errors.flatMap((e) => (e.keyword === 'type' ? [e.params.type].flat() : [])))] as string[];
      return `${where} must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}.`;
    }
    case 'uniqueItems':
      return `${where} must not list the same item twice.`;
    default:
      return `${where} ${first.message ?? 'is invalid'}.`;
  }
}

export function validateSchema(doc: unknown): UserErrorInit[] {
  if (validateCompose(doc)) return [];
  const errors = (validateCompose.errors ?? []).filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const byPath = new Map<string, { path: string[]; errors: ErrorObject[] }>();
  for (const error of errors) {
    const path = pathOf(error);
    const key = JSON.stringify(path);
    const entry = byPath.get(key) ?? { path, errors: [] };
    entry.errors.push(error);
    byPath.set(key, entry);
  }
  const entries = [...byPath.values()];
  // A problem at a path below another's (the key an object branch names) says more.
  const below = (a: string[], b: string[]) => b.length > a.length && a.every((part, i) => part === b[i]);
  const kept = entries.filter((entry) => !entries.some((other) => below(entry.path, other.path)));
  return kept.map(({ path, errors: at }) => {
    const sorted = [...at].sort((a, b) => PRIORITY.indexOf(a.keyword) - PRIORITY.indexOf(b.keyword));
    const best = sorted[0]!;
    const same = sorted.filter((e) => e.keyword === best.keyword);
    return userError(path, 'COMPOSE_INVALID', sentence(path, same));
  });
}
