// What one request reads of one cluster. With the cluster's watched state (watch/), it
// reads services, nodes, networks and tasks from memory: one snapshot per request, so
// nested fields agree with each other. Without it (watching off, the caller asked for a
// fresh read, or the watcher is not synced), it reads the engine, and each kind of object
// is listed at most once per request (nodes, services, networks) or fetched in one
// filtered call per batch (tasks by service or node), so the number of Engine calls does
// not grow with the size of the result. Mutations call `invalidate()`: the rest of the
// request reads the engine (the payload shows the change), and the watched state is told,
// so the next request reads it too.
import DataLoader from 'dataloader';
import type { ClusterClient } from './cluster-client.ts';
import type { Network, Node, Service, Swarm, Task } from './engine-api/index.ts';
import { isStaleSwarmCopy } from './model/network.ts';
import { objectPath } from './api/engine-path.ts';
import { inspectService } from './api/services.ts';
import { isNotFound } from '../errors/gateway-error.ts';
import { checkedReference } from '../validate/references.ts';
import { taskFilterPredicate } from './watch/task-filters.ts';
import type { WatchedCluster, WatchedSnapshot } from './watch/watched-cluster.ts';

/**
 * Which labelled objects this request may see (access control's read scope): a service
 * or network is visible when `visible(labels)` holds; a task when its service is.
 * Without one, everything is.
 */
export type Visibility = (labels: Record<string, string> | null | undefined) => boolean;

export class ClusterLoaders {
  readonly client: ClusterClient;
  /** Counts Engine calls made through these loaders (tests check batching with it). */
  calls = 0;
  private memo = new Map<string, Promise<unknown>>();
  private tasksByServiceLoader!: DataLoader<string, Task[]>;
  private tasksByNodeLoader!: DataLoader<string, Task[]>;
  private verboseNetworkLoader!: DataLoader<string, Network>;

  private readonly visible: Visibility | null;
  private watch: WatchedCluster | null;
  private readonly watchedBy: WatchedCluster | null;

  constructor(client: ClusterClient, visible: Visibility | null = null, watch: WatchedCluster | null = null) {
    this.client = client;
    this.visible = visible;
    this.watch = watch;
    this.watchedBy = watch;
    this.reset();
  }

  /** Loaders of the same cluster and source that see everything (checks that must count objects out of the caller's scope). */
  unscoped(): ClusterLoaders {
    return new ClusterLoaders(this.client, null, this.watch);
  }

  /**
   * From now on this request reads the engine: a mutation checks its input against the
   * engine's state (a name taken, a subnet in use), never against a state that may lag it.
   * The watched state still tells a mutation where a named service is (serviceToChange).
   */
  readEngine(): void {
    this.memo.clear();
    this.reset();
    this.watch = null;
  }

  /** A change was made: forget what was read, read the engine for the rest of the request (its payload), and tell the watched state. */
  invalidate(): void {
    this.readEngine();
    this.watchedBy?.changed();
  }

  /** This request's view of the watched state, or null to read the engine. */
  private watched(): Promise<WatchedSnapshot | null> {
    const watch = this.watch;
    if (!watch) return Promise.resolve(null);
    return this.once('watched', () => watch.current());
  }

  private reset(): void {
    this.tasksByServiceLoader = new DataLoader((ids) => this.tasksGroupedBy('service', ids, (t) => t.ServiceID), { maxBatchSize: 100 });
    this.tasksByNodeLoader = new DataLoader((ids) => this.tasksGroupedBy('node', ids, (t) => t.NodeID ?? ''), { maxBatchSize: 100 });
    this.verboseNetworkLoader = new DataLoader(
      (ids) => Promise.all(ids.map((id) => this.get<Network>(objectPath('network', id), { verbose: true }).catch((e: Error) => e))),
      { maxBatchSize: 100 },
    );
  }

