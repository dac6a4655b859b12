// The Rollouts implementation: rollouts kept in a store (database or memory), tracked by one
// loop per cluster (rollout-tracker.ts), their changes told to this process's watchers
// (rollout-changes.ts). Every conclusion goes through `concludeOnce`: the store lets exactly
// one caller conclude a rollout, and only that caller runs the conclusion listeners, so they
// run once per rollout even when two trackers (two processes, or a tracker and a superseding
// start) conclude it at the same moment.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { listNodes } from '../docker/api/nodes.ts';
import type { EngineRegistry } from '../docker/registry.ts';
import type { RolloutObservation } from '../docker/rollout/index.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import { newRollout } from './new-rollout.ts';
import { RolloutChanges } from './rollout-changes.ts';
import { progressOf, recordOf, type RolloutConclusionUpdate, type RolloutProgress, type RolloutStore, type StoredRollout } from './rollout-store.ts';
import { ClusterTracker } from './rollout-tracker.ts';
import { watchRollout } from './rollout-watch.ts';
import type { RolloutRecord, RolloutStart, Rollouts } from './rollouts.ts';

export interface RolloutServiceOptions {
  store: RolloutStore;
  /** The clients of the clusters whose rollouts `resume()` finds in the store. */
  registry: EngineRegistry;
  logger: Logger;
  /** How often a cluster with unconcluded rollouts is read (config rollouts.pollMs). */
  pollMs: number;
  now?: () => number;
  /**
   * Default true. False: rollouts are stored (and superseded, and concluded by nobody) but never
   * observed, for the fake-engine unit tests whose engine request logs must show only what each
   * request asked.
   */
  tracking?: boolean;
}

type ConclusionListener = (rollout: RolloutRecord) => void | Promise<void>;

export class RolloutService implements Rollouts {
  private readonly store: RolloutStore;
  private readonly registry: EngineRegistry;
  private readonly logger: Logger;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly changes = new RolloutChanges();
  private readonly trackers = new Map<string, ClusterTracker>();
  private readonly listeners: ConclusionListener[] = [];
  /** Conclusion listeners still running: stop() waits for them (they may write to the database). */
  private readonly pendingListeners = new Set<Promise<void>>();
  private stopped = false;
  /** Each waitForConclusion's way to answer early, for endWaits(). */
  private readonly waits = new Set<() => void>();
  private waitsEnded = false;
  private readonly tracking: boolean;
  /** Rollouts of clusters this gateway does not configure, already logged as not tracked here. */
  private readonly unconfigured = new Set<string>();

  constructor(options: RolloutServiceOptions) {
    this.store = options.store;
    this.registry = options.registry;
    this.logger = options.logger;
    this.pollMs = options.pollMs;
    this.now = options.now ?? Date.now;
    this.tracking = options.tracking ?? true;
  }

