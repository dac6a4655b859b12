// Job services (replicated-job, global-job): only the tasks of the counted JobIteration matter
// (every spec change starts a new iteration); `complete` is done, and the rollout never waits
// for `running` (the CLI's wait for running tasks hangs on one-shot services: docker/cli#5299).
// A replicated job is done when TotalCompletions slots completed; a global job when every
// eligible node completed. A task that failed and will not be restarted (restart condition
// none, or MaxAttempts used up: restart-policy.ts) means the job can never complete: a verdict too.
import type { Node, Service, Task } from '../engine-api/index.ts';
import { eligibleNodes } from './eligible-nodes.ts';
import { noEligibleNodesReason } from './global-progress.ts';
import { describeSlot, slotView, unschedulableError, waitingWords, type ModeProgress } from './mode-progress.ts';
import type { RolloutSlotView } from './rollout-types.ts';
import { endedForGood, groupBy } from './restart-policy.ts';
import { jobTasksBy } from './task-slots.ts';
import { isFailedState, isTerminalState } from './task-states.ts';

/** An iteration as the engine sends it: `{}` is iteration 0 (Index is omitempty). */
const iterationIndex = (v: { Index?: number } | undefined): number | null => (v ? (v.Index ?? 0) : null);

/** The iteration this rollout counts: the tracked one, else the service's current one. */
export function countedIteration(tracked: number | null | undefined, service: Service): number | null {
  return tracked ?? iterationIndex(service.JobStatus?.JobIteration);
}

function ofIteration(tasks: readonly Task[], iteration: number | null): Task[] {
  return tasks.filter((t) => (iteration === null ? true : iterationIndex(t.JobIteration) === iteration));
}

export function jobProgress(service: Service, tasks: readonly Task[], nodes: readonly Node[], trackedIteration: number | null | undefined): ModeProgress {
  const iteration = countedIteration(trackedIteration, service);
  const current = ofIteration(tasks, iteration);
  const global = service.Spec.Mode.GlobalJob !== undefined;
  const keyOf = global ? (t: Task) => t.NodeID ?? '' : (t: Task) => String(t.Slot ?? 0);
  const picked = jobTasksBy(current, keyOf);

  let desired: number;
  let keys: string[];
  let noEligibleNodes: string | null = null;
  if (global) {
    const eligible = eligibleNodes(service.Spec, nodes);
    keys = eligible.evaluable ? eligible.nodes.map((n) => n.ID) : [...picked.keys()];
    desired = keys.length;
    if (eligible.evaluable && desired === 0) noEligibleNodes = noEligibleNodesReason(eligible.constraints);
  } else {
    const mode = service.Spec.Mode.ReplicatedJob ?? {};
    // The engine's defaults: MaxConcurrent 1, TotalCompletions = MaxConcurrent.
    desired = mode.TotalCompletions ?? mode.MaxConcurrent ?? 1;
    keys = [...picked.keys()].sort((a, b) => Number(a) - Number(b));
  }

  // A replicated job's slots count from 0, which the engine's JSON leaves out (omitempty).
  const viewOf = (t: Task): RolloutSlotView => (global ? slotView(t, true) : { ...slotView(t, true), slot: t.Slot ?? 0 });
  const slots: RolloutSlotView[] = keys.map((k) => {
    const t = picked.get(k);
    return t ? viewOf(t) : { slot: null, nodeId: k, taskId: null, state: null, desiredState: null, upToDate: false, error: null, message: null };
  });
  const completed = keys.filter((k) => picked.get(k)?.Status.State === 'complete').length;
  const converged = desired === 0 || (completed >= desired && (!global || desired > 0));
  const policy = service.Spec.TaskTemplate.RestartPolicy;
  const lost = [...groupBy(current, keyOf).values()].map((group) => endedForGood(policy, group, true)).find((t) => t !== null);
  const lostView = lost ? viewOf(lost) : null;
  // Unschedulable only when every slot or node not complete waits for a node (none runs).
  const notComplete = [...picked.values()].filter((t) => t.Status.State !== 'complete');
  const waitingForNode = notComplete.every((t) => !isTerminalState(t.Status.State) && t.Status.State !== 'running');
  const notDone = slots.filter((v) => v.state !== 'complete');

  return {
    desired,
    // The contract's `running` for a job is its completed tasks (schema.graphql, Rollout.running).
    running: completed,
    upToDate: picked.size,
    failed: current.filter((t) => isFailedState(t.Status.State)).length,
    slots,
    converged,
    job: true,
    started: current.length > 0,
    waiting: waitingWords(`${completed} of ${desired} ${global ? 'nodes' : 'completions'} complete`, converged ? [] : notDone),
    noEligibleNodes,
    unschedulable: converged || !waitingForNode ? null : unschedulableError(notComplete),
    failedForGood: converged || !lostView ? null : `the job cannot complete: ${describeSlot(lostView)}`,
    jobIteration: iteration,
  };
}
