// Key/value inputs: labels (`--label k=v`) and driver options (`--opt k=v`).
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, q, type FieldPath } from './field.ts';

/** A key/value pair as a caller gives it (`value` defaults to "", as `--label k` does). */
export interface KeyValueLike {
  key: string;
  value?: string | null | undefined;
}

/** Label keys, as the schema documents them: letters, digits, ".", "-", "_", "/". */
const LABEL_KEY = /^[A-Za-z0-9._/-]+$/;
const BLANK_OR_EQUALS = /[\s=]/;

function duplicateKeyErrors(items: readonly KeyValueLike[], field: FieldPath, what: string): UserErrorInit[] {
  const firstAt = new Map<string, number>();
  const errors: UserErrorInit[] = [];
  items.forEach((item, i) => {
    if (item.key === '') return; // reported as empty already
    const first = firstAt.get(item.key);
    if (first === undefined) firstAt.set(item.key, i);
    else errors.push(userError(at(field, i, 'key'), 'INVALID_VALUE', `The ${what} key ${q(item.key)} is given twice (items ${first} and ${i}); give each key once.`));
  });
  return errors;
}

/** Labels: each key non-empty, of letters, digits, ".", "-", "_", "/"; no key twice. */
export function validateLabels(labels: readonly KeyValueLike[], field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  labels.forEach((label, i) => {
    const key = label.key;
    if (key === '') errors.push(userError(at(field, i, 'key'), 'INVALID_VALUE', 'A label key must not be empty.'));
    else if (!LABEL_KEY.test(key)) {
      errors.push(userError(at(field, i, 'key'), 'INVALID_VALUE', `The label key ${q(key)} is not valid: use letters, digits, ".", "-", "_" and "/" (e.g. "com.example.team").`));
    }
  });
  return [...errors, ...duplicateKeyErrors(labels, field, 'label')];
}

/** Keys to remove (`--label-rm`): only non-empty, since existing labels may have any key. */
export function validateLabelKeys(keys: readonly string[], field: FieldPath): UserErrorInit[] {
  return keys.flatMap((key, i) => (key === '' ? [userError(at(field, i), 'INVALID_VALUE', 'A label key to remove must not be empty.')] : []));
}

/** Driver options (`--opt k=v`): key non-empty without blanks or "="; no key twice. */
export function validateDriverOptions(options: readonly KeyValueLike[], field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  options.forEach((option, i) => {
    if (option.key === '') errors.push(userError(at(field, i, 'key'), 'INVALID_VALUE', 'A driver option key must not be empty.'));
    else if (BLANK_OR_EQUALS.test(option.key)) {
      errors.push(userError(at(field, i, 'key'), 'INVALID_VALUE', `The driver option key ${q(option.key)} must not contain blanks or "=".`));
    }
  });
  return [...errors, ...duplicateKeyErrors(options, field, 'driver option')];
}
