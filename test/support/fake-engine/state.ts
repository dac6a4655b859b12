// The fake engine's in-memory swarm: the swarm object, nodes, services, tasks, networks
// and containers, with IDs shaped as the engine's (25 lowercase alphanumerics for swarm
// objects, 64 hex digits for networks and containers) and one Version.Index counter that
// every change bumps, so a stale `?version=` is refused as swarmkit refuses it. Objects
// are plain Engine JSON (the Engine API's field names), not the gateway's types: the fake
// describes dockerd, whatever shape the gateway's own code takes.
import { randomBytes } from 'node:crypto';
import { outOfSequence } from './errors.ts';
import { seedNetworks } from './network-objects.ts';

export type Json = Record<string, any>;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A swarmkit object ID: 25 characters of [a-z0-9]. */
export function swarmObjectId(): string {
  const bytes = randomBytes(25);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** A network or container ID: 64 hex digits. */
export function hexId(): string {
  return randomBytes(32).toString('hex');
}

export interface LogEntry {
  stream: 'stdout' | 'stderr';
  message: string;
  taskId: string;
  nodeId: string;
  serviceId: string;
  /** RFC 3339 with nanoseconds, as dockerd's `timestamps=1` prefix. */
  timestamp: string;
}

/** A line of a standalone container's logs (`GET /containers/{id}/logs`). */
export interface ContainerLogEntry {
  stream: 'stdout' | 'stderr';
  message: string;
  /** RFC 3339 with nanoseconds. */
  timestamp: string;
}

/**
 * What an exec'd command does in the fake: its output (in order, each piece one frame) and
 * exit code, or `hang` (it never ends: the output stays open after the pieces).
 */
export interface FakeExecRun {
  output?: { stream: 'stdout' | 'stderr'; data: string | Buffer }[];
  exitCode?: number;
  hang?: boolean;
}

export interface NodeOptions {
  hostname: string;
  role?: 'manager' | 'worker';
  availability?: 'active' | 'pause' | 'drain';
  labels?: Record<string, string>;
  leader?: boolean;
  addr?: string;
  state?: 'ready' | 'down';
}

export interface SwarmOptions {
  /** Hostnames of managers (the first is the leader); default ['manager-1']. */
  managers?: string[];
  workers?: string[];
  /** false: the engine is not part of a swarm (for swarmInit/swarmJoin). */
  inSwarm?: boolean;
}

export class FakeSwarm {
  /** Every swarm of this process, so an engine told to join finds the swarm its token belongs to (routes/swarm.ts). */
  static readonly all = new Set<FakeSwarm>();

  constructor() {
    FakeSwarm.all.add(this);
  }

  /** The swarm (another engine's) whose worker or manager join token this is. */
  static joinedBy(token: string): FakeSwarm | undefined {
    return [...FakeSwarm.all].find((s) => s.swarm && (s.swarm.JoinTokens.Worker === token || s.swarm.JoinTokens.Manager === token));
  }

  /** The last Version.Index given out; every change takes the next. */
  private index = 10;
  /** The swarm object (`GET /swarm`), or null when this engine is not part of a swarm. */
  swarm: Json | null = null;
  /** The node this engine runs on (`/info`'s Swarm.NodeID). */
  localNodeId = '';
  readonly nodes = new Map<string, Json>();
  readonly services = new Map<string, Json>();
  readonly tasks = new Map<string, Json>();
  readonly networks = new Map<string, Json>();
  readonly containers = new Map<string, Json>();
  /** Secrets and configs by ID (routes/stored-objects.ts); a secret keeps its Data here, as the raft store does, but never answers it. */
  readonly secrets = new Map<string, Json>();
  readonly configs = new Map<string, Json>();
  /** Log lines per service ID (`GET /services/{id}/logs`), oldest first. */
  readonly logs = new Map<string, LogEntry[]>();
  /** Log lines per standalone container ID (`GET /containers/{id}/logs`), oldest first. */
  readonly containerLogs = new Map<string, ContainerLogEntry[]>();
  /** Exec instances by ID (routes/exec.ts): the create body, Running, ExitCode. */
  readonly execs = new Map<string, Json>();
  /** What an exec'd command does (set by a test); default: nothing written, exit code 0. */
  execRun: (cmd: string[], container: Json) => FakeExecRun = () => ({ exitCode: 0 });
  /** The engine's event history (`GET /events`), oldest first; `emit` adds to it. */
  readonly events: Json[] = [];
  private readonly eventListeners = new Set<(event: Json) => void>();

  /** Records an event as dockerd reports it (`Type`, `Action`, `Actor`, `scope`, `time`, `timeNano`) and hands it to open streams. */
  emit(type: string, action: string, id: string, attributes: Record<string, string> = {}, scope: 'local' | 'swarm' = 'swarm'): Json {
    // Strictly increasing, in steps a JSON number keeps apart (timeNano is past 2^53).
    const nanos = Math.max(Date.now() * 1_000_000, (this.events.at(-1)?.timeNano ?? 0) + 1_000);
    const event = { Type: type, Action: action, Actor: { ID: id, Attributes: attributes }, scope, time: Math.floor(nanos / 1e9), timeNano: nanos };
    this.events.push(event);
    for (const listener of this.eventListeners) listener(event);
    return event;
  }

  /** Calls `listener` with every event emitted from now on; returns the function that stops it. */
  onEvent(listener: (event: Json) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  static create(options: SwarmOptions = {}): FakeSwarm {
    const state = new FakeSwarm();
    if (options.inSwarm === false) {
      seedNetworks(state);
      return state;
    }
    state.initSwarm();
    const managers = options.managers ?? ['manager-1'];
    managers.forEach((hostname, i) => state.addNode({ hostname, role: 'manager', leader: i === 0 }));
    for (const hostname of options.workers ?? []) state.addNode({ hostname, role: 'worker' });
    state.localNodeId = [...state.nodes.keys()][0] ?? '';
    seedNetworks(state);
    return state;
  }

  /** Takes the next Version.Index. */
  nextVersion(): { Index: number } {
    return { Index: ++this.index };
  }

  now(): string {
    return new Date().toISOString();
  }

  /** Refuses `version` unless it is the object's current Version.Index (swarmkit's check). */
  checkVersion(object: Json, version: string | undefined): void {
    if (version === undefined || Number(version) !== object.Version.Index) throw outOfSequence();
  }

  initSwarm(spec: Json = {}): Json {
    const now = this.now();
    this.swarm = {
      ID: swarmObjectId(),
      Version: this.nextVersion(),
      CreatedAt: now,
      UpdatedAt: now,
      Spec: {
        Name: 'default',
        Labels: {},
        Orchestration: { TaskHistoryRetentionLimit: 5 },
        Raft: { SnapshotInterval: 10000, KeepOldSnapshots: 0, LogEntriesForSlowFollowers: 500, ElectionTick: 10, HeartbeatTick: 1 },
        Dispatcher: { HeartbeatPeriod: 5_000_000_000 },
        CAConfig: { NodeCertExpiry: 7_776_000_000_000_000 },
        TaskDefaults: {},
        EncryptionConfig: { AutoLockManagers: false },
        ...spec,
      },
      TLSInfo: { TrustRoot: '', CertIssuerSubject: '', CertIssuerPublicKey: '' },
      RootRotationInProgress: false,
      DefaultAddrPool: ['10.0.0.0/8'],
      SubnetSize: 24,
      DataPathPort: 4789,
      JoinTokens: { Worker: `SWMTKN-1-${hexId().slice(0, 50)}-worker${swarmObjectId()}`, Manager: `SWMTKN-1-${hexId().slice(0, 50)}-manager${swarmObjectId()}` },
    };
    return this.swarm;
  }

  addNode(options: NodeOptions): Json {
    const now = this.now();
    const id = swarmObjectId();
    const addr = options.addr ?? `10.99.0.${this.nodes.size + 2}`;
    const node: Json = {
      ID: id,
      Version: this.nextVersion(),
      CreatedAt: now,
      UpdatedAt: now,
      Spec: { Labels: options.labels ?? {}, Role: options.role ?? 'worker', Availability: options.availability ?? 'active' },
      Description: {
        Hostname: options.hostname,
        Platform: { Architecture: 'x86_64', OS: 'linux' },
        Resources: { NanoCPUs: 4_000_000_000, MemoryBytes: 8 * 1024 ** 3 },
        Engine: { EngineVersion: '26.1.5', Plugins: [] },
        TLSInfo: { TrustRoot: '', CertIssuerSubject: '', CertIssuerPublicKey: '' },
      },
      Status: { State: options.state ?? 'ready', Addr: addr },
    };
    if (node.Spec.Role === 'manager') node.ManagerStatus = { Leader: options.leader ?? false, Reachability: 'reachable', Addr: `${addr}:2377` };
    this.nodes.set(id, node);
    return node;
  }

  /** `docker service create`: a service with its tasks (running at once) and VIPs on its networks. */
  addService(spec: Json): Json {
    const now = this.now();
    const service: Json = { ID: swarmObjectId(), Version: this.nextVersion(), CreatedAt: now, UpdatedAt: now, Spec: spec };
    service.Endpoint = this.endpointOf(spec, null);
    this.services.set(service.ID, service);
    this.reconcileTasks(service, true);
    return service;
  }

  /**
   * `POST /services/{id}/update`: the spec replaces the old one, which becomes
   * PreviousSpec; a changed task template (or ForceUpdate) replaces every task.
   */
  updateService(service: Json, spec: Json): Json {
    const templateChanged = JSON.stringify(service.Spec.TaskTemplate ?? {}) !== JSON.stringify(spec.TaskTemplate ?? {});
    service.PreviousSpec = service.Spec;
    service.Spec = spec;
    service.Version = this.nextVersion();
    service.UpdatedAt = this.now();
    service.Endpoint = this.endpointOf(spec, service.Endpoint);
    service.UpdateStatus = { State: 'completed', StartedAt: service.UpdatedAt, CompletedAt: service.UpdatedAt, Message: 'update completed' };
    this.reconcileTasks(service, templateChanged);
    return service;
  }

  /** `rollback=previous`: PreviousSpec comes back, as swarmkit's rollback does. */
  rollbackService(service: Json): Json {
    const previous = service.PreviousSpec;
    const current = service.Spec;
    this.updateService(service, previous);
    service.PreviousSpec = current;
    service.UpdateStatus = { State: 'rollback_completed', StartedAt: service.UpdatedAt, CompletedAt: service.UpdatedAt, Message: 'rollback completed' };
    return service;
  }

  /** A line a task of the service wrote (its first running task unless `task` is given), `at` defaulting to now. */
  writeLog(service: Json, stream: 'stdout' | 'stderr', message: string, options: { task?: Json; at?: string } = {}): LogEntry {
    const task = options.task ?? [...this.tasks.values()].find((t) => t.ServiceID === service.ID && t.DesiredState === 'running');
    if (!task) throw new Error(`fake engine: service ${service.Spec.Name} has no running task to log`);
    const entry: LogEntry = { stream, message, taskId: task.ID, nodeId: task.NodeID, serviceId: service.ID, timestamp: options.at ?? this.now() };
    this.logs.set(service.ID, [...(this.logs.get(service.ID) ?? []), entry]);
    return entry;
  }

  removeService(service: Json): void {
    this.services.delete(service.ID);
    for (const task of [...this.tasks.values()]) if (task.ServiceID === service.ID) this.tasks.delete(task.ID);
  }

  /** Tasks the service's tasks should be now: one per slot (replicated) or per active node (global). */
  private reconcileTasks(service: Json, replaceAll: boolean): void {
    const live = [...this.tasks.values()].filter((t) => t.ServiceID === service.ID && t.DesiredState === 'running');
    const activeNodes = [...this.nodes.values()].filter((n) => n.Spec.Availability === 'active' && n.Status.State === 'ready');
    const global = service.Spec.Mode?.Global !== undefined;
    const wanted: { slot?: number; nodeId: string }[] = global
      ? activeNodes.map((n) => ({ nodeId: n.ID }))
      : Array.from({ length: service.Spec.Mode?.Replicated?.Replicas ?? 1 }, (_, i) => ({ slot: i + 1, nodeId: activeNodes[i % Math.max(activeNodes.length, 1)]?.ID ?? '' }));
    const keep = new Set<string>();
    for (const w of wanted) {
      const existing = live.find((t) => (global ? t.NodeID === w.nodeId : t.Slot === w.slot));
      if (existing && !replaceAll) {
        keep.add(existing.ID);
        continue;
      }
      keep.add(this.addTask(service, w.slot, w.nodeId).ID);
    }
    for (const t of live) if (!keep.has(t.ID)) this.shutDownTask(t);
  }

  addTask(service: Json, slot: number | undefined, nodeId: string): Json {
    const now = this.now();
    const containerId = hexId();
    const task: Json = {
      ID: swarmObjectId(),
      Version: this.nextVersion(),
      CreatedAt: now,
      UpdatedAt: now,
      Labels: {},
      Spec: service.Spec.TaskTemplate ?? {},
      ServiceID: service.ID,
      ...(slot !== undefined ? { Slot: slot } : {}),
      NodeID: nodeId,
      Status: { Timestamp: now, State: 'running', Message: 'started', ContainerStatus: { ContainerID: containerId, PID: 4242, ExitCode: 0 }, PortStatus: {} },
      DesiredState: 'running',
      NetworksAttachments: this.attachmentsOf(service),
    };
    this.tasks.set(task.ID, task);
    return task;
  }

  private shutDownTask(task: Json): void {
    task.DesiredState = 'shutdown';
    task.Status = { ...task.Status, State: 'shutdown', Message: 'shutdown', Timestamp: this.now() };
    task.Version = this.nextVersion();
  }

  /** The networks a spec attaches: TaskTemplate.Networks unless empty, else the deprecated Spec.Networks (as swarmkit's allocator reads a spec). */
  private networksOf(spec: Json): { Target: string; Aliases?: string[] }[] {
    return spec.TaskTemplate?.Networks?.length ? spec.TaskTemplate.Networks : (spec.Networks ?? []);
  }

  private attachmentsOf(service: Json): Json[] {
    return this.networksOf(service.Spec).flatMap((ref, i) => {
      const network = this.findNetwork(ref.Target);
      return network ? [{ Network: { ID: network.Id, Spec: { Name: network.Name } }, Addresses: [this.nextAddress(network, i)] }] : [];
    });
  }

  /** Addresses handed out per network ID (VIPs and task addresses share a subnet, as in swarmkit's IPAM). */
  private readonly addressesGiven = new Map<string, number>();

  /** The next free address in the network's first subnet (`a.b.c.N/len`, from .2 on; .1 is the gateway), or in 10.0.<i+1>.0/24 when it has none. */
  private nextAddress(network: Json, i: number): string {
    const subnet: string = network.IPAM?.Config?.[0]?.Subnet ?? `10.0.${i + 1}.0/24`;
    const [base, length] = subnet.split('/') as [string, string];
    const n = (this.addressesGiven.get(network.Id) ?? 1) + 1;
    this.addressesGiven.set(network.Id, n);
    const octets = base.split('.').map(Number);
    const host = octets[3]! + n;
    return `${octets[0]}.${octets[1]}.${octets[2]! + Math.floor(host / 256)}.${host % 256}/${length}`;
  }

  private endpointOf(spec: Json, previous: Json | null): Json {
    const endpointSpec = spec.EndpointSpec ?? { Mode: 'vip' };
    const ports = (endpointSpec.Ports ?? []).map((p: Json, i: number) => ({
      Protocol: p.Protocol ?? 'tcp',
      TargetPort: p.TargetPort,
      PublishedPort: p.PublishedPort ?? 30000 + i,
      PublishMode: p.PublishMode ?? 'ingress',
    }));
    const vips = this.networksOf(spec).flatMap((ref, i) => {
      const network = this.findNetwork(ref.Target);
      if (!network) return [];
      const old = (previous?.VirtualIPs ?? []).find((v: Json) => v.NetworkID === network.Id);
      return [old ?? { NetworkID: network.Id, Addr: this.nextAddress(network, i) }];
    });
    return { Spec: { Mode: endpointSpec.Mode ?? 'vip', ...(ports.length ? { Ports: ports } : {}) }, ...(ports.length ? { Ports: ports } : {}), ...(vips.length ? { VirtualIPs: vips } : {}) };
  }

  // Lookups as the engine resolves references: full ID, then name, then a unique ID prefix.

  findNode(ref: string): Json | undefined {
    return findByRef([...this.nodes.values()], ref, (n) => n.ID, (n) => n.Description.Hostname);
  }

  findService(ref: string): Json | undefined {
    return findByRef([...this.services.values()], ref, (s) => s.ID, (s) => s.Spec.Name);
  }

  findTask(ref: string): Json | undefined {
    return findByRef([...this.tasks.values()], ref, (t) => t.ID, () => undefined);
  }

  findNetwork(ref: string): Json | undefined {
    return findByRef([...this.networks.values()], ref, (n) => n.Id, (n) => n.Name);
  }

  findContainer(ref: string): Json | undefined {
    return findByRef([...this.containers.values()], ref, (c) => c.Id, (c) => String(c.Name ?? '').replace(/^\//, ''));
  }
}

function findByRef<T>(objects: T[], ref: string, idOf: (o: T) => string, nameOf: (o: T) => string | undefined): T | undefined {
  const byId = objects.find((o) => idOf(o) === ref);
  if (byId) return byId;
  const byName = objects.find((o) => nameOf(o) === ref);
  if (byName) return byName;
  const prefixed = objects.filter((o) => idOf(o).startsWith(ref));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** A ServiceSpec as `docker service create --name <name> <image>` sends it (replicated, one replica), with `extra` merged on top. */
export function serviceSpec(name: string, extra: Json = {}): Json {
  return {
    Name: name,
    Labels: {},
    TaskTemplate: {
      ContainerSpec: { Image: 'busybox:latest', Init: false, StopGracePeriod: 10_000_000_000, DNSConfig: {}, Isolation: 'default' },
      Resources: { Limits: {}, Reservations: {} },
      RestartPolicy: { Condition: 'any', Delay: 5_000_000_000, MaxAttempts: 0 },
      Placement: {},
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: 1 } },
    UpdateConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 5_000_000_000, MaxFailureRatio: 0, Order: 'stop-first' },
    RollbackConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 5_000_000_000, MaxFailureRatio: 0, Order: 'stop-first' },
    EndpointSpec: { Mode: 'vip' },
    ...extra,
  };
}
