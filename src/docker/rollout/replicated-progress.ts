// Replicated services: desired = Replicas; per slot the task docker/cli's rule picks among the
// up-to-date tasks; a slot counts as running when that task is `running` and meant to run
// (`starting`, i.e. a health check not yet passed, is not running). Converged when running ==
// desired; for zero replicas, when no task of the service is alive any more.
import type { Node, Service, Task } from '../engine-api/index.ts';
import { endedForGoodWords, slotView, unschedulableError, waitingWords, type ModeProgress } from './mode-progress.ts';
import { endedForGood, groupBy } from './restart-policy.ts';
import type { RolloutSlotView } from './rollout-types.ts';
import { tasksBySlot } from './task-slots.ts';
import { isFailedState, isTerminalState } from './task-states.ts';

/** A node whose tasks' states are news: ready. Tasks on a node that is down, disconnected or
 *  gone report states the node can no longer confirm (the CLI skips tasks on down nodes). An
 *  empty node list means the nodes are not known: every task counts. */
export function usableNodeTest(nodes: readonly Node[]): (nodeId: string) => boolean {
  if (nodes.length === 0) return () => true;
  const ready = new Set(nodes.filter((n) => n.Status.State === 'ready').map((n) => n.ID));
  return (id) => ready.has(id);
}

const meantToRun = (t: Task) => !isTerminalState(t.DesiredState);
const isRunning = (t: Task) => meantToRun(t) && t.Status.State === 'running';

export function replicatedProgress(service: Service, current: readonly Task[], stale: readonly Task[], nodes: readonly Node[]): ModeProgress {
  const desired = service.Spec.Mode.Replicated?.Replicas ?? 1;
  const usable = usableNodeTest(nodes);
  const bySlot = tasksBySlot(current, usable);
  const staleBySlot = tasksBySlot(stale, usable);

  const slots: RolloutSlotView[] = [];
  for (const t of bySlot.values()) slots.push(slotView(t, true));
  // Slots not yet replaced show their old task, while it is still meant to run.
  for (const [slot, t] of staleBySlot) if (!bySlot.has(slot) && meantToRun(t)) slots.push(slotView(t, false));
  slots.sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));

  const picked = [...bySlot.values()];
  const running = picked.filter(isRunning).length;
  const upToDate = picked.filter(meantToRun).length;
  const failed = current.filter((t) => isFailedState(t.Status.State)).length;
  const remaining = picked.filter((t) => meantToRun(t) && !isRunning(t));

  let converged: boolean;
  let head: string;
  if (desired === 0) {
    const alive = [...current, ...stale].filter((t) => (!t.NodeID || usable(t.NodeID)) && !isTerminalState(t.Status.State));
    converged = alive.length === 0;
    head = converged ? 'no task running (scaled to 0)' : `${alive.length} task${alive.length === 1 ? '' : 's'} still to stop`;
  } else {
    converged = running === desired;
    head = `${running} of ${desired} tasks running`;
  }
  // The slots still to come: an up-to-date task not running (a failed one awaits its
  // replacement; a slot being removed by a scale-down is not to come), or an old task.
  const pendingViews = slots.filter((v) => !v.upToDate || (v.desiredState !== 'remove' && !(v.state === 'running' && !isTerminalState(v.desiredState))));

  // A slot whose last task ended for good (a one-shot command under restart condition none or
  // on-failure): the service can never converge, so waiting for the deadline is pointless.
  const policy = service.Spec.TaskTemplate.RestartPolicy;
  const groups = groupBy(current.filter((t) => !t.NodeID || usable(t.NodeID)), (t) => t.Slot ?? 0);
  const ended = desired === 0 ? undefined : [...bySlot]
    .filter(([, t]) => t.DesiredState !== 'remove')
    .map(([slot]) => endedForGood(policy, groups.get(slot) ?? [], false))
    .find((t) => t !== null);

  return {
    desired,
    running,
    upToDate,
    failed,
    slots,
    converged,
    job: false,
    started: current.length > 0,
    waiting: waitingWords(head, converged ? [] : desired === 0 ? slots.filter((v) => !isTerminalState(v.state)) : pendingViews),
    noEligibleNodes: null,
    unschedulable: converged ? null : unschedulableError(remaining),
    failedForGood: converged || !ended ? null : endedForGoodWords(slotView(ended, true), policy),
    jobIteration: null,
  };
}
