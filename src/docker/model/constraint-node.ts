// What swarmkit matches placement constraints against (node.id, node.hostname, node.labels.X,
// engine.labels.X, ...), taken from the engine's node JSON: one mapping for the guardrails'
// placement checks and the rollout rules' eligible nodes.
import type { Node } from '../engine-api/index.ts';
import type { ConstraintNode } from '../../validate/constraints.ts';

export function constraintNodeOf(n: Node): ConstraintNode {
  return {
    id: n.ID,
    hostname: n.Description.Hostname,
    ip: n.Status?.Addr,
    manager: n.Spec.Role === 'manager' || n.ManagerStatus != null,
    labels: n.Spec.Labels ?? {},
    engineLabels: n.Description.Engine?.Labels ?? {},
    os: n.Description.Platform?.OS ?? '',
    arch: n.Description.Platform?.Architecture ?? '',
  };
}
