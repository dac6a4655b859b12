// Placement constraints (`--constraint node.role==manager`), by swarmkit's constraint
// parser: `key==value` or `key!=value`, a key of letters, digits, "-", "_", ".", and a
// value without operator characters.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, q, type FieldPath } from './field.ts';

const KEY = /^[a-z_][a-z0-9\-_.]+$/i;
const VALUE = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;
const OPERATORS = ['==', '!='] as const;

function constraintError(constraint: string): string | null {
  const op = OPERATORS.find((o) => constraint.includes(o));
  if (!op) return `The constraint ${q(constraint)} has no operator; write key==value or key!=value, e.g. node.role==manager.`;
  const index = constraint.indexOf(op);
  const key = constraint.slice(0, index).trim();
  const value = constraint.slice(index + op.length).trim();
  if (!KEY.test(key)) return `The constraint key ${q(key)} is not valid; use a key such as node.role, node.hostname or node.labels.zone.`;
  if (!VALUE.test(value)) return `The constraint value ${q(value)} is not valid; it cannot be empty or contain operators such as <, > or ~.`;
  return null;
}

/** Placement constraints; `field` is the list's path. */
export function validateConstraints(constraints: readonly string[], field: FieldPath): UserErrorInit[] {
  return constraints.flatMap((c, i) => {
    const message = constraintError(c);
    return message ? [userError(at(field, i), 'INVALID_VALUE', message)] : [];
  });
}
