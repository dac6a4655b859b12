// Which of a service's tasks a new spec would replace, by swarmkit's rules (orchestrator
// IsTaskDirty, the updater's dirty slots, controlapi's job iterations), as a pure function of
// what the engine shows: the service, its tasks, the nodes, and the spec that would be sent.
//
// The rules, and why each holds:
// - A runnable task (desired state running or below) is replaced when the service's task spec
//   differs from the spec the task was made from (ForceUpdate included: a bump replaces all),
//   or when the endpoint spec changed. The engine's task JSON carries no endpoint spec, so the
//   service's current endpoint spec stands for the one its tasks were made from.
// - A change of the placement alone leaves a task in place while its node still meets the new
//   constraints (swarmkit IsTaskDirtyPlacementConstraintsOnly); a task on a node that does not
//   (or on a node the gateway cannot see) is replaced.
// - A replica count alone replaces nothing: slots are added or removed. Which slots go is the
//   orchestrator's choice (it prefers busy nodes), so only the count is predicted.
// - Global services: a node that stops meeting the constraints loses its task (removed), a
//   newly eligible node gets one (added).
// - Jobs: every accepted update starts a new job iteration (controlapi increments
//   JobIteration), so the current iteration's tasks are all superseded, whatever changed.
// Not modelled: swarmkit ignores PullOptions for started tasks, which the Engine API does not
// expose at all, so it cannot differ here.
import type { Node, Service, ServiceSpec, Task, TaskSpec } from '../engine-api/index.ts';
import { serviceModeOf } from '../model/service.ts';
import { specDiff } from './spec-diff.ts';
import { eligibleNodes, nodeMeetsAll } from './eligible-nodes.ts';
import { tasksByNode, tasksBySlot } from './task-slots.ts';
import { isTerminalState } from './task-states.ts';

/**
 * Equality of spec JSON as the spec difference sees it: a key whose value is null counts as
 * absent. The engine's task view shows some keys the spec left out as null (Privileges'
 * CredentialSpec and SELinuxContext), which is no difference; one rule for "differs" and for
 * the paths that are named.
 */
const sameSpec = (a: unknown, b: unknown): boolean => specDiff(a, b).length === 0;

export type ReplaceReason = 'TASK_SPEC_CHANGED' | 'FORCE_UPDATE' | 'ENDPOINT_CHANGED' | 'PLACEMENT_NOT_MET' | 'NEW_JOB_ITERATION';

export interface PlannedReplacement {
  /** Replicated modes: the slot; null for global modes. */
  slot: number | null;
  nodeId: string | null;
  taskId: string;
  reason: ReplaceReason;
  /** The task spec paths that differ from the new spec (`EndpointSpec` for an endpoint change; empty for a job's new iteration). */
  paths: string[];
}

export interface TaskChangePlan {
  replaced: PlannedReplacement[];
  /** Tasks (slots or nodes) the change adds. */
  added: number;
  /** Tasks (slots or nodes) the change removes. */
  removed: number;
}

/** Why `task` would be replaced under `next`, or null when it stays. */
export function replaceReason(current: Service, next: ServiceSpec, task: Task, node: Node | undefined): ReplaceReason | null {
  const taskSpec = task.Spec ?? null;
  const wanted = asTaskShows(next.TaskTemplate, taskSpec);
  if (!sameSpec(wanted, taskSpec)) {
    if (taskSpec !== null && placementOnly(wanted, taskSpec)) {
      return node !== undefined && nodeMeetsAll(node, wanted.Placement?.Constraints ?? []) === true ? null : 'PLACEMENT_NOT_MET';
    }
    if (taskSpec !== null && sameSpec({ ...wanted, ForceUpdate: taskSpec.ForceUpdate }, taskSpec)) return 'FORCE_UPDATE';
    return 'TASK_SPEC_CHANGED';
  }
  if (!sameSpec(current.Spec.EndpointSpec ?? null, next.EndpointSpec ?? null)) return 'ENDPOINT_CHANGED';
  return null;
}

