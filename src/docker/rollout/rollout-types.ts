// The rollout contract's types: what the tracker (src/rollouts) persists between observations
// and what one observation says. Kept apart from the rules so index.ts can re-export both
// without a cycle (type-only imports count as edges for the dependency check).

export type RolloutKind = 'CREATE' | 'UPDATE' | 'REDEPLOY' | 'SCALE' | 'ROLLBACK';
export type RolloutStatus = 'QUEUED' | 'IN_PROGRESS' | 'VERIFYING' | 'PAUSED' | 'ROLLING_BACK' | 'COMPLETED';
export type RolloutConclusion = 'SUCCEEDED' | 'ROLLED_BACK' | 'PAUSED_ON_FAILURE' | 'TIMED_OUT' | 'NO_ELIGIBLE_NODES' | 'SUPERSEDED' | 'FAILED';

/** What the tracker remembers between observations (persisted as JSON by the tracker). */
export interface RolloutTracking {
  kind: RolloutKind;
  /** Service.Version.Index right after the gateway's change was accepted. */
  specVersion: number;
  /** Service.UpdateStatus.StartedAt as it was BEFORE the change (null if none): an UpdateStatus
   *  with this same StartedAt is stale (from an earlier update) and must be ignored. */
  updateStartedBefore: string | null;
  startedAtMs: number;
  deadlineMs: number;
  /** When all slots were first seen converged (the CLI's convergedAt), null when not converged. */
  convergedAtMs: number | null;
  /** Job services: the JobIteration index the rollout counts (set at first observation). */
  jobIteration?: number | null;
  /** When every remaining task was first seen unschedulable (for NO_ELIGIBLE_NODES), else null. */
  unschedulableSinceMs?: number | null;
  /** Fingerprint of the service's Spec this rollout tracks (set at first observation when absent).
   *  Needed because Version.Index also moves when the swarm itself writes UpdateStatus or
   *  JobStatus: only a different Spec means someone changed the service again. */
  specDigest?: string | null;
  /** Fingerprint of this change's TaskTemplate (set at the first observation when absent,
   *  unless the swarm is already rolling it back): the failed count counts the tasks of this
   *  spec, which stay "the new spec's" even after an automatic rollback made them out of date. */
  taskSpecDigest?: string | null;
  /** When another Spec was first seen (SUPERSEDED after a short grace), else null. */
  changedSinceMs?: number | null;
}

export interface RolloutSlotView {
  slot: number | null;      // replicated / replicated-job slot; null for global modes
  nodeId: string | null;    // node for global modes (and where the slot's task runs)
  taskId: string | null;
  state: string | null;     // task Status.State in engine words ('running', 'starting', ...)
  desiredState: string | null;
  upToDate: boolean;        // task's spec version == the service's current spec version
  error: string | null;     // Status.Err
  message: string | null;   // Status.Message
}

export interface RolloutObservation {
  status: RolloutStatus;
  conclusion: RolloutConclusion | null;   // non-null: the rollout is over, with this verdict
  reason: string | null;                  // human words for the verdict / the current wait
  desired: number; running: number; upToDate: number; failed: number;
  slots: RolloutSlotView[];
  updateState: string | null;   // the swarm's own UpdateStatus.State, when current (not stale)
  updateMessage: string | null;
  /** The tracking to persist for the next observation (convergedAtMs, jobIteration, ...). */
  next: RolloutTracking;
}
