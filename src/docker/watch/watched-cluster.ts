// A cluster's services, nodes and networks kept in memory from the Engine's events stream
// (the informer pattern of Kubernetes' client-go), and its tasks from one shared poll, so
// that reads cost the engine the same whatever the number of requests.
//
// How it stays true:
// - The stream is opened first, then everything is listed (a full resync): no change can
//   fall between the list and the first event. Each event is applied by inspecting the
//   object it names (a 404 removes it); network changes re-list the networks.
// - When the stream ends or breaks, the state is not used (reads go to the engine
//   directly) until a stream is open again and a resync after it has completed. A resync
//   also runs every `resyncMs`, as a backstop against a missed event.
// - All of the watcher's engine reads run one after another, so a later read's answer is
//   never overwritten by an earlier one's.
// - A change made through this gateway calls `changed()`: the next reader waits for a
//   resync (and a task poll) started after it, so it reads its own write.
import type { Readable } from 'node:stream';
import type { ClusterClient } from '../cluster-client.ts';
import type { EngineEvent, Network, Node, Service } from '../engine-api/index.ts';
import { isNotFound } from '../../errors/gateway-error.ts';
import { objectPath } from '../api/engine-path.ts';
import { readEventLines } from '../event-lines.ts';
import { SharedTaskPoll, type TaskIndex } from './shared-task-poll.ts';

export interface WatchOptions {
  /** A full resync this often while the stream is open (ms). */
  resyncMs: number;
  /** A task list older than this is polled again before it is used (ms): the staleness bound of tasks. */
  taskMaxAgeMs: number;
}

/** What one request reads: the objects as the watcher holds them now. */
export interface WatchedSnapshot {
  services: Service[];
  nodes: Node[];
  networks: Network[];
  tasks: TaskIndex;
}

const EVENT_FILTERS = JSON.stringify({ type: ['service', 'node', 'network'] });
/** Network events that change what `GET /networks` lists (connects and disconnects do not). */
const NETWORK_LIST_ACTIONS = new Set(['create', 'destroy', 'remove', 'update']);
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;
/** Retry of a failed resync while the stream is open. */
const RESYNC_RETRY_MS = 1_000;
/** Objects inspected at once when applying a burst of events. */
const INSPECT_CONCURRENCY = 8;

export class WatchedCluster {
  private readonly tasks: SharedTaskPoll;
  private services = new Map<string, Service>();
  private nodes = new Map<string, Node>();
  private networks: Network[] = [];
  private lists: { services: Service[]; nodes: Node[] } | null = null;

  /** Bumped whenever a stream opens or ends: a resync counts only for the stream it ran under. */
  private streamEpoch = 0;
  private streamOpen = false;
  private syncedEpoch = -1;
  /** Changes made through the gateway, and how many of them the last resync has seen. */
  private changes = 0;
  private changesSeen = 0;

  private queue: Promise<void> = Promise.resolve();
  private queuedResync: Promise<void> | null = null;
  private readonly pendingServices = new Set<string>();
  private readonly pendingNodes = new Set<string>();
  private pendingNetworks = false;
  private drainQueued = false;

