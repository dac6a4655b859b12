// Memory sizes (`512M`, `1g`, `1.5GiB`, `1024`), read as docker/go-units RAMInBytes does
// for the CLI's `--limit-memory`/`--reserve-memory`: binary multiples, case-insensitive
// unit, optional "i" and "b", one optional space; fractions are truncated to whole bytes.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { q, type FieldPath } from './field.ts';

const SIZE = /^([0-9]+(?:\.[0-9]+)*) ?([kmgtp])?i?b?$/i;
const MULTIPLIER = new Map([['k', 1024], ['m', 1024 ** 2], ['g', 1024 ** 3], ['t', 1024 ** 4], ['p', 1024 ** 5]]);

/** Parses a memory size into bytes. */
export function parseMemoryBytes(text: string, field: FieldPath): { bytes: number } | { errors: UserErrorInit[] } {
  const m = SIZE.exec(text);
  // go-units' pattern lets "1.2.3" through to ParseFloat, which then refuses it.
  if (!m || m[1]!.split('.').length > 2) {
    return { errors: [userError([...field], 'INVALID_VALUE', `${q(text)} is not a memory size; write a number with an optional unit b, k, m, g, t or p (binary multiples), e.g. 512M or 1.5GiB.`)] };
  }
  const bytes = Math.trunc(Number(m[1]) * (MULTIPLIER.get(m[2]?.toLowerCase() ?? '') ?? 1));
  if (!Number.isSafeInteger(bytes)) return { errors: [userError([...field], 'INVALID_VALUE', `The memory size ${q(text)} is too large.`)] };
  return { bytes };
}
