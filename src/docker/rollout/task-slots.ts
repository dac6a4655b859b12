// Which task stands for a slot (replicated modes) or a node (global modes), by docker/cli's
// service progress rules: a slot or node can hold several tasks at once (a restart, a
// start-first update), and the one with the LOWEST desired state wins (the one meant to run),
// ties broken by the lowest observed state (start-first: the new task still starting beside the
// old one running). Tasks in a state the rules do not know are skipped. Jobs instead keep the
// task with the lowest observed state of the iteration (a complete one beats an earlier failure).
import type { Task } from '../engine-api/index.ts';
import { stateRank } from './task-states.ts';

function knownStates(t: Task): boolean {
  return stateRank(t.DesiredState) > 0 && stateRank(t.Status.State) > 0;
}

/** Whether `candidate` should replace `existing` for the same slot or node (service modes). */
function preferred(candidate: Task, existing: Task): boolean {
  const d = stateRank(candidate.DesiredState) - stateRank(existing.DesiredState);
  if (d !== 0) return d < 0;
  return stateRank(candidate.Status.State) < stateRank(existing.Status.State);
}

function pick<K>(tasks: readonly Task[], keyOf: (t: Task) => K, better: (c: Task, e: Task) => boolean): Map<K, Task> {
  const chosen = new Map<K, Task>();
  for (const t of tasks) {
    if (!knownStates(t)) continue;
    const key = keyOf(t);
    const existing = chosen.get(key);
    if (existing === undefined || better(t, existing)) chosen.set(key, t);
  }
  return chosen;
}

/** Replicated: one task per slot. `usableNode` false for a task's node skips the task (the CLI
 *  ignores tasks on nodes that are down: their state is not news). */
export function tasksBySlot(tasks: readonly Task[], usableNode: (nodeId: string) => boolean): Map<number, Task> {
  return pick(tasks.filter((t) => !t.NodeID || usableNode(t.NodeID)), (t) => t.Slot ?? 0, preferred);
}

/** Global: one task per node. */
export function tasksByNode(tasks: readonly Task[]): Map<string, Task> {
  return pick(tasks, (t) => t.NodeID ?? '', preferred);
}

const lowerObserved = (c: Task, e: Task) => stateRank(c.Status.State) < stateRank(e.Status.State);

/** Jobs: one task per slot (replicated job) or node (global job), lowest observed state first. */
export function jobTasksBy<K>(tasks: readonly Task[], keyOf: (t: Task) => K): Map<K, Task> {
  return pick(tasks, keyOf, lowerObserved);
}
