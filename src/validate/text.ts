// Text the audit database cannot hold. PostgreSQL's text and jsonb refuse the NUL character,
// and a string with a lone UTF-16 surrogate (a JSON "\ud800" escape; invalid UTF-8 in a
// request body already arrives as U+FFFD) has no UTF-8 form. No Docker name, label, option
// or command needs either, so a mutation input holding one is refused at its field before
// the engine is asked, instead of failing somewhere between the audit log and the engine.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, type FieldPath } from './field.ts';

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes(NUL)) return 'contains a NUL character (U+0000), which cannot be stored or sent to the engine; remove it.';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not valid Unicode text), which cannot be stored or sent to the engine; send valid UTF-8.';
  return null;
}

/** Every string in `value` (objects and lists walked), checked; each problem at its own field below `field`. */
export function validateStorableText(value: unknown, field: FieldPath): UserErrorInit[] {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    return problem ? [userError([...field], 'INVALID_VALUE', `The value ${problem}`)] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => validateStorableText(child, at(field, key)));
}
