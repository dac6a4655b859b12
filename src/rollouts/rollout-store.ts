// Where rollouts are kept: the database (prisma-rollout-store.ts) or, for a gateway without
// one, memory (memory-rollout-store.ts). Both promise the same thing about conclusions:
// `conclude` succeeds for exactly one caller per rollout, which is what makes the
// conclusion listeners run exactly once (across processes too, with the database).
import type { RolloutTracking } from '../docker/rollout/index.ts';
import type { RolloutPage, RolloutRecord } from './rollouts.ts';

/** A stored rollout: the record every reader sees plus the tracker's memory. */
export interface StoredRollout extends RolloutRecord {
  tracking: RolloutTracking;
}

/** What an observation changes on an unconcluded rollout. */
export type RolloutProgress = Pick<
  RolloutRecord,
  'status' | 'reason' | 'desired' | 'running' | 'upToDate' | 'failed' | 'slots' | 'updateState' | 'updateMessage'
>;

export interface RolloutConclusionUpdate {
  progress: RolloutProgress;
  conclusion: NonNullable<RolloutRecord['conclusion']>;
  tracking: RolloutTracking;
  concludedAt: Date;
  supersededBy: string | null;
}

export interface RolloutStore {
  insert(rollout: StoredRollout): Promise<void>;
  get(id: string): Promise<StoredRollout | null>;
  /** Newest first; `after` is the ID of the last rollout of the previous page. */
  listForService(cluster: string, serviceId: string, page: { first: number; after?: string | null }): Promise<RolloutPage>;
  /** When the service's newest rollout started (null: none yet), without paging or counting. */
  latestStart(cluster: string, serviceId: string): Promise<Date | null>;
  /** Every unconcluded rollout, or a service's. */
  unconcluded(where?: { cluster: string; serviceId: string }): Promise<StoredRollout[]>;
  /** Saves an observation; false when the rollout was concluded meanwhile (by another tracker). */
  saveProgress(id: string, progress: RolloutProgress, tracking: RolloutTracking): Promise<boolean>;
  /** Concludes an unconcluded rollout: true for the one caller that did, false once it already was. */
  conclude(id: string, update: RolloutConclusionUpdate): Promise<boolean>;
}

/** The progress fields of a record (what `saveProgress` takes), for comparisons and copies. */
export function progressOf(r: RolloutProgress): RolloutProgress {
  return {
    status: r.status, reason: r.reason, desired: r.desired, running: r.running, upToDate: r.upToDate,
    failed: r.failed, slots: r.slots, updateState: r.updateState, updateMessage: r.updateMessage,
  };
}

/** What readers see: the stored rollout without the tracker's memory. */
export function recordOf(stored: StoredRollout): RolloutRecord {
  const { tracking: _tracking, ...record } = stored;
  return record;
}
