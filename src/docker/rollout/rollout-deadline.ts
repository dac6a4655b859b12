// How long a change may take before its rollout is TIMED_OUT when the caller names no deadline
// (docker/cli waits forever: docker/cli#663). The swarm replaces tasks in batches of
// Parallelism (0 = all at once), waiting Delay between batches and watching each batch for
// Monitor; a task also needs time to pull its image and start, for which 60 s per batch is
// allowed, plus 60 s for the whole (scheduling, the last health checks). The result is kept
// within 2 min (a small service still gets time for a slow pull) and 1 h (a stuck rollout must
// end some day; a caller who knows better passes a deadline).
import type { ServiceSpec, UpdateConfig } from '../engine-api/index.ts';
import type { RolloutKind } from './rollout-types.ts';

const SECOND = 1000;
const MIN_MS = 2 * 60 * SECOND;
const MAX_MS = 60 * 60 * SECOND;
const STARTUP_PER_BATCH_MS = 60 * SECOND;
const OVERALL_MS = 60 * SECOND;
/** The engine's defaults for an UpdateConfig it was not given: one task at a time; a Monitor of 0 (left out) is 5 s. */
const DEFAULT_PARALLELISM = 1;
const DEFAULT_MONITOR_NS = 5e9;

const nsToMs = (ns: number | undefined) => Math.max(0, ns ?? 0) / 1e6;

/** The tasks a change to this spec replaces (jobs: their completions). */
function taskCount(spec: ServiceSpec, nodeCount: number): number {
  const mode = spec.Mode;
  if (mode.Replicated) return mode.Replicated.Replicas ?? 1;
  if (mode.ReplicatedJob) return mode.ReplicatedJob.TotalCompletions ?? mode.ReplicatedJob.MaxConcurrent ?? 1;
  return Math.max(0, nodeCount);
}

export function defaultRolloutDeadlineMs(spec: ServiceSpec, kind: RolloutKind, nodeCount: number): number {
  const tasks = taskCount(spec, nodeCount);
  let parallelism: number;
  let batchMs: number;
  if (spec.Mode.ReplicatedJob) {
    // Jobs are not rolled: MaxConcurrent tasks run at a time, each given the start-up allowance.
    parallelism = spec.Mode.ReplicatedJob.MaxConcurrent ?? 1;
    batchMs = STARTUP_PER_BATCH_MS;
  } else {
    const config: UpdateConfig | undefined = kind === 'ROLLBACK' ? spec.RollbackConfig : spec.UpdateConfig;
    parallelism = config ? config.Parallelism : DEFAULT_PARALLELISM;
    batchMs = nsToMs(config?.Delay) + nsToMs(config?.Monitor || DEFAULT_MONITOR_NS) + STARTUP_PER_BATCH_MS;
  }
  const batches = parallelism <= 0 || tasks === 0 ? 1 : Math.ceil(tasks / parallelism);
  const total = batches * batchMs + OVERALL_MS;
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.round(total)));
}
