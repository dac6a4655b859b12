// Where a rollout stands, from one look at the engine: docker/cli's convergence rules
// (cli/command/service/progress) made a pure function with verdicts the CLI lacks: a deadline
// (docker/cli#663), jobs judged by completions and one-shot tasks that will not run again
// (#5299), a global service with no eligible node (#627), and an automatic rollback reported
// as a failure (ROLLED_BACK), not success (#6752).
// The order of the rules below is the order of precedence of the verdicts.
import type { Node, Service, Task } from '../engine-api/index.ts';
import { jsonDigest } from './canonical-json.ts';
import { globalProgress } from './global-progress.ts';
import { jobProgress } from './job-progress.ts';
import type { ModeProgress } from './mode-progress.ts';
import { replicatedProgress } from './replicated-progress.ts';
import type { RolloutConclusion, RolloutKind, RolloutObservation, RolloutStatus, RolloutTracking } from './rollout-types.ts';
import { currentUpdate, isRollbackState, type CurrentUpdate } from './update-status.ts';
import { isTaskUpToDate, taskSpecDigest } from './up-to-date.ts';
import { isFailedState, isTerminalState, stateRank } from './task-states.ts';

/** How long every remaining task must have been unschedulable before that is the verdict: the
 *  scheduler retries, and a node may be on its way (a node just promoted, a label just set). */
export const UNSCHEDULABLE_GRACE_MS = 5000;
/** A task on a node that is meant to stop but has not yet: it still holds what it used there
 *  (a host-mode port, reserved memory), which the scheduler gives to a pending task once it is
 *  gone. While one exists, a pending "no suitable node" is waiting for it, not unschedulable
 *  (a stop-first update of a host-mode service whose command ignores SIGTERM takes its whole
 *  stop grace period). */
function stillStopping(tasks: readonly Task[]): boolean {
  return tasks.some((t) => !!t.NodeID && isTerminalState(t.DesiredState) && stateRank(t.Status.State) >= stateRank('assigned') && !isTerminalState(t.Status.State));
}

/** How long another Spec is seen before this rule concludes SUPERSEDED itself: a change made
 *  through the gateway supersedes its earlier rollouts explicitly (naming the new rollout) right
 *  after the engine accepted it, and that should win the race; changes made elsewhere (the
 *  docker CLI) are caught by this rule. Meanwhile no other verdict is given: the tasks are
 *  judged against a spec that is not this rollout's. */
export const SUPERSEDE_GRACE_MS = 3000;
/** The engine's default UpdateConfig.Monitor (a Monitor of 0 means it). */
const DEFAULT_MONITOR_MS = 5000;

function modeProgress(service: Service, tasks: readonly Task[], nodes: readonly Node[], t: RolloutTracking): ModeProgress {
  const mode = service.Spec.Mode;
  if (mode.ReplicatedJob || mode.GlobalJob) return jobProgress(service, tasks, nodes, t.jobIteration);
  const nodesById = new Map(nodes.map((n) => [n.ID, n]));
  const current: Task[] = [];
  const stale: Task[] = [];
  for (const task of tasks) (isTaskUpToDate(service, task, nodesById) ? current : stale).push(task);
  return mode.Global ? globalProgress(service, current, nodes) : replicatedProgress(service, current, stale, nodes);
}

/** Tasks of this change's spec that failed or were rejected (the mode's count of up-to-date
 *  ones when the change's spec is not known). */
function failedOfChange(tasks: readonly Task[], digest: string | null | undefined, fallback: number): number {
  if (!digest) return fallback;
  return tasks.filter((task) => isFailedState(task.Status.State) && task.Spec !== undefined && taskSpecDigest(task.Spec) === digest).length;
}

/** How long a converged service is watched before SUCCEEDED (the CLI's monitor period). */
function monitorMs(service: Service, kind: RolloutKind): number {
  const config = kind === 'ROLLBACK' ? service.Spec.RollbackConfig : service.Spec.UpdateConfig;
  return config?.Monitor ? config.Monitor / 1e6 : DEFAULT_MONITOR_MS;
}

interface Verdict {
  status: RolloutStatus;
  conclusion: RolloutConclusion | null;
  reason: string | null;
}

const concluded = (conclusion: RolloutConclusion, reason: string): Verdict => ({ status: 'COMPLETED', conclusion, reason });

function updateVerdict(update: CurrentUpdate | null, kind: RolloutKind): Verdict | null {
  const why = update?.message ? `: ${update.message}` : '';
  switch (update?.state) {
    case 'paused': return concluded('PAUSED_ON_FAILURE', `the swarm paused the update${why}`);
    case 'rollback_paused': return concluded('PAUSED_ON_FAILURE', `the swarm paused the rollback${why}`);
    // A rollback the swarm did on its own means the change failed; only a requested rollback
    // (kind ROLLBACK) ends well, once its tasks have converged.
    case 'rollback_completed': return kind === 'ROLLBACK' ? null : concluded('ROLLED_BACK', `the swarm rolled the change back${why}`);
    default: return null;
  }
}

