// Rule no-manager-placement: constraints may not steer tasks onto manager nodes. Refused:
// `node.role==manager`, `node.role!=worker`, `node.id==` or `node.hostname==` naming a
// manager; and (when the swarm has workers) a constraint, or the whole list, that only
// managers meet today (`node.hostname!=<the only worker>`, a label only managers carry).
// Constraints are read as swarmkit reads them (constraint.Parse, NodeMatches): keys and
// values compare case-insensitively, a missing label is "", keys it does not know are
// taken to match every node.
import type { GuardedSpec } from './spec-view.ts';
import { finding, type Finding } from './violation.ts';

/** What the guardrail knows of a node (from `GET /nodes`). */
export interface GuardNode {
  id: string;
  hostname: string;
  manager: boolean;
  labels: Record<string, string>;
  engineLabels: Record<string, string>;
  os: string;
  arch: string;
}

interface Constraint {
  key: string;
  equal: boolean;
  value: string;
}

const REMEDY = 'Constrain to workers (node.role==worker) or leave placement to the swarm; only an admin may place services on managers.';

function parseConstraint(expression: string): Constraint | null {
  for (const op of ['==', '!='] as const) {
    const i = expression.indexOf(op);
    if (i < 0) continue;
    return { key: expression.slice(0, i).trim(), equal: op === '==', value: expression.slice(i + op.length).trim() };
  }
  return null;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function labelValue(labels: Record<string, string>, key: string, prefix: string): string {
  return labels[key.slice(prefix.length)] ?? '';
}

/** The node's value for the constraint's key, or undefined for a key swarmkit does not match on. */
function nodeValue(node: GuardNode, key: string): string | undefined {
  const k = key.toLowerCase();
  if (k === 'node.id') return node.id;
  if (k === 'node.hostname') return node.hostname;
  if (k === 'node.role') return node.manager ? 'manager' : 'worker';
  if (k === 'node.platform.os') return node.os;
  if (k === 'node.platform.arch') return node.arch;
  if (k.startsWith('node.labels.') && k.length > 'node.labels.'.length) return labelValue(node.labels, key, 'node.labels.');
  if (k.startsWith('engine.labels.') && k.length > 'engine.labels.'.length) return labelValue(node.engineLabels, key, 'engine.labels.');
  return undefined;
}

function meets(node: GuardNode, c: Constraint): boolean {
  const value = nodeValue(node, c.key);
  if (value === undefined) return true;
  return same(value, c.value) === c.equal;
}

/** Why the constraint on its own names managers, or null. */
function namesManagers(c: Constraint, managers: readonly GuardNode[]): string | null {
  const key = c.key.toLowerCase();
  if (key === 'node.role' && ((c.equal && same(c.value, 'manager')) || (!c.equal && same(c.value, 'worker')))) return 'it selects manager nodes';
  if (!c.equal) return null;
  const named = key === 'node.id' ? managers.find((m) => same(m.id, c.value)) : key === 'node.hostname' ? managers.find((m) => same(m.hostname, c.value)) : undefined;
  return named ? `it names the manager node ${named.hostname}` : null;
}

function onlyManagers(nodes: readonly GuardNode[], constraints: readonly Constraint[]): GuardNode[] | null {
  const matching = nodes.filter((n) => constraints.every((c) => meets(n, c)));
  return matching.length > 0 && matching.every((n) => n.manager) ? matching : null;
}

const hostnames = (nodes: readonly GuardNode[]) => nodes.map((n) => n.hostname).join(', ');

export function checkPlacement(spec: Pick<GuardedSpec, 'constraints' | 'constraintsField'>, nodes: readonly GuardNode[]): Finding[] {
  const managers = nodes.filter((n) => n.manager);
  const hasWorkers = nodes.some((n) => !n.manager);
  const findings: Finding[] = [];
  const parsed: Constraint[] = [];
  for (const { field, expression } of spec.constraints) {
    const c = parseConstraint(expression);
    if (!c) continue; // not a constraint at all: input validation reports it
    parsed.push(c);
    const why = namesManagers(c, managers);
    const only = why || !hasWorkers ? null : onlyManagers(nodes, [c]);
    if (why) findings.push(finding(field, 'no-manager-placement', `the constraint ${JSON.stringify(expression)} places tasks on managers: ${why}`, REMEDY));
    else if (only) findings.push(finding(field, 'no-manager-placement', `the constraint ${JSON.stringify(expression)} places tasks on managers: only ${hostnames(only)} meet it`, REMEDY));
  }
  if (findings.length === 0 && hasWorkers && parsed.length > 1) {
    const only = onlyManagers(nodes, parsed);
    if (only) findings.push(finding(spec.constraintsField, 'no-manager-placement', `the constraints together place tasks on managers: only ${hostnames(only)} meet them`, REMEDY));
  }
  return findings;
}
