// Placement constraints (`--constraint node.role==manager`), read as swarmkit reads them
// (manager/constraint/constraint.go, Parse and NodeMatches): `key==value` or `key!=value`
// (the first operator of `==`, `!=` found in the text splits it), a key of letters, digits,
// "-", "_", "." starting with a letter or "_", a value without operator characters; keys and
// values compare case-insensitively, label names (after `node.labels.` / `engine.labels.`)
// case-sensitively, and a missing label is "". THE one parser: input validation and the
// policy's placement rule (src/auth/policy/placement.ts) both use it.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, q, type FieldPath } from './field.ts';

const KEY = /^[a-z_][a-z0-9\-_.]+$/i;
const VALUE = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;
const OPERATORS = ['==', '!='] as const;
const LABEL_PREFIXES = ['node.labels.', 'engine.labels.'] as const;
/** The keys swarmkit matches on besides labels (NodeMatches); any other key matches no node. */
const NODE_KEYS = ['node.id', 'node.hostname', 'node.ip', 'node.role', 'node.platform.os', 'node.platform.arch'] as const;

export type ConstraintKey =
  | { kind: (typeof NODE_KEYS)[number] }
  | { kind: 'node.labels' | 'engine.labels'; label: string };

export interface Constraint {
  /** The key as written (trimmed). */
  key: string;
  parsedKey: ConstraintKey;
  /** `==` (true) or `!=` (false). */
  equal: boolean;
  value: string;
}

function parseKey(key: string): ConstraintKey | string {
  for (const prefix of LABEL_PREFIXES) {
    // swarmkit's prefix test is case-sensitive; `Node.Labels.x` is an unknown key there.
    if (!key.startsWith(prefix)) continue;
    const label = key.slice(prefix.length);
    if (label === '') return `The constraint key ${q(key)} names no label; write ${prefix}<label>, e.g. ${prefix}zone.`;
    return { kind: prefix === 'node.labels.' ? 'node.labels' : 'engine.labels', label };
  }
  const known = NODE_KEYS.find((k) => k === key.toLowerCase());
  if (known) return { kind: known };
  return `The constraint key ${q(key)} is not one swarmkit matches on (it would match no node); use node.id, node.hostname, node.ip, node.role, node.platform.os, node.platform.arch, node.labels.<label> or engine.labels.<label>.`;
}

/** The constraint, or why it is not one. */
export function parseConstraint(expression: string): Constraint | { error: string } {
  const op = OPERATORS.find((o) => expression.includes(o));
  if (!op) return { error: `The constraint ${q(expression)} has no operator; write key==value or key!=value, e.g. node.role==manager.` };
  const index = expression.indexOf(op);
  const key = expression.slice(0, index).trim();
  const value = expression.slice(index + op.length).trim();
  if (!KEY.test(key)) return { error: `The constraint key ${q(key)} is not valid; use a key such as node.role, node.hostname or node.labels.zone.` };
  if (!VALUE.test(value)) return { error: `The constraint value ${q(value)} is not valid; it cannot be empty or contain operators such as <, > or ~.` };
  const parsedKey = parseKey(key);
  if (typeof parsedKey === 'string') return { error: parsedKey };
  return { key, parsedKey, equal: op === '==', value };
}

/** What swarmkit knows of a node when it matches constraints. */
export interface ConstraintNode {
  id: string;
  hostname: string;
  ip?: string;
  manager: boolean;
  labels: Record<string, string>;
  engineLabels: Record<string, string>;
  os: string;
  arch: string;
}

function nodeValue(node: ConstraintNode, key: ConstraintKey): string {
  switch (key.kind) {
    case 'node.id': return node.id;
    case 'node.hostname': return node.hostname;
    case 'node.ip': return node.ip ?? '';
    case 'node.role': return node.manager ? 'manager' : 'worker';
    case 'node.platform.os': return node.os;
    case 'node.platform.arch': return node.arch;
    case 'node.labels': return node.labels[key.label] ?? '';
    case 'engine.labels': return node.engineLabels[key.label] ?? '';
  }
}

/** Whether the node meets the constraint (values compare case-insensitively, as swarmkit's Match). */
export function nodeMeets(node: ConstraintNode, c: Constraint): boolean {
  return (nodeValue(node, c.parsedKey).toLowerCase() === c.value.toLowerCase()) === c.equal;
}

/** Whether two constraints are the same test (same key, operator and value, as swarmkit compares them). */
export function sameConstraint(a: Constraint, b: Constraint): boolean {
  return a.key.toLowerCase() === b.key.toLowerCase() && a.equal === b.equal && a.value.toLowerCase() === b.value.toLowerCase();
}

/** Placement constraints; `field` is the list's path. */
export function validateConstraints(constraints: readonly string[], field: FieldPath): UserErrorInit[] {
  return constraints.flatMap((c, i) => {
    const parsed = parseConstraint(c);
    return 'error' in parsed ? [userError(at(field, i), 'INVALID_VALUE', parsed.error)] : [];
  });
}
