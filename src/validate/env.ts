// Environment variables (`--env`, `--env-add`, `--env-rm`). The CLI also accepts a bare
// `KEY` and fills it from its own environment; the gateway has no such environment to
// offer, so it asks for `KEY=VALUE`.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, q, type FieldPath } from './field.ts';

const BLANK = /\s/;
/** NUL and the other C0 controls (and DEL): no process can be given such a name. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The key of `KEY=VALUE` (everything before the first "="). */
export function envKey(entry: string): string {
  const eq = entry.indexOf('=');
  return eq < 0 ? entry : entry.slice(0, eq);
}

function keyErrors(key: string, field: string[], entry: string): UserErrorInit[] {
  if (key === '') return [userError(field, 'INVALID_VALUE', `The environment variable ${q(entry)} has an empty name; write KEY=VALUE.`)];
  if (CONTROL.test(key)) return [userError(field, 'INVALID_VALUE', `The environment variable name ${q(key)} contains a control character (such as NUL); names cannot.`)];
  if (BLANK.test(key)) return [userError(field, 'INVALID_VALUE', `The environment variable name ${q(key)} contains blanks; names cannot.`)];
  return [];
}

/** Entries of the form `KEY=VALUE` (the value may be empty); `field` is the list's path. */
export function validateEnv(entries: readonly string[], field: FieldPath): UserErrorInit[] {
  return entries.flatMap((entry, i) => {
    if (!entry.includes('=')) {
      return [userError(at(field, i), 'INVALID_VALUE', `The environment variable ${q(entry)} has no "="; write KEY=VALUE (KEY= for an empty value).`)];
    }
    return keyErrors(envKey(entry), at(field, i), entry);
  });
}

/** Names of variables to remove (`--env-rm`): no "=", no blanks, not empty. */
export function validateEnvKeys(keys: readonly string[], field: FieldPath): UserErrorInit[] {
  return keys.flatMap((key, i) => {
    if (key.includes('=')) return [userError(at(field, i), 'INVALID_VALUE', `${q(key)} is not a variable name; give the name only, without "=".`)];
    return keyErrors(key, at(field, i), key);
  });
}
