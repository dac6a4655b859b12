// Global services: desired = the eligible nodes (active, ready, meeting the constraints); per
// node the task docker/cli's rule picks among the up-to-date tasks. Unlike the CLI (which
// counts the nodes that have tasks, and waits forever when there are none: docker/cli#627),
// no eligible node at all is a verdict. When eligibility cannot be evaluated, desired falls back
// to the CLI's count: the ready nodes holding a task meant to run.
import type { Node, Service, Task } from '../engine-api/index.ts';
import { eligibleNodes } from './eligible-nodes.ts';
import { endedForGoodWords, slotView, unschedulableError, waitingWords, type ModeProgress } from './mode-progress.ts';
import { endedForGood, groupBy } from './restart-policy.ts';
import { usableNodeTest } from './replicated-progress.ts';
import type { RolloutSlotView } from './rollout-types.ts';
import { tasksByNode } from './task-slots.ts';
import { isFailedState, isTerminalState } from './task-states.ts';

const meantToRun = (t: Task) => !isTerminalState(t.DesiredState);
const isRunning = (t: Task) => meantToRun(t) && t.Status.State === 'running';

export function noEligibleNodesReason(constraints: readonly string[]): string {
  return constraints.length === 0
    ? 'no node is active and ready'
    : `no active, ready node meets the placement constraints ${constraints.map((c) => JSON.stringify(c)).join(', ')}`;
}

export function globalProgress(service: Service, current: readonly Task[], nodes: readonly Node[]): ModeProgress {
  const usable = usableNodeTest(nodes);
  const byNode = tasksByNode(current.filter((t) => t.NodeID && usable(t.NodeID)));
  const eligible = eligibleNodes(service.Spec, nodes);
  const nodeIds = eligible.evaluable
    ? eligible.nodes.map((n) => n.ID)
    : [...byNode].filter(([, t]) => meantToRun(t)).map(([id]) => id);

  const slots: RolloutSlotView[] = nodeIds.map((id) => {
    const t = byNode.get(id);
    return t ? slotView(t, true) : { slot: null, nodeId: id, taskId: null, state: null, desiredState: null, upToDate: false, error: null, message: null };
  });
  const picked = nodeIds.map((id) => byNode.get(id)).filter((t): t is Task => t !== undefined);
  const desired = nodeIds.length;
  const running = picked.filter(isRunning).length;
  const converged = desired > 0 && running === desired;
  const remaining = picked.filter((t) => meantToRun(t) && !isRunning(t));
  const pendingViews = slots.filter((v) => v.taskId === null || (!isTerminalState(v.desiredState) && v.state !== 'running'));
  const head = desired === 0 && !eligible.evaluable ? 'waiting for tasks' : `${running} of ${desired} tasks running`;

  const policy = service.Spec.TaskTemplate.RestartPolicy;
  const groups = groupBy(current, (t) => t.NodeID ?? '');
  const ended = nodeIds.map((id) => endedForGood(policy, groups.get(id) ?? [], false)).find((t) => t !== null);

  return {
    desired,
    running,
    upToDate: picked.filter(meantToRun).length,
    failed: current.filter((t) => isFailedState(t.Status.State)).length,
    slots,
    converged,
    job: false,
    started: current.length > 0,
    waiting: waitingWords(head, converged ? [] : pendingViews),
    noEligibleNodes: eligible.evaluable && desired === 0 ? noEligibleNodesReason(eligible.constraints) : null,
    // Only when every node still to come has its task, and all of those wait for resources.
    unschedulable: converged || remaining.length < pendingViews.length ? null : unschedulableError(remaining),
    failedForGood: converged || !ended ? null : endedForGoodWords(slotView(ended, true), policy),
    jobIteration: null,
  };
}
