// Go durations (`10s`, `1m30s`, `500ms`, `1.5h`), as Go's time.ParseDuration reads them,
// for the CLI's duration flags (`--update-delay`, `--update-monitor`...). The Engine API
// takes durations as integer nanoseconds.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { q, type FieldPath } from './field.ts';

const UNIT_NANOS = new Map<string, bigint>(Object.entries({
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}));
const MAX_INT64 = 2n ** 63n - 1n;
const COMPONENT = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;

/** Go's ParseDuration in integer nanoseconds, or null when `text` is not a Go duration. */
function parse(text: string): bigint | null {
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') return null;
  let total = 0n;
  while (s !== '') {
    const m = COMPONENT.exec(s);
    if (!m) return null;
    const [all, whole = '', fraction = '', unit = ''] = m;
    if (whole === '' && fraction === '') return null;
    const nanos = UNIT_NANOS.get(unit);
    if (nanos === undefined) return null;
    let value = BigInt(whole === '' ? '0' : whole) * nanos;
    if (fraction !== '') value += (BigInt(fraction) * nanos) / 10n ** BigInt(fraction.length);
    total += value;
    if (total > MAX_INT64) return null;
    s = s.slice(all.length);
  }
  return negative ? -total : total;
}

/**
 * Parses a Go duration into nanoseconds. Negative durations are refused: nothing in the
 * gateway's inputs accepts one.
 */
export function parseGoDuration(text: string, field: FieldPath): { nanoseconds: number } | { errors: UserErrorInit[] } {
  const value = parse(text);
  if (value === null) {
    return { errors: [userError([...field], 'INVALID_VALUE', `${q(text)} is not a duration; write a number with a unit (ns, us, ms, s, m, h), e.g. 10s, 500ms or 1m30s.`)] };
  }
  if (value < 0n) return { errors: [userError([...field], 'INVALID_VALUE', `The duration ${q(text)} is negative; give 0 or more.`)] };
  return { nanoseconds: Number(value) };
}