  private started = false;
  private closed = false;
  private readonly controller = new AbortController();
  private stream: Readable | undefined;
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: ClusterClient,
    private readonly options: WatchOptions,
  ) {
    this.tasks = new SharedTaskPoll(client, options.taskMaxAgeMs);
  }

  /** Whether reads may be served from memory now: a stream is open and a resync under it completed. */
  get synced(): boolean {
    return this.streamOpen && this.syncedEpoch === this.streamEpoch;
  }

  /**
   * The state for one request, or null when it must read the engine directly (not synced
   * yet, the stream is down, a resync after a change failed). Starts the watcher on first
   * use. Fails as the engine does when the task poll it waits for fails.
   */
  async current(): Promise<WatchedSnapshot | null> {
    this.start();
    if (!this.synced) return null;
    if (this.changesSeen < this.changes) {
      const wanted = this.changes;
      try {
        await this.resync();
      } catch {
        return null;
      }
      if (this.changesSeen < wanted) return null;
    }
    const tasks = await this.tasks.current();
    if (!this.synced) return null;
    this.lists ??= { services: [...this.services.values()], nodes: [...this.nodes.values()] };
    return { services: this.lists.services, nodes: this.lists.nodes, networks: this.networks, tasks };
  }

  /**
   * The ID of the service named `name` as the watcher last saw it, or null (unknown, or not
   * synced). Only a hint: a mutation inspects that ID and checks the name before trusting it.
   */
  serviceIdNamed(name: string): string | null {
    if (!this.synced) return null;
    for (const s of this.services.values()) if (s.Spec.Name === name) return s.ID;
    return null;
  }

  /** A change was made through this gateway: the next reader waits for the engine's word on it. */
  changed(): void {
    this.changes++;
    this.tasks.invalidate();
    if (this.synced) void this.resync().catch(() => {});
  }

  close(): void {
    this.closed = true;
    this.controller.abort();
    this.stream?.destroy();
    clearInterval(this.timer);
    clearTimeout(this.retryTimer);
  }

  private start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.watchEvents();
    this.timer = setInterval(() => {
      if (this.streamOpen) void this.resync().catch(() => {});
    }, this.options.resyncMs);
    this.timer.unref();
  }

  private async watchEvents(): Promise<void> {
    let delay = RECONNECT_MIN_MS;
    while (!this.closed) {
      try {
        const stream = (await this.client.stream({ method: 'GET', path: '/events', query: { filters: EVENT_FILTERS } }, this.controller.signal)) as Readable;
        this.stream = stream;
        this.streamEpoch++;
        this.streamOpen = true;
        delay = RECONNECT_MIN_MS;
        void this.resync().catch(() => {});
        await readEventLines(stream, (e) => this.onEvent(e));
      } catch {
        // Could not open, broke, or sent garbage: all mean the same here (reconnect below).
      } finally {
        this.stream?.destroy();
        this.stream = undefined;
      }
      if (this.streamOpen) this.streamEpoch++;
      this.streamOpen = false;
      if (this.closed) return;
      await new Promise((r) => setTimeout(r, delay).unref());
      delay = Math.min(delay * 2, RECONNECT_MAX_MS);
    }
  }

  /** A full resync that starts after now (one already queued and not started is shared). */
  private resync(): Promise<void> {
    if (this.queuedResync) return this.queuedResync;
    const run = this.enqueue(async () => {
      this.queuedResync = null;
      const epoch = this.streamEpoch;
      const changes = this.changes;
      // Events so far are answered by the lists below; later ones are applied after them.
      this.pendingServices.clear();
      this.pendingNodes.clear();
      this.pendingNetworks = false;
      try {
        const [services, nodes, networks] = await Promise.all([
          this.client.request<Service[]>({ method: 'GET', path: '/services' }),
          this.client.request<Node[]>({ method: 'GET', path: '/nodes' }),
          this.client.request<Network[]>({ method: 'GET', path: '/networks' }),
        ]);
        this.services = new Map(services.map((s) => [s.ID, s]));
        this.nodes = new Map(nodes.map((n) => [n.ID, n]));
        this.networks = networks;
        this.lists = null;
        this.changesSeen = Math.max(this.changesSeen, changes);
        if (epoch === this.streamEpoch && this.streamOpen) this.syncedEpoch = epoch;
      } catch (err) {
        this.retryResync();
        throw err;
      }
    });
    this.queuedResync = run;
    return run;
  }

  private retryResync(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.streamOpen && !this.synced) void this.resync().catch(() => {});
    }, RESYNC_RETRY_MS);
    this.retryTimer.unref();
  }

  private onEvent(e: EngineEvent): void {
    const id = e.Actor?.ID;
    if (e.Type === 'service' && id) this.pendingServices.add(id);
    else if (e.Type === 'node' && id) this.pendingNodes.add(id);
    else if (e.Type === 'network' && NETWORK_LIST_ACTIONS.has(e.Action)) this.pendingNetworks = true;
    else return;
    if (this.drainQueued) return;
    this.drainQueued = true;
    void this.enqueue(() => this.applyPending()).catch(() => {});
  }

  /** Reads back what the queued events name. A failure leaves the state unsynced until a resync. */
  private async applyPending(): Promise<void> {
    this.drainQueued = false;
    const services = [...this.pendingServices];
    const nodes = [...this.pendingNodes];
    const networks = this.pendingNetworks;
    this.pendingServices.clear();
    this.pendingNodes.clear();
    this.pendingNetworks = false;
    try {
      await inBatches(services, (id) => this.refetch(objectPath('service', id), this.services, id));
      await inBatches(nodes, (id) => this.refetch(objectPath('node', id), this.nodes, id));
      if (networks) this.networks = await this.client.request<Network[]>({ method: 'GET', path: '/networks' });
      this.lists = null;
    } catch {
      this.syncedEpoch = -1;
      this.lists = null;
      void this.resync().catch(() => {});
    }
  }

  private async refetch<T>(path: string, into: Map<string, T>, id: string): Promise<void> {
    try {
      into.set(id, await this.client.request<T>({ method: 'GET', path }));
    } catch (err) {
      if (!isNotFound(err)) throw err;
      into.delete(id);
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }
}

async function inBatches(ids: string[], each: (id: string) => Promise<void>): Promise<void> {
  for (let i = 0; i < ids.length; i += INSPECT_CONCURRENCY) await Promise.all(ids.slice(i, i + INSPECT_CONCURRENCY).map(each));
}