/**
 * The new task spec as the engine's task JSON would show it. Docker's task view leaves out
 * `Runtime` (the service view fills it in; the runtime follows from ContainerSpec or PluginSpec
 * and a service cannot change it), so a task never "differs" in it.
 */
function asTaskShows(wanted: TaskSpec, had: TaskSpec | null): TaskSpec {
  if (had === null || had.Runtime !== undefined || wanted.Runtime === undefined) return wanted;
  const { Runtime: _runtime, ...rest } = wanted;
  return rest;
}

function placementOnly(wanted: TaskSpec, had: TaskSpec): boolean {
  return !sameSpec(wanted.Placement ?? null, had.Placement ?? null) && sameSpec({ ...wanted, Placement: had.Placement }, had);
}

function pathsOf(task: Task, next: ServiceSpec, reason: ReplaceReason): string[] {
  if (reason === 'ENDPOINT_CHANGED') return ['EndpointSpec'];
  return specDiff(task.Spec ?? null, asTaskShows(next.TaskTemplate, task.Spec ?? null), ['TaskTemplate']).map((c) => c.path);
}

const runnable = (t: Task) => !isTerminalState(t.DesiredState);

/** What sending `next` for `current` would do to its tasks (see the rules above). */
export function planTaskChanges(current: Service, tasks: readonly Task[], nodes: readonly Node[], next: ServiceSpec): TaskChangePlan {
  const own = tasks.filter((t) => t.ServiceID === current.ID);
  const nodeById = new Map(nodes.map((n) => [n.ID, n]));
  const mode = serviceModeOf(next);
  if (mode === 'REPLICATED_JOB' || mode === 'GLOBAL_JOB') return jobPlan(current, own);
  const reasonOf = (t: Task) => replaceReason(current, next, t, t.NodeID ? nodeById.get(t.NodeID) : undefined);
  if (mode === 'GLOBAL') return globalPlan(own.filter(runnable), nodes, next, reasonOf);
  const slots = [...tasksBySlot(own.filter(runnable), () => true).entries()].sort(([a], [b]) => a - b);
  const replicas = next.Mode?.Replicated?.Replicas ?? 1;
  const replaced = slots.flatMap(([slot, t]) => {
    const reason = reasonOf(t);
    return reason ? [{ slot, nodeId: t.NodeID ?? null, taskId: t.ID, reason, paths: pathsOf(t, next, reason) }] : [];
  });
  return { replaced, added: Math.max(0, replicas - slots.length), removed: Math.max(0, slots.length - replicas) };
}

function globalPlan(tasks: Task[], nodes: readonly Node[], next: ServiceSpec, reasonOf: (t: Task) => ReplaceReason | null): TaskChangePlan {
  const byNode = tasksByNode(tasks);
  const eligible = eligibleNodes(next, nodes);
  // Not evaluable (platforms, a constraint the gateway cannot parse): keep every node's task.
  const stays = (nodeId: string) => !eligible.evaluable || eligible.nodes.some((n) => n.ID === nodeId);
  const replaced: PlannedReplacement[] = [];
  let removed = 0;
  for (const [nodeId, t] of [...byNode.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!stays(nodeId)) {
      removed += 1;
      continue;
    }
    const reason = reasonOf(t);
    if (reason) replaced.push({ slot: null, nodeId, taskId: t.ID, reason, paths: pathsOf(t, next, reason) });
  }
  const added = eligible.evaluable ? eligible.nodes.filter((n) => !byNode.has(n.ID)).length : 0;
  return { replaced, added, removed };
}

function jobPlan(current: Service, tasks: Task[]): TaskChangePlan {
  const iteration = current.JobStatus?.JobIteration?.Index ?? 0;
  const replaced = tasks
    .filter((t) => (t.JobIteration?.Index ?? 0) === iteration)
    .sort((a, b) => (a.Slot ?? 0) - (b.Slot ?? 0) || a.ID.localeCompare(b.ID))
    .map((t) => ({ slot: t.Slot ?? null, nodeId: t.NodeID ?? null, taskId: t.ID, reason: 'NEW_JOB_ITERATION' as const, paths: [] }));
  return { replaced, added: 0, removed: 0 };
}
