// What one service mode's counting says at one observation; the verdict rules
// (rollout-observation.ts) turn it into a status and a conclusion.
import type { RestartPolicy, Task } from '../engine-api/index.ts';
import type { RolloutSlotView } from './rollout-types.ts';

export interface ModeProgress {
  desired: number;
  running: number;
  upToDate: number;
  failed: number;
  slots: RolloutSlotView[];
  /** Every slot / node is where this change wants it (jobs: every completion done). */
  converged: boolean;
  /** Jobs: convergence is the end; no monitor period follows (the CLI returns at once too). */
  job: boolean;
  /** Some task of this change exists (else the rollout is still QUEUED). */
  started: boolean;
  /** What the rollout waits for, in words: "1 of 3 tasks running; slot 2: starting". */
  waiting: string;
  /** Set when no node can take the tasks at all (global modes), with the reason. */
  noEligibleNodes: string | null;
  /** The engine's error when every task still to run is pending as unschedulable, else null. */
  unschedulable: string | null;
  /** Jobs: why the job can never complete (a task failed and will not be restarted), else null. */
  failedForGood: string | null;
  /** Jobs: the iteration counted. */
  jobIteration: number | null;
}

export function slotView(task: Task, upToDate: boolean): RolloutSlotView {
  return {
    slot: task.Slot ?? null,
    nodeId: task.NodeID || null,
    taskId: task.ID,
    state: task.Status.State || null,
    desiredState: task.DesiredState || null,
    upToDate,
    error: task.Status.Err || null,
    message: task.Status.Message || null,
  };
}

/** "slot 2: pending (no suitable node ...)" / "node abc: starting". */
export function describeSlot(view: RolloutSlotView): string {
  const where = view.slot !== null ? `slot ${view.slot}` : `node ${view.nodeId ?? '?'}`;
  if (view.taskId === null) return `${where}: no task yet`;
  const state = `${view.state ?? 'unknown'}${view.upToDate ? '' : ', previous spec'}`;
  return view.error ? `${where}: ${state} (${view.error})` : `${where}: ${state}`;
}

/** At most a few slot details, so a reason stays readable for a large service. */
export function waitingWords(head: string, pending: readonly RolloutSlotView[]): string {
  const shown = pending.slice(0, 3).map(describeSlot);
  if (pending.length > 3) shown.push(`${pending.length - 3} more`);
  return shown.length > 0 ? `${head}; ${shown.join('; ')}` : head;
}

/** Why a service cannot converge: a slot's last task ended and its restart policy starts no other. */
export function endedForGoodWords(view: RolloutSlotView, policy: RestartPolicy | undefined): string {
  const rule = [`condition ${policy?.Condition ?? 'any'}`, ...(policy?.MaxAttempts ? [`max attempts ${policy.MaxAttempts}`] : [])].join(', ');
  return `the service cannot converge: ${describeSlot(view)}, and its restart policy (${rule}) starts no other task`;
}

const UNSCHEDULABLE = 'no suitable node';

/** The engine's error when every one of `remaining` is pending as unschedulable (and there is one). */
export function unschedulableError(remaining: readonly Task[]): string | null {
  if (remaining.length === 0) return null;
  const all = remaining.every((t) => t.Status.State === 'pending' && (t.Status.Err ?? '').startsWith(UNSCHEDULABLE));
  return all ? remaining[0]!.Status.Err! : null;
}
