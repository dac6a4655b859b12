// The rollout service's contract: what the GraphQL layer, webhooks and the gateway's start-up
// ask of it. One implementation tracks every unconcluded rollout of every cluster from the
// database (src/rollouts/tracker*.ts); the verdict rules themselves are the engine layer's
// (src/docker/rollout), so they can be tested over engine JSON alone.
import type { ClusterClient } from '../docker/cluster-client.ts';
import type { Service } from '../docker/engine-api/index.ts';
import type { RolloutConclusion, RolloutKind, RolloutSlotView, RolloutStatus } from '../docker/rollout/index.ts';

/** A rollout as stored and as every reader sees it. */
export interface RolloutRecord {
  id: string;
  cluster: string;
  serviceId: string;
  serviceName: string;
  /** The service's labels when the rollout started: who may read it once the service is gone. */
  serviceLabels: Record<string, string>;
  kind: RolloutKind;
  status: RolloutStatus;
  conclusion: RolloutConclusion | null;
  reason: string | null;
  desired: number;
  running: number;
  upToDate: number;
  failed: number;
  slots: RolloutSlotView[];
  /** The swarm's own UpdateStatus.State for this change, in the engine's words. */
  updateState: string | null;
  updateMessage: string | null;
  serviceVersion: number;
  startedBy: string;
  startedAt: Date;
  deadline: Date;
  concludedAt: Date | null;
  supersededBy: string | null;
}

/** What starts a rollout: called by a mutation right after the engine accepted its change. */
export interface RolloutStart {
  client: ClusterClient;
  kind: RolloutKind;
  /** The service as read back right after the change. */
  service: Service;
  /** The service just before the change; null for a create. */
  before: Service | null;
  /** The principal ID that made the change. */
  startedBy: string;
  /** The caller's deadline in seconds; default from the update config. */
  deadlineSeconds?: number | null | undefined;
}

export interface RolloutPage {
  items: RolloutRecord[];
  totalCount: number;
  hasNextPage: boolean;
}

export interface Rollouts {
  /** Stores a new rollout (superseding the service's unconcluded ones) and starts tracking it. */
  start(start: RolloutStart): Promise<RolloutRecord>;
  get(id: string): Promise<RolloutRecord | null>;
  /** A service's rollouts, newest first; `after` is a rollout ID from an earlier page. */
  listForService(cluster: string, serviceId: string, page: { first: number; after?: string | null }): Promise<RolloutPage>;
  /** The rollout now, then each change, ending after the one that carries its conclusion (or at `return()`). */
  watch(id: string): AsyncIterableIterator<RolloutRecord>;
  /** Resolves at the conclusion, or after `timeoutMs` with the rollout as it stands then. */
  waitForConclusion(id: string, timeoutMs: number): Promise<RolloutRecord>;
  /** Called once per rollout when it concludes (after the conclusion is stored), in this process. */
  onConcluded(listener: (rollout: RolloutRecord) => void | Promise<void>): void;
  /** Tracks every unconcluded rollout in the database not tracked here yet (the rollout-tracking leader's job, src/http/rollout-resumption.ts). */
  resume(): Promise<void>;
  /** The gateway is stopping: every waitForConclusion answers now with the rollout as it stands, later ones at once (so a `wait` does not hold the shutdown). */
  endWaits(): void;
  /** Stops every tracker (their rows stay unconcluded, for the next start). */
  stop(): Promise<void>;
}
