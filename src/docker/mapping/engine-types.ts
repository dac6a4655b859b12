// Engine API request bodies (API 1.41, Docker 20.10) that the mapping functions produce.
// Field names and optionality follow moby's api/types JSON tags: a field marked optional
// here is `omitempty` there, and the mapping leaves it out exactly when the CLI does.
// Specs read back from the engine may carry more fields than declared; the update
// functions clone them whole, so nothing undeclared is lost.

export type StringMap = Record<string, string>;

// ---------------------------------------------------------------------------- networks

/** `IPAM.Config[]` of `POST /networks/create` (`network.IPAMConfig`). */
export interface IpamConfigBody {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  /** `--aux-address`; moby's JSON name for Go's `AuxAddress`. */
  AuxiliaryAddresses?: StringMap;
}

export interface IpamBody {
  Driver: string;
  Options: StringMap;
  Config: IpamConfigBody[];
}

/** `POST /networks/create` (`types.NetworkCreateRequest`). */
export interface NetworkCreateBody {
  Name: string;
  CheckDuplicate: boolean;
  Driver: string;
  Scope: string;
  EnableIPv6: boolean;
  IPAM: IpamBody;
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigOnly: boolean;
  ConfigFrom: { Network: string } | null;
  Options: StringMap;
  Labels: StringMap;
}

// ---------------------------------------------------------------------------- services

export type PortProtocolBody = 'tcp' | 'udp' | 'sctp';
export type PublishModeBody = 'ingress' | 'host';

/** `swarm.PortConfig`. */
export interface PortConfigBody {
  Name?: string;
  Protocol: PortProtocolBody;
  TargetPort: number;
  /** Left out (0) when Docker chooses. */
  PublishedPort?: number;
  PublishMode: PublishModeBody;
}

export interface EndpointSpec {
  Mode?: 'vip' | 'dnsrr';
  Ports?: PortConfigBody[];
}

/** `swarm.NetworkAttachmentConfig`: Target is a network ID. */
export interface NetworkAttachmentConfig {
  Target: string;
  Aliases?: string[];
  DriverOpts?: StringMap;
}

export interface DnsConfig {
  Nameservers?: string[];
  Search?: string[];
  Options?: string[];
}

/** `mount.Mount` (`--mount`). */
export interface MountBody {
  Type: 'bind' | 'volume' | 'tmpfs';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy?: boolean; Labels?: StringMap; DriverConfig?: { Name?: string; Options?: StringMap } };
}

/** `swarm.ContainerSpec` (the fields the gateway sets or reads; others are carried along). */
export interface ContainerSpec {
  Image: string;
  Labels?: StringMap;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Groups?: string[];
  Init?: boolean | null;
  TTY?: boolean;
  OpenStdin?: boolean;
  ReadOnly?: boolean;
  StopSignal?: string;
  /** Nanoseconds. */
  StopGracePeriod?: number;
  Hosts?: string[];
  DNSConfig?: DnsConfig;
  Isolation?: string;
  Mounts?: MountBody[];
  /** Normalized (`CAP_NET_ADMIN`, `ALL`), sorted. */
  CapabilityAdd?: string[];
  CapabilityDrop?: string[];
}

export interface ResourceValues {
  NanoCPUs?: number;
  MemoryBytes?: number;
  Pids?: number;
}

export interface ResourceRequirements {
  Limits?: ResourceValues;
  Reservations?: ResourceValues;
}

export interface RestartPolicy {
  Condition?: 'none' | 'on-failure' | 'any';
  Delay?: number;
  MaxAttempts?: number;
  Window?: number;
}

export interface Placement {
  Constraints?: string[];
  Preferences?: { Spread: { SpreadDescriptor: string } }[];
  MaxReplicas?: number;
  Platforms?: { Architecture: string; OS: string }[];
}

/** `swarm.TaskSpec`. */
export interface TaskSpec {
  ContainerSpec?: ContainerSpec;
  Resources?: ResourceRequirements;
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  Networks?: NetworkAttachmentConfig[];
  LogDriver?: { Name: string; Options?: StringMap };
  ForceUpdate: number;
  Runtime?: string;
}

export interface ServiceMode {
  /** `Replicas` is left out when not given; the engine then stores 1. */
  Replicated?: { Replicas?: number };
  Global?: Record<string, never>;
  ReplicatedJob?: { MaxConcurrent?: number; TotalCompletions?: number };
  GlobalJob?: Record<string, never>;
}

/** `swarm.UpdateConfig`, for updates and rollbacks. Durations in nanoseconds. */
export interface UpdateConfig {
  Parallelism: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio: number;
  Order: string;
}

/** `swarm.ServiceSpec`: the body of `POST /services/create` and `POST /services/{id}/update`. */
export interface ServiceSpec {
  Name: string;
  Labels: StringMap;
  TaskTemplate: TaskSpec;
  Mode: ServiceMode;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  /** Deprecated place of the networks; moved to TaskTemplate.Networks on network changes. */
  Networks?: NetworkAttachmentConfig[];
  EndpointSpec?: EndpointSpec;
}

// ---------------------------------------------------------------------------- swarm

/** `swarm.Spec`. Durations in nanoseconds. */
export interface SwarmSpec {
  Name?: string;
  Labels: StringMap | null;
  Orchestration: { TaskHistoryRetentionLimit?: number | null };
  Raft: {
    SnapshotInterval?: number;
    KeepOldSnapshots?: number | null;
    LogEntriesForSlowFollowers?: number;
    ElectionTick: number;
    HeartbeatTick: number;
  };
  Dispatcher: { HeartbeatPeriod?: number };
  CAConfig: {
    NodeCertExpiry?: number;
    ExternalCAs?: { Protocol: string; URL: string; Options?: StringMap; CACert: string }[];
    SigningCACert?: string;
    SigningCAKey?: string;
    ForceRotate?: number;
  };
  TaskDefaults: { LogDriver?: { Name: string; Options?: StringMap } };
  EncryptionConfig: { AutoLockManagers: boolean };
}

/** `POST /swarm/init` (`swarm.InitRequest`). */
export interface SwarmInitBody {
  ListenAddr: string;
  AdvertiseAddr: string;
  DataPathAddr: string;
  DataPathPort: number;
  ForceNewCluster: boolean;
  Spec: SwarmSpec;
  AutoLockManagers: boolean;
  Availability: string;
  DefaultAddrPool: string[] | null;
  SubnetSize: number;
}

// ---------------------------------------------------------------------------- nodes

/** `swarm.NodeSpec`: the body of `POST /nodes/{id}/update`. */
export interface NodeSpec {
  Name?: string;
  Labels: StringMap;
  Role: 'worker' | 'manager';
  Availability: 'active' | 'pause' | 'drain';
}