  private get<T>(path: string, query?: Record<string, string | number | boolean>): Promise<T> {
    this.calls++;
    return this.client.request<T>({ method: 'GET', path, query });
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.memo.set(key, p);
      p.catch(() => this.memo.delete(key));
    }
    return p;
  }

  swarm(): Promise<Swarm> {
    return this.once('swarm', () => this.get<Swarm>('/swarm'));
  }

  nodes(): Promise<Node[]> {
    return this.once('nodes', async () => (await this.watched())?.nodes ?? this.get<Node[]>('/nodes'));
  }

  /** Listed without `status=true`: running and desired task counts are counted from the tasks, which a request asking for them reads anyway. */
  services(): Promise<Service[]> {
    return this.once('services', async () => {
      const all = (await this.watched())?.services ?? (await this.get<Service[]>('/services'));
      return this.visible ? all.filter((s) => this.visible!(s.Spec.Labels)) : all;
    });
  }

  /** The manager's networks, without its stale local copies of removed swarm networks. */
  networks(): Promise<Network[]> {
    return this.once('networks', async () =>
      ((await this.watched())?.networks ?? (await this.get<Network[]>('/networks'))).filter(
        (n) => !isStaleSwarmCopy(n) && (!this.visible || this.visible(n.Labels)),
      ),
    );
  }

  // Lookups refuse a reference outside Docker's grammar (InvalidReferenceError) as the
  // engine's own lookups would: it cannot name anything, and is not "missing" either.

  /** A node by ID or hostname, or null. */
  async node(ref: string): Promise<Node | null> {
    checkedReference('node', ref);
    const nodes = await this.nodes();
    return nodes.find((n) => n.ID === ref) ?? nodes.find((n) => n.Description.Hostname === ref) ?? uniquePrefix(nodes, ref, (n) => n.ID);
  }

  /** A service by ID or name, or null. */
  async service(ref: string): Promise<Service | null> {
    checkedReference('service', ref);
    const services = await this.services();
    return services.find((s) => s.ID === ref) ?? services.find((s) => s.Spec.Name === ref) ?? uniquePrefix(services, ref, (s) => s.ID);
  }

  /**
   * The service a mutation acts on, as `service(ref)` finds it, inspected (an update must
   * send back the latest spec). A full swarm ID needs no list: the one inspect finds it (the
   * engine resolves ID, then name, as `service(ref)` does), so a mutation's cost does not
   * grow with the number of services (issue 12); nor does a name the watched state knows.
   * Other names and prefixes are found in the list. A 404 or a service outside the read
   * scope is null, as missing.
   */
  async serviceToChange(ref: string): Promise<Service | null> {
    checkedReference('service', ref);
    const visible = (service: Service | null) => (service && (!this.visible || this.visible(service.Spec.Labels)) ? service : null);
    if (FULL_SWARM_ID.test(ref)) return visible(await this.inspected(ref));
    // A name the watched state knows: inspect that ID, and trust it only if it still has
    // the name (it may have been removed, or the name given to another service since).
    const hinted = this.watchedBy?.serviceIdNamed(ref);
    if (hinted) {
      const service = await this.inspected(hinted);
      if (service?.Spec.Name === ref) return visible(service);
    }
    const listed = await this.service(ref);
    return listed && this.inspected(listed.ID);
  }

  private async inspected(id: string): Promise<Service | null> {
    this.calls++;
    try {
      return await inspectService(this.client, id);
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  /** A network by ID or name, or null (names first, as `docker network inspect` does for full IDs). */
  async network(ref: string): Promise<Network | null> {
    checkedReference('network', ref);
    const networks = await this.networks();
    return networks.find((n) => n.Id === ref) ?? networks.find((n) => n.Name === ref) ?? uniquePrefix(networks, ref, (n) => n.Id);
  }

  /** A network inspected with `verbose=true` (peers, services with VIPs): one call per network. */
  async verboseNetwork(id: string): Promise<Network> {
    const result = await this.verboseNetworkLoader.load(id);
    return result;
  }

  async tasksOfService(serviceId: string): Promise<Task[]> {
    const watched = await this.watched();
    if (watched) return this.visibleTasks(watched.tasks.byService.get(serviceId) ?? []);
    return this.tasksByServiceLoader.load(serviceId);
  }

  async tasksOfNode(nodeId: string): Promise<Task[]> {
    const watched = await this.watched();
    if (watched) return this.visibleTasks(watched.tasks.byNode.get(nodeId) ?? []);
    return this.tasksByNodeLoader.load(nodeId);
  }

  /** Tasks matching Engine filters: from the watched state when the filters can be applied in memory, else in one call. */
  tasks(filters: Record<string, string[]>): Promise<Task[]> {
    const key = `tasks:${JSON.stringify(filters)}`;
    return this.once(key, async () => {
      const watched = await this.watched();
      const matches = watched && taskFilterPredicate(filters);
      if (matches) return this.visibleTasks(watched.tasks.all.filter(matches));
      const tasks = await this.get<Task[]>('/tasks', { filters: JSON.stringify(filters) });
      if (!this.visible) return tasks;
      const services = new Set((await this.services()).map((s) => s.ID));
      return tasks.filter((t) => services.has(t.ServiceID));
    });
  }

  /** Tasks of services this request may see. */
  private async visibleTasks(tasks: Task[]): Promise<Task[]> {
    if (!this.visible) return tasks;
    const services = new Set((await this.services()).map((s) => s.ID));
    return tasks.filter((t) => services.has(t.ServiceID));
  }

  private async tasksGroupedBy(filter: 'service' | 'node', ids: readonly string[], keyOf: (t: Task) => string): Promise<Task[][]> {
    // dockerd answers one unfiltered list faster than a list filtered by many IDs (issue 12
    // measured 4.0 against 9.1 ms at 100): a batch this large reads the request's one whole list.
    const tasks = await this.tasks(ids.length >= WHOLE_TASK_LIST_FROM ? {} : { [filter]: [...ids] });
    const byKey = new Map<string, Task[]>();
    for (const t of tasks) {
      const k = keyOf(t);
      const list = byKey.get(k) ?? [];
      list.push(t);
      byKey.set(k, list);
    }
    return ids.map((id) => byKey.get(id) ?? []);
  }
}

/** From this many services or nodes in one batch, their tasks come from one unfiltered `GET /tasks`. */
const WHOLE_TASK_LIST_FROM = 20;

/** A swarm object's full ID (25 lowercase base-36 characters), as swarmkit makes them. */
const FULL_SWARM_ID = /^[0-9a-z]{25}$/;

/** Docker accepts an unambiguous ID prefix wherever it accepts an ID. */
function uniquePrefix<T>(items: T[], ref: string, idOf: (t: T) => string): T | null {
  if (ref.length < 3 || !/^[0-9a-z]+$/.test(ref)) return null;
  const matches = items.filter((i) => idOf(i).startsWith(ref));
  return matches.length === 1 ? matches[0]! : null;
}
