// Whole numbers within bounds (a count of seconds, a size): one check and one message for
// every integer input that has a range, so each such field reads the same to the caller.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import type { FieldPath } from './field.ts';

/**
 * No problem when `value` is omitted or a whole number from `min` to `max`; otherwise one
 * INVALID_VALUE at `field`, e.g. "wait 0 is not valid; give a whole number from 1 to 900."
 */
export function wholeNumberInRange(value: number | null | undefined, min: number, max: number, field: FieldPath, what: string): UserErrorInit[] {
  if (value == null || (Number.isInteger(value) && value >= min && value <= max)) return [];
  return [userError([...field], 'INVALID_VALUE', `${what} ${value} is not valid; give a whole number from ${min} to ${max}.`)];
}
