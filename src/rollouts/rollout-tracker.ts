// One tracking loop per cluster with unconcluded rollouts (not one per rollout or per
// watcher): every pollMs it reads the cluster once (cluster-reads.ts) and hands each
// tracked rollout its observation. What an observation does to the stored rollout is the
// service's (rollout-service.ts); this loop only keeps time and reads. The loop stops
// when nothing is left to track and starts again (at once) with the next rollout.
import type { Logger } from 'pino';
import type { ClusterClient } from '../docker/cluster-client.ts';
import { observeRollout, type RolloutObservation } from '../docker/rollout/index.ts';
import { readCluster } from './cluster-reads.ts';
import type { StoredRollout } from './rollout-store.ts';

export interface TrackerHandlers {
  /** Applies an observation; returns the rollout to keep tracking, or null when it is over. */
  observed(rollout: StoredRollout, observation: RolloutObservation, nowMs: number): Promise<StoredRollout | null>;
  /** The cluster could not be read this tick; the same contract as `observed`. */
  unreadable(rollout: StoredRollout, error: unknown, nowMs: number): Promise<StoredRollout | null>;
}

export class ClusterTracker {
  private readonly tracked = new Map<string, StoredRollout>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private stopped = false;
  /** Whether the last read failed: an outage is logged when it starts and when it ends, not every tick. */
  private failing = false;

  constructor(
    readonly client: ClusterClient,
    private readonly pollMs: number,
    private readonly handlers: TrackerHandlers,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  isTracking(id: string): boolean {
    return this.tracked.has(id);
  }

  get size(): number {
    return this.tracked.size;
  }

  /** Tracks a rollout (again: the newer copy replaces the one held); the first read comes at once when the loop was idle. */
  add(rollout: StoredRollout): void {
    if (this.stopped) return;
    this.tracked.set(rollout.id, rollout);
    if (!this.timer && !this.ticking) this.schedule(0);
  }

  remove(id: string): void {
    this.tracked.delete(id);
  }

  /** Ends the loop; a tick in flight finishes first. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ticking = this.tick()
        .catch((err: unknown) => this.logger.error({ err, cluster: this.client.name }, 'rollout tracker tick failed'))
        .finally(() => {
          this.ticking = null;
          if (!this.stopped && this.tracked.size > 0) this.schedule(this.pollMs);
        });
    }, ms);
  }

  private async tick(): Promise<void> {
    const rollouts = [...this.tracked.values()];
    const serviceIds = [...new Set(rollouts.map((r) => r.serviceId))];
    let snapshot: Awaited<ReturnType<typeof readCluster>> | null = null;
    let failure: unknown = null;
    try {
      snapshot = await readCluster(this.client, serviceIds);
      if (this.failing) this.logger.info({ cluster: this.client.name }, 'rollout tracker: the cluster can be read again');
      this.failing = false;
    } catch (err) {
      failure = err;
      if (!this.failing) this.logger.warn({ err, cluster: this.client.name }, 'rollout tracker: the cluster could not be read; retrying every tick, no verdict until it answers (the deadline still applies)');
      this.failing = true;
    }
    const nowMs = this.now();
    for (const r of rollouts) {
      // Superseded or concluded while the cluster was read: another path owns it now.
      if (this.tracked.get(r.id) !== r) continue;
      let next: StoredRollout | null;
      try {
        next = snapshot
          ? await this.handlers.observed(r, observeRollout(r.tracking, snapshot.services.get(r.serviceId) ?? null, snapshot.tasks.get(r.serviceId) ?? [], snapshot.nodes, nowMs), nowMs)
          : await this.handlers.unreadable(r, failure, nowMs);
      } catch (err) {
        // The store failed (or the rules threw): the rollout stays as it was, tried again next tick.
        this.logger.error({ err, rolloutId: r.id }, 'rollout tracker: an observation could not be applied');
        continue;
      }
      if (this.tracked.get(r.id) !== r) continue;
      if (next) this.tracked.set(r.id, next);
      else this.tracked.delete(r.id);
    }
  }
}
