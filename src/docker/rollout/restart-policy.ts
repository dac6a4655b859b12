// Whether the engine will start another task for a slot or node whose tasks have all ended, by
// the service's restart policy as swarmkit's restart supervisor applies it: condition `none`
// never restarts, `on-failure` restarts only a task that failed, `any` (the default) always;
// MaxAttempts caps the restarts. Within a Window the attempts are counted over that window
// only, which one look cannot see: with a Window set, MaxAttempts is not judged. Tasks that
// were shut down (a drain, an update) are not endings of this kind and decide nothing.
import type { RestartPolicy, Task } from '../engine-api/index.ts';
import { isFailedState, isTerminalState } from './task-states.ts';

const ENDED = new Set(['complete', 'failed', 'rejected']);

const latest = (tasks: readonly Task[]) =>
  tasks.reduce((a, b) => ((b.Status.Timestamp ?? '') >= (a.Status.Timestamp ?? '') ? b : a));

/** The last ended task of the group when no task will follow it, else null. `job`: a complete
 *  task is the goal (only failures can end a job's slot for good). */
export function endedForGood(policy: RestartPolicy | undefined, group: readonly Task[], job: boolean): Task | null {
  if (group.some((t) => !isTerminalState(t.Status.State))) return null;
  const ended = group.filter((t) => ENDED.has(t.Status.State));
  if (ended.length === 0) return null;
  if (job && ended.some((t) => t.Status.State === 'complete')) return null;
  const last = latest(ended);
  const condition = policy?.Condition ?? 'any';
  if (condition === 'none') return last;
  if (condition === 'on-failure' && !isFailedState(last.Status.State)) return last;
  const maxAttempts = policy?.MaxAttempts ?? 0;
  if (maxAttempts > 0 && !policy?.Window && ended.length >= maxAttempts + 1) return last;
  return null;
}

/** Tasks grouped by slot or node. */
export function groupBy<K>(tasks: readonly Task[], keyOf: (t: Task) => K): Map<K, Task[]> {
  const groups = new Map<K, Task[]>();
  for (const t of tasks) groups.set(keyOf(t), [...(groups.get(keyOf(t)) ?? []), t]);
  return groups;
}