  async start(s: RolloutStart): Promise<RolloutRecord> {
    if (s.deadlineSeconds != null && !(Number.isInteger(s.deadlineSeconds) && s.deadlineSeconds > 0)) {
      throw new GatewayError('BAD_REQUEST', `deadline must be a positive number of seconds (got ${s.deadlineSeconds})`);
    }
    // Only a global service's default deadline depends on the nodes (one task each): only it reads them,
    // and a failed read only costs that precision.
    const mode = s.service.Spec.Mode;
    const global = mode.Global !== undefined || mode.GlobalJob !== undefined;
    const nodeCount = s.deadlineSeconds == null && global ? await listNodes(s.client).then((n) => n.length, () => 1) : 1;
    // A service's rollouts are paged by start time: a newer one starts at least 1 ms after the
    // last, so their order holds for starts within one millisecond too.
    const latest = await this.store.latestStart(s.client.name, s.service.ID);
    const nowMs = Math.max(this.now(), latest ? latest.getTime() + 1 : 0);
    const rollout = newRollout({
      id: randomUUID(),
      cluster: s.client.name,
      kind: s.kind,
      service: s.service,
      before: s.before,
      startedBy: s.startedBy,
      nowMs,
      deadlineSeconds: s.deadlineSeconds ?? null,
      nodeCount: Math.max(1, nodeCount),
    });
    const open = await this.store.unconcluded({ cluster: rollout.cluster, serviceId: rollout.serviceId });
    // Stored first: should that fail, the earlier rollouts stay open (their own observations
    // see the newer spec and conclude them SUPERSEDED) rather than ending for a rollout that is not there.
    await this.store.insert(rollout);
    // The service's earlier rollouts end here: the newer change is what it converges to now.
    for (const old of open) {
      this.trackers.get(old.cluster)?.remove(old.id);
      await this.concludeOnce(old, {
        progress: { ...progressOf(old), status: 'COMPLETED', reason: `superseded by rollout ${rollout.id}: the service was changed again (version ${rollout.serviceVersion})` },
        conclusion: 'SUPERSEDED',
        tracking: old.tracking,
        concludedAt: new Date(this.now()),
        supersededBy: rollout.id,
      });
    }
    this.track(rollout);
    return recordOf(rollout);
  }

  async get(id: string): Promise<RolloutRecord | null> {
    const stored = await this.store.get(id);
    return stored ? recordOf(stored) : null;
  }

  listForService(cluster: string, serviceId: string, page: { first: number; after?: string | null }) {
    return this.store.listForService(cluster, serviceId, page);
  }

  watch(id: string): AsyncIterableIterator<RolloutRecord> {
    return watchRollout(this.changes, id, () => this.current(id));
  }

  async waitForConclusion(id: string, timeoutMs: number): Promise<RolloutRecord> {
    let unsubscribe = () => {};
    let timer: NodeJS.Timeout | undefined;
    let release: (() => void) | undefined;
    try {
      const concluded = new Promise<RolloutRecord | null>((resolve) => {
        unsubscribe = this.changes.subscribe(id, (r) => {
          if (r.concludedAt) resolve(r);
        });
        timer = setTimeout(() => resolve(null), this.waitsEnded ? 0 : Math.max(0, timeoutMs));
        release = () => resolve(null);
        this.waits.add(release);
      });
      const now = await this.current(id);
      if (!now) throw new GatewayError('NOT_FOUND', `rollout "${id}" not found`);
      if (now.concludedAt) return now;
      return (await concluded) ?? (await this.get(id)) ?? now;
    } finally {
      unsubscribe();
      clearTimeout(timer);
      if (release) this.waits.delete(release);
    }
  }

  endWaits(): void {
    this.waitsEnded = true;
    for (const release of this.waits) release();
    this.waits.clear();
  }

  /** How many rollouts have watchers or waiters in this process (none left behind by ended ones). */
  get watchedRollouts(): number {
    return this.changes.watchedCount;
  }

  onConcluded(listener: ConclusionListener): void {
    this.listeners.push(listener);
  }

