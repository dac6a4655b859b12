// Inputs of secrets and configs checked before the engine is asked, with swarmkit's own
// rules (controlapi's validateSecretSpec/validateConfigSpec), so the refusal is at the field:
// - a name of letters and digits, with "-", "_" and "." inside, at most 64 characters;
// - data given exactly once, as UTF-8 text (`data`) or base64 (`dataBase64`), 1 byte to
//   500 KiB (swarmkit's MaxSecretSize; configs get the same limit, which every engine since
//   Docker 17.06 accepts).
// Messages never quote the data: it may be a secret.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, q, type FieldPath } from './field.ts';

export const STORED_NAME = /^[a-zA-Z0-9]+(?:[a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/;
export const MAX_STORED_NAME = 64;
export const MAX_STORED_DATA_BYTES = 500 * 1024;

/** The name as swarmkit accepts it, or a userError at `field`. */
export function validateStoredName(name: string, field: FieldPath, what: 'secret' | 'config'): UserErrorInit[] {
  if (name.length > MAX_STORED_NAME) return [userError([...field], 'INVALID_VALUE', `A ${what} name is at most ${MAX_STORED_NAME} characters (this one has ${name.length}).`)];
  if (!STORED_NAME.test(name)) {
    return [userError([...field], 'INVALID_VALUE', `${q(name)} is not a valid ${what} name: use letters and digits, with "-", "_" or "." between them (it must start and end with a letter or digit).`)];
  }
  return [];
}

/** The strict base64 alphabet with its padding, as Go's StdEncoding decodes it. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The data as bytes, from `data` (UTF-8) or `dataBase64`, exactly one of them; errors at `field` (the input). */
export function storedData(input: { data?: string | null; dataBase64?: string | null }, field: FieldPath): { bytes: Buffer } | { errors: UserErrorInit[] } {
  const hasText = input.data != null;
  const hasBase64 = input.dataBase64 != null;
  if (hasText === hasBase64) {
    return { errors: [userError([...field], 'INVALID_VALUE', 'Give the data exactly once: as UTF-8 text in `data` or as base64 in `dataBase64`.')] };
  }
  let bytes: Buffer;
  if (hasBase64) {
    const text = input.dataBase64!.replace(/\s+/g, '');
    if (!BASE64.test(text)) return { errors: [userError(at(field, 'dataBase64'), 'INVALID_VALUE', '`dataBase64` is not valid base64 (standard alphabet, with "=" padding).')] };
    bytes = Buffer.from(text, 'base64');
  } else {
    bytes = Buffer.from(input.data!, 'utf8');
  }
  const where = at(field, hasBase64 ? 'dataBase64' : 'data');
  if (bytes.length === 0) return { errors: [userError(where, 'INVALID_VALUE', 'The data must not be empty (swarmkit refuses an empty secret or config).')] };
  if (bytes.length > MAX_STORED_DATA_BYTES) {
    return { errors: [userError(where, 'INVALID_VALUE', `The data is ${bytes.length} bytes; at most ${MAX_STORED_DATA_BYTES} (500 KiB) are allowed.`)] };
  }
  return { bytes };
}