/** The fingerprint RolloutTracking.specDigest holds: a tracker may set it from the service read
 *  right after the change, so even a change made before the first observation supersedes. */
export function rolloutSpecDigest(service: Service): string {
  return jsonDigest(service.Spec);
}

export function observeRollout(t: RolloutTracking, service: Service | null, tasks: readonly Task[], nodes: readonly Node[], nowMs: number): RolloutObservation {
  if (service === null) {
    return { ...concluded('FAILED', 'the service was removed'), desired: 0, running: 0, upToDate: 0, failed: 0, slots: [], updateState: null, updateMessage: null, next: { ...t } };
  }
  const digest = rolloutSpecDigest(service);
  const update = currentUpdate(service, t.updateStartedBefore);
  const own = tasks.filter((task) => task.ServiceID === service.ID);
  const progress = modeProgress(service, own, nodes, t);
  const convergedAtMs = progress.converged ? (t.convergedAtMs ?? nowMs) : null;
  const unschedulable = progress.unschedulable !== null && !stillStopping(own) ? progress.unschedulable : null;
  const unschedulableSinceMs = unschedulable !== null ? (t.unschedulableSinceMs ?? nowMs) : null;
  // Version.Index also moves when the swarm writes UpdateStatus or JobStatus; only another
  // Spec is another change, and the swarm's own rollback (a current rollback_* state) is not one.
  const specDigest = t.specDigest ?? digest;
  const changed = service.Version.Index > t.specVersion && specDigest !== digest && !isRollbackState(update?.state);
  const changedSinceMs = changed ? (t.changedSinceMs ?? nowMs) : null;
  const next: RolloutTracking = {
    ...t,
    changedSinceMs,
    convergedAtMs,
    unschedulableSinceMs,
    specDigest,
    // Once the swarm rolls back on its own, the TaskTemplate is no longer this change's.
    taskSpecDigest: t.taskSpecDigest ?? (isRollbackState(update?.state) && t.kind !== 'ROLLBACK' ? null : taskSpecDigest(service.Spec.TaskTemplate)),
    jobIteration: progress.job ? progress.jobIteration : (t.jobIteration ?? null),
  };

  const verdict = ((): Verdict => {
    if (changedSinceMs !== null) {
      const words = `the service was changed again (version ${service.Version.Index})`;
      if (nowMs - changedSinceMs >= SUPERSEDE_GRACE_MS) return concluded('SUPERSEDED', words);
      return { status: 'IN_PROGRESS', conclusion: null, reason: words };
    }
    const fromUpdate = updateVerdict(update, t.kind);
    if (fromUpdate) return fromUpdate;
    if (progress.noEligibleNodes !== null) return concluded('NO_ELIGIBLE_NODES', progress.noEligibleNodes);
    // While the swarm is still replacing tasks (or rolling back), convergence is not the end,
    // and a service's dead slot is the swarm's to judge first (it may pause or roll back).
    const swarmBusy = update?.state === 'updating' || update?.state === 'rollback_started';
    if (progress.failedForGood !== null && (progress.job || !swarmBusy)) return concluded('FAILED', progress.failedForGood);
    if (unschedulable !== null && unschedulableSinceMs !== null && nowMs - unschedulableSinceMs >= UNSCHEDULABLE_GRACE_MS) {
      return concluded('NO_ELIGIBLE_NODES', unschedulable);
    }
    if (progress.converged && convergedAtMs !== null && !swarmBusy) {
      if (progress.job) return concluded('SUCCEEDED', progress.waiting);
      const left = monitorMs(service, t.kind) - (nowMs - convergedAtMs);
      if (left <= 0) return concluded('SUCCEEDED', `${progress.waiting}; stable for the monitor period`);
      const watched = progress.desired === 0 ? 'verifying none starts again' : 'verifying they stay up';
      if (nowMs < t.deadlineMs) return { status: 'VERIFYING', conclusion: null, reason: `${progress.waiting}; ${watched} (${Math.ceil(left / 1000)} s more)` };
    }
    if (nowMs >= t.deadlineMs) return concluded('TIMED_OUT', `the deadline passed while waiting: ${progress.waiting}`);
    if (update?.state === 'rollback_started') return { status: 'ROLLING_BACK', conclusion: null, reason: `the swarm is rolling the change back${update.message ? `: ${update.message}` : ''}; ${progress.waiting}` };
    if (!progress.started && update === null) return { status: 'QUEUED', conclusion: null, reason: progress.waiting };
    return { status: 'IN_PROGRESS', conclusion: null, reason: progress.waiting };
  })();

  return {
    ...verdict,
    desired: progress.desired,
    running: progress.running,
    upToDate: progress.upToDate,
    failed: progress.job ? progress.failed : failedOfChange(own, next.taskSpecDigest, progress.failed),
    slots: progress.slots,
    updateState: update?.state ?? null,
    updateMessage: update?.message ?? null,
    next,
  };
}
