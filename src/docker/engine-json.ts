// The parts of Engine API (1.41+) responses the gateway reads. Field names are the
// Engine's own; everything optional that the Engine may omit is optional here.
export interface EngineVersion {
  Index: number;
}
export type EngineLabels = Record<string, string> | null | undefined;

export interface EngineSwarm {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: EngineSwarmSpec;
  DefaultAddrPool?: string[] | null;
  SubnetSize?: number;
  DataPathPort?: number;
  RootRotationInProgress?: boolean;
  JoinTokens?: { Worker: string; Manager: string };
}

export interface EngineSwarmSpec {
  Name?: string;
  Labels?: EngineLabels;
  Orchestration?: { TaskHistoryRetentionLimit?: number };
  Raft?: { SnapshotInterval?: number; KeepOldSnapshots?: number; LogEntriesForSlowFollowers?: number; ElectionTick?: number; HeartbeatTick?: number };
  Dispatcher?: { HeartbeatPeriod?: number };
  CAConfig?: { NodeCertExpiry?: number; ExternalCAs?: { URL: string }[] | null };
  EncryptionConfig?: { AutoLockManagers?: boolean };
  TaskDefaults?: Record<string, unknown>;
}

export interface EngineNode {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: { Name?: string; Labels?: EngineLabels; Role: 'worker' | 'manager'; Availability: 'active' | 'pause' | 'drain' };
  Description: {
    Hostname: string;
    Platform?: { Architecture?: string; OS?: string };
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string; Labels?: EngineLabels };
  };
  Status: { State: string; Message?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}

export interface EngineIpamConfig {
  Subnet?: string;
  Gateway?: string;
  IPRange?: string;
  AuxiliaryAddresses?: Record<string, string> | null;
}

export interface EngineNetwork {
  Name: string;
  Id: string;
  Created?: string;
  Scope: string;
  Driver: string;
  EnableIPv6?: boolean;
  IPAM?: { Driver?: string; Options?: Record<string, string> | null; Config?: EngineIpamConfig[] | null };
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  Containers?: Record<string, { Name: string; EndpointID?: string; MacAddress?: string; IPv4Address?: string; IPv6Address?: string }> | null;
  Options?: Record<string, string> | null;
  Labels?: EngineLabels;
  Peers?: { Name: string; IP: string }[] | null;
  Services?: Record<string, { VIP?: string; Ports?: unknown; LocalLBIndex?: number; Tasks?: { Name: string; EndpointIP: string; Info?: Record<string, string> }[] }> | null;
}

export interface EnginePortConfig {
  Name?: string;
  Protocol?: 'tcp' | 'udp' | 'sctp';
  TargetPort?: number;
  PublishedPort?: number;
  PublishMode?: 'ingress' | 'host';
}

export interface EngineUpdateConfig {
  Parallelism?: number;
  Delay?: number;
  FailureAction?: string;
  Monitor?: number;
  MaxFailureRatio?: number;
  Order?: string;
}

export interface EngineServiceSpec {
  Name?: string;
  Labels?: EngineLabels;
  TaskTemplate?: {
    ContainerSpec?: {
      Image?: string;
      Labels?: EngineLabels;
      Command?: string[] | null;
      Args?: string[] | null;
      Hostname?: string;
      Env?: string[] | null;
      Dir?: string;
      User?: string;
      [key: string]: unknown;
    };
    Resources?: { Limits?: { NanoCPUs?: number; MemoryBytes?: number }; Reservations?: { NanoCPUs?: number; MemoryBytes?: number } };
    RestartPolicy?: Record<string, unknown>;
    Placement?: { Constraints?: string[] | null; [key: string]: unknown };
    Networks?: { Target: string; Aliases?: string[] | null; DriverOpts?: Record<string, string> }[] | null;
    ForceUpdate?: number;
    Runtime?: string;
    [key: string]: unknown;
  };
  Mode?: { Replicated?: { Replicas?: number }; Global?: Record<string, never> };
  UpdateConfig?: EngineUpdateConfig;
  RollbackConfig?: EngineUpdateConfig;
  Networks?: { Target: string; Aliases?: string[] | null }[] | null;
  EndpointSpec?: { Mode?: 'vip' | 'dnsrr'; Ports?: EnginePortConfig[] | null };
}

export interface EngineService {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  Spec: EngineServiceSpec;
  PreviousSpec?: EngineServiceSpec;
  Endpoint?: { Spec?: { Mode?: string; Ports?: EnginePortConfig[] | null }; Ports?: EnginePortConfig[] | null; VirtualIPs?: { NetworkID: string; Addr: string }[] | null };
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number; CompletedTasks?: number };
}

export interface EngineTask {
  ID: string;
  Version: EngineVersion;
  CreatedAt: string;
  UpdatedAt: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  Labels?: EngineLabels;
  Spec?: EngineServiceSpec['TaskTemplate'];
  Status: {
    Timestamp?: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; PID?: number; ExitCode?: number };
  };
  DesiredState: string;
  NetworksAttachments?: { Network: { ID: string; Spec?: { Name?: string } }; Addresses?: string[] | null }[] | null;
}

export interface EngineContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Labels?: EngineLabels;
  NetworkSettings?: { Networks?: Record<string, EngineEndpointSettings> | null };
}

export interface EngineEndpointSettings {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string } | null;
  Aliases?: string[] | null;
  NetworkID?: string;
  Gateway?: string;
  IPAddress?: string;
  IPPrefixLen?: number;
  GlobalIPv6Address?: string;
  GlobalIPv6PrefixLen?: number;
  MacAddress?: string;
}

export interface EngineContainer {
  Id: string;
  Name: string;
  Image: string;
  Config?: { Image?: string; Labels?: EngineLabels };
  State?: { Status?: string };
  NetworkSettings?: { Networks?: Record<string, EngineEndpointSettings> | null };
}

export interface EngineInfo {
  ID?: string;
  Name?: string;
  ServerVersion?: string;
  Swarm?: {
    NodeID?: string;
    NodeAddr?: string;
    LocalNodeState?: string;
    ControlAvailable?: boolean;
    RemoteManagers?: { NodeID: string; Addr: string }[] | null;
    Cluster?: { ID?: string } | null;
  };
}
