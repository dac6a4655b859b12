// Which nodes a service may place tasks on, as far as the gateway can tell from the node list:
// active (not paused or drained) and ready nodes that meet every placement constraint. The
// constraint grammar and matching are the validate layer's (swarmkit's rules, one parser).
// A constraint that does not parse, or a Placement.Platforms list (swarmkit normalizes
// architectures, e.g. x86_64 = amd64, which this does not attempt), makes the answer "not
// evaluable": the caller must then not conclude NO_ELIGIBLE_NODES from it.
import type { Node, ServiceSpec } from '../engine-api/index.ts';
import { nodeMeets, parseConstraint, type Constraint } from '../../validate/constraints.ts';
import { constraintNodeOf } from '../model/constraint-node.ts';

export type EligibleNodes =
  | { evaluable: true; nodes: Node[]; constraints: string[] }
  | { evaluable: false; why: string };

/** The parsed constraints, or the first expression that does not parse. */
export function parsedConstraints(expressions: readonly string[]): { constraints: Constraint[] } | { unparsed: string } {
  const constraints: Constraint[] = [];
  for (const e of expressions) {
    const c = parseConstraint(e);
    if ('error' in c) return { unparsed: e };
    constraints.push(c);
  }
  return { constraints };
}

/** Whether the node meets every constraint (null when some constraint cannot be evaluated). */
export function nodeMeetsAll(node: Node, expressions: readonly string[]): boolean | null {
  const parsed = parsedConstraints(expressions);
  if ('unparsed' in parsed) return null;
  const cn = constraintNodeOf(node);
  return parsed.constraints.every((c) => nodeMeets(cn, c));
}

/** Ready, active node: one the scheduler would give a new task to. */
export function isSchedulable(node: Node): boolean {
  return node.Status.State === 'ready' && node.Spec.Availability === 'active';
}

export function eligibleNodes(spec: ServiceSpec, nodes: readonly Node[]): EligibleNodes {
  const placement = spec.TaskTemplate.Placement;
  if ((placement?.Platforms ?? []).length > 0) return { evaluable: false, why: 'the service names platforms' };
  const expressions = placement?.Constraints ?? [];
  const parsed = parsedConstraints(expressions);
  if ('unparsed' in parsed) return { evaluable: false, why: `the constraint ${JSON.stringify(parsed.unparsed)} cannot be evaluated` };
  const chosen = nodes.filter((n) => {
    if (!isSchedulable(n)) return false;
    const cn = constraintNodeOf(n);
    return parsed.constraints.every((c) => nodeMeets(cn, c));
  });
  return { evaluable: true, nodes: chosen, constraints: [...expressions] };
}