  async resume(): Promise<void> {
    // Called again and again by the rollout-tracking leader: what is tracked here already keeps its own (newer) copy.
    for (const r of await this.store.unconcluded()) {
      if (!this.trackers.get(r.cluster)?.isTracking(r.id)) this.track(r);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.trackers.values()].map((t) => t.stop()));
    this.trackers.clear();
    await Promise.all([...this.pendingListeners]);
  }

  /** The rollout now; an unconcluded one nobody tracks here (started by another process) is tracked from now on. */
  private async current(id: string): Promise<RolloutRecord | null> {
    const stored = await this.store.get(id);
    if (!stored) return null;
    if (!stored.concludedAt && !this.trackers.get(stored.cluster)?.isTracking(id)) this.track(stored);
    return recordOf(stored);
  }

  private track(rollout: StoredRollout): void {
    if (this.stopped || !this.tracking) return;
    let tracker = this.trackers.get(rollout.cluster);
    if (!tracker) {
      let client;
      try {
        client = this.registry.cluster(rollout.cluster);
      } catch {
        // A cluster this gateway does not have: another gateway on the database may track it; left open.
        // Said once per rollout: the rollout-tracking leader meets it again at every rescan.
        if (this.unconfigured.has(rollout.id)) return;
        this.unconfigured.add(rollout.id);
        this.logger.warn({ rolloutId: rollout.id, cluster: rollout.cluster }, 'rollout of a cluster this gateway does not configure: not tracked here');
        return;
      }
      tracker = new ClusterTracker(client, this.pollMs, {
        observed: (r, o, nowMs) => this.observed(r, o, nowMs),
        unreadable: (r, err, nowMs) => this.unreadable(r, err, nowMs),
      }, this.logger, this.now);
      this.trackers.set(rollout.cluster, tracker);
    }
    tracker.add(rollout);
  }

  private async observed(r: StoredRollout, o: RolloutObservation, nowMs: number): Promise<StoredRollout | null> {
    const progress: RolloutProgress = {
      status: o.conclusion ? 'COMPLETED' : o.status, reason: o.reason, desired: o.desired, running: o.running,
      upToDate: o.upToDate, failed: o.failed, slots: o.slots, updateState: o.updateState, updateMessage: o.updateMessage,
    };
    if (o.conclusion) {
      await this.concludeOnce(r, { progress, conclusion: o.conclusion, tracking: o.next, concludedAt: new Date(nowMs), supersededBy: null });
      return null;
    }
    const unchanged = JSON.stringify(progress) === JSON.stringify(progressOf(r)) && JSON.stringify(o.next) === JSON.stringify(r.tracking);
    if (unchanged) return r;
    if (!(await this.store.saveProgress(r.id, progress, o.next))) return this.concludedElsewhere(r.id);
    const next: StoredRollout = { ...r, ...progress, tracking: o.next };
    this.changes.publish(recordOf(next));
    return next;
  }

  /**
   * The engine could not be read: no verdict from missing facts, the next tick reads again.
   * Only the deadline still holds (TIMED_OUT), so an engine that stays away does not leave
   * the rollout open for ever.
   */
  private async unreadable(r: StoredRollout, error: unknown, nowMs: number): Promise<StoredRollout | null> {
    if (nowMs < r.tracking.deadlineMs) return r;
    const why = error instanceof Error ? error.message : String(error);
    await this.concludeOnce(r, {
      progress: { ...progressOf(r), status: 'COMPLETED', reason: `the deadline passed while the engine could not be read (${why})` },
      conclusion: 'TIMED_OUT',
      tracking: r.tracking,
      concludedAt: new Date(nowMs),
      supersededBy: null,
    });
    return null;
  }

  /** Another tracker concluded it first: tell this process's watchers what it stored. */
  private async concludedElsewhere(id: string): Promise<null> {
    const stored = await this.store.get(id);
    if (stored) this.changes.publish(recordOf(stored));
    return null;
  }

  /** The one path to a conclusion: the store decides who concluded it; only that caller tells the listeners. */
  private async concludeOnce(r: StoredRollout, update: RolloutConclusionUpdate): Promise<void> {
    const concludedHere = await this.store.conclude(r.id, update);
    const stored = await this.store.get(r.id);
    if (!stored) return;
    const record = recordOf(stored);
    this.changes.publish(record);
    if (!concludedHere) return;
    for (const listener of this.listeners) {
      const run = Promise.resolve()
        .then(() => listener(record))
        .catch((err: unknown) => this.logger.error({ err, rolloutId: r.id }, 'rollout conclusion listener failed'))
        .finally(() => this.pendingListeners.delete(run));
      this.pendingListeners.add(run);
    }
  }
}

export function createRollouts(options: RolloutServiceOptions): Rollouts {
  return new RolloutService(options);
}
