// The models the engine layer produces from Engine JSON, in the shape of the schema's object
// types: scalar fields computed here, relations (a task's node, a service's tasks...) left as
// IDs for the resolvers to load in batches. `cluster` travels with every object so nested
// fields query the same cluster. These types are the engine layer's own (it imports nothing of
// GraphQL); src/graphql/model-contract.ts checks at compile time that each one still gives
// every field its schema type has, so a schema change that a model misses fails the build.
// Closed sets the Engine spells in its own words (scope `swarm`, order `stop-first`) keep them;
// the schema's enums use those words as their internal values (src/graphql/enum-values.ts).

export type ContainerState = 'created' | 'dead' | 'exited' | 'paused' | 'removing' | 'restarting' | 'running' | 'unknown';
export type EndpointMode = 'DNSRR' | 'VIP';
export type MountType = 'BIND' | 'TMPFS' | 'VOLUME';
export type NetworkScope = 'global' | 'local' | 'swarm';
export type NodeAvailability = 'ACTIVE' | 'DRAIN' | 'PAUSE';
export type NodeReachability = 'reachable' | 'unknown' | 'unreachable';
export type NodeRole = 'MANAGER' | 'WORKER';
export type NodeState = 'disconnected' | 'down' | 'ready' | 'unknown';
export type PortProtocol = 'SCTP' | 'TCP' | 'UDP';
export type PublishMode = 'HOST' | 'INGRESS';
export type ServiceDnsNameKind = 'tasks' | 'vip';
export type ServiceMode = 'GLOBAL' | 'GLOBAL_JOB' | 'REPLICATED' | 'REPLICATED_JOB';
export type TaskState = 'ACCEPTED' | 'ALLOCATED' | 'ASSIGNED' | 'COMPLETE' | 'FAILED' | 'NEW' | 'ORPHANED' | 'PENDING' | 'PREPARING' | 'READY' | 'REJECTED' | 'REMOVE' | 'RUNNING' | 'SHUTDOWN' | 'STARTING';
export type UpdateFailureAction = 'continue' | 'pause' | 'rollback';
export type UpdateOrder = 'start-first' | 'stop-first';
export type UpdateState = 'completed' | 'paused' | 'rollback_completed' | 'rollback_paused' | 'rollback_started' | 'updating';

/** A label, option or address as a key and its value ("" when unset). */
export interface KeyValue {
  key: string;
  value: string;
}

/** Raft quorum arithmetic of a swarm (quorum.ts). */
export interface Quorum {
  faultTolerance: number;
  hasQuorum: boolean;
  majority: number;
  managers: number;
  reachableManagers: number;
  warnings: string[];
}

/** The settings of a swarm, in seconds where the Engine counts nanoseconds. */
export interface SwarmSpec {
  autolockManagers: boolean;
  caConfig: CaSpec;
  dispatcher: DispatcherSpec;
  labels: KeyValue[];
  name: string;
  raft: RaftSpec;
  taskHistoryRetentionLimit: number;
}

/** The swarm CA settings. */
export interface CaSpec {
  externalCaUrls: string[];
  nodeCertExpirySeconds: number;
}

/** The dispatcher settings. */
export interface DispatcherSpec {
  heartbeatPeriodSeconds: number;
}

/** The Raft settings. */
export interface RaftSpec {
  electionTick: number;
  heartbeatTick: number;
  keepOldSnapshots: number;
  logEntriesForSlowFollowers: number;
  snapshotInterval: number;
}

/** One IPAM configuration of a network. */
export interface IpamConfig {
  auxAddresses: KeyValue[];
  gateway: string | null;
  ipRange: string | null;
  subnet: string | null;
}

/** A container endpoint on a network, as the inspecting engine sees it. */
export interface NetworkContainer {
  id: string;
  ipv4Address: string | null;
  ipv6Address: string | null;
  macAddress: string | null;
  name: string;
}

/** A node on an overlay network (verbose inspect). */
export interface NetworkPeer {
  ip: string;
  name: string;
}

/** An update or rollback policy, durations in seconds. */
export interface UpdatePolicy {
  delaySeconds: number;
  failureAction: UpdateFailureAction;
  maxFailureRatio: number;
  monitorSeconds: number;
  order: UpdateOrder;
  parallelism: number;
}

/** The state of a service's last update. */
export interface UpdateStatus {
  completedAt: string | null;
  message: string | null;
  startedAt: string | null;
  state: UpdateState;
}

/** Task limits and reservations. */
export interface Resources {
  limitCpus: number | null;
  limitMemoryBytes: number | null;
  reserveCpus: number | null;
  reserveMemoryBytes: number | null;
}

/** A container health check (`ContainerSpec.Healthcheck`); 0 means Docker's default. */
export interface HealthCheck {
  test: string[];
  intervalSeconds: number;
  timeoutSeconds: number;
  startPeriodSeconds: number;
  retries: number;
}

/** Where a job service is (`JobStatus`). */
export interface JobStatus {
  iteration: number;
  lastExecution: string | null;
}

/** A mount of a service's containers. */
export interface ServiceMount {
  readOnly: boolean;
  source: string | null;
  target: string;
  type: MountType;
  volumeDriver: string | null;
  volumeOptions: KeyValue[];
}

/** A published port. */
export interface PortConfig {
  protocol: PortProtocol;
  publishMode: PublishMode;
  publishedPort: number | null;
  targetPort: number;
}

/** A DNS name through which a service is reached on a network. */
export interface ServiceDnsName {
  addresses: string[];
  kind: ServiceDnsNameKind;
  name: string;
  network: string;
}

/** A standalone container's endpoint on a network. */
export interface ContainerNetworkAttachment {
  aliases: string[];
  gateway: string | null;
  ipv4Address: string | null;
  ipv6Address: string | null;
  macAddress: string | null;
  networkId: string;
  networkName: string;
  staticIpv4Address: string | null;
}

/** A swarm (`docker swarm inspect`); its quorum is resolved from the nodes. */
export interface SwarmModel {
  cluster: string;
  createdAt: string;
  dataPathPort: number;
  defaultAddrPool: string[];
  id: string;
  rootRotationInProgress: boolean;
  spec: SwarmSpec;
  subnetSize: number;
  updatedAt: string;
  version: number;
}

/** A node (`docker node inspect`). */
export interface NodeModel {
  address: string;
  architecture: string;
  availability: NodeAvailability;
  cpus: number;
  createdAt: string;
  engineLabels: KeyValue[];
  engineVersion: string;
  hostname: string;
  id: string;
  labels: KeyValue[];
  leader: boolean;
  managerAddress: string | null;
  memoryBytes: number;
  name: string | null;
  os: string;
  reachability: NodeReachability | null;
  role: NodeRole;
  state: NodeState;
  stateMessage: string | null;
  updatedAt: string;
  version: number;
  cluster: string;
}

/** A service attached to a network (verbose inspect), the service by ID. */
export interface NetworkServiceModel {
  aliases: string[];
  virtualIp: string | null;
  cluster: string;
  serviceId: string;
}

/** A network (`docker network inspect`). */
export interface NetworkModel {
  attachable: boolean;
  createdAt: string | null;
  driver: string;
  encrypted: boolean;
  id: string;
  ingress: boolean;
  internal: boolean;
  ipam: IpamConfig[];
  ipamDriver: string;
  ipv6: boolean;
  labels: KeyValue[];
  mtu: number | null;
  name: string;
  options: KeyValue[];
  scope: NetworkScope;
  vxlanIds: number[];
  cluster: string;
  /** The configured engine whose view this is; null for the cluster's (its manager endpoint). */
  engine: string | null;
  /** Containers from the engine that answered the inspect (overlays: that node's only). */
  containers: NetworkContainer[];
  /** Peers when the object came from a verbose inspect; null means "not read yet". */
  peers: NetworkPeer[] | null;
}

/** A service's attachment to a network, the network by ID. */
export interface ServiceNetworkAttachmentModel {
  aliases: string[];
  networkId: string;
  virtualIp: string | null;
  cluster: string;
}

/** A service (`docker service inspect`). */
export interface ServiceModel {
  args: string[];
  canRollback: boolean;
  capabilityAdd: string[];
  capabilityDrop: string[];
  command: string[];
  constraints: string[];
  containerLabels: KeyValue[];
  createdAt: string;
  endpointMode: EndpointMode;
  env: string[];
  healthcheck: HealthCheck | null;
  id: string;
  jobStatus: JobStatus | null;
  maxConcurrent: number | null;
  image: string;
  labels: KeyValue[];
  mode: ServiceMode;
  mounts: ServiceMount[];
  name: string;
  ports: PortConfig[];
  replicas: number | null;
  resources: Resources;
  rollbackConfig: UpdatePolicy | null;
  updateConfig: UpdatePolicy | null;
  updateStatus: UpdateStatus | null;
  updatedAt: string;
  version: number;
  cluster: string;
  networks: ServiceNetworkAttachmentModel[];
  /** From `ServiceStatus` when the engine gave it (listed with `status=true`); null otherwise, and the GraphQL field counts tasks. */
  runningTasks: number | null;
  desiredTasks: number | null;
}

/** A task's attachment to a network, the network by ID. */
export interface TaskNetworkAttachmentModel {
  addresses: string[];
  networkId: string;
  networkName: string;
  cluster: string;
}

/** A task (`docker inspect <task>`). */
export interface TaskModel {
  containerId: string | null;
  createdAt: string;
  desiredState: TaskState;
  error: string | null;
  id: string;
  message: string | null;
  nodeId: string | null;
  serviceId: string;
  slot: number | null;
  state: TaskState;
  updatedAt: string;
  cluster: string;
  networkAttachments: TaskNetworkAttachmentModel[];
}

/** A standalone container's network view (`docker inspect <container>`). */
export interface ContainerModel {
  engine: string | null;
  id: string;
  image: string;
  labels: KeyValue[];
  name: string;
  networks: ContainerNetworkAttachment[];
  state: ContainerState;
  taskId: string | null;
  cluster: string;
}
