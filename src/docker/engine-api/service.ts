// Services: `GET /services[/{id}]` (`swarm.Service`), `POST /services/create`,
// `POST /services/{id}/update`. A spec read back is the same type a create or an update
// sends: the Engine returns the whole spec, and an update replaces it whole. Durations are
// nanoseconds.
import type { Driver, Meta, StringMap } from './common.ts';
import type { FileReference } from './secret.ts';

export type PortProtocol = 'tcp' | 'udp' | 'sctp';
export type PublishMode = 'ingress' | 'host';

/**
 * `swarm.PortConfig`. Protocol, TargetPort and PublishMode are `omitempty` in moby, but the
 * Engine fills them in every spec it returns (swarmkit's enums), and the gateway always sends them.
 */
export interface PortConfig {
  Name?: string;
  Protocol: PortProtocol;
  TargetPort: number;
  /** Left out (0) when Docker chooses. */
  PublishedPort?: number;
  PublishMode: PublishMode;
}

export interface EndpointSpec {
  Mode?: 'vip' | 'dnsrr';
  Ports?: PortConfig[];
}

/** `swarm.NetworkAttachmentConfig`: Target is a network ID (a name in a request is resolved by the Engine). */
export interface NetworkAttachmentConfig {
  Target: string;
  Aliases?: string[];
  DriverOpts?: StringMap;
}

export interface DNSConfig {
  Nameservers?: string[];
  Search?: string[];
  Options?: string[];
}

/** `mount.Mount` (`--mount`). */
export interface Mount {
  Type: 'bind' | 'volume' | 'tmpfs' | 'npipe';
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy?: boolean; Labels?: StringMap; DriverConfig?: { Name?: string; Options?: StringMap } };
  /** `mount.BindOptions`: the stack converter sends it for every bind the compose file gives options for (propagation). */
  BindOptions?: { Propagation?: string };
  /** `mount.TmpfsOptions`: a tmpfs mount's size in bytes (`tmpfs.size`). */
  TmpfsOptions?: { SizeBytes?: number };
}

/** `swarm.ContainerSpec`: the fields the gateway sets or reads. */
export interface ContainerSpec {
  Image?: string;
  Labels?: StringMap;
  Command?: string[];
  Args?: string[];
  Hostname?: string;
  Env?: string[];
  Dir?: string;
  User?: string;
  Groups?: string[];
  Init?: boolean | null;
  Healthcheck?: HealthConfig;
  TTY?: boolean;
  OpenStdin?: boolean;
  ReadOnly?: boolean;
  StopSignal?: string;
  StopGracePeriod?: number;
  Hosts?: string[];
  DNSConfig?: DNSConfig;
  Isolation?: string;
  Mounts?: Mount[];
  /** Normalized (`CAP_NET_ADMIN`, `ALL`), sorted. */
  CapabilityAdd?: string[];
  CapabilityDrop?: string[];
  /** `--secret` / `--config`: files the task gets from the swarm's secret and config stores. */
  Secrets?: FileReference[] | null;
  Configs?: FileReference[] | null;
  /**
   * `swarm.Privileges`. `docker stack deploy` always sends the object (its CredentialSpec and
   * SELinuxContext null when the compose file has no credential_spec), so a stack's services carry `{}`.
   */
  Privileges?: { CredentialSpec?: { Config?: string; File?: string; Registry?: string } | null; SELinuxContext?: Record<string, unknown> | null };
  /** `sysctls` of a compose file (kernel parameters, namespaced ones only). */
  Sysctls?: StringMap;
  /** `container.Ulimit` list (`ulimits` of a compose file), sorted by name. */
  Ulimits?: { Name: string; Soft: number; Hard: number }[];
}

/** `container.HealthConfig` (`--health-*`); durations in nanoseconds, 0 (left out) for Docker's default. */
export interface HealthConfig {
  /** `[]` (the image's), `["NONE"]`, `["CMD", ...]` or `["CMD-SHELL", command]`. */
  Test?: string[];
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  /** API 1.44 (`start_interval`); an older API version's request drops it. */
  StartInterval?: number;
  Retries?: number;
}

export interface Resources {
  NanoCPUs?: number;
  MemoryBytes?: number;
  Pids?: number;
}

export interface ResourceRequirements {
  Limits?: Resources;
  Reservations?: Resources;
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

/** `swarm.TaskSpec` (a service's TaskTemplate, and each task's Spec). */
export interface TaskSpec {
  ContainerSpec?: ContainerSpec;
  /** Set instead of ContainerSpec on the tasks that attach a standalone container to a swarm network. */
  NetworkAttachmentSpec?: { ContainerID: string };
  Resources?: ResourceRequirements;
  RestartPolicy?: RestartPolicy;
  Placement?: Placement;
  Networks?: NetworkAttachmentConfig[];
  LogDriver?: Driver;
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

export type FailureAction = 'pause' | 'continue' | 'rollback';
export type UpdateOrder = 'stop-first' | 'start-first';

/** `swarm.UpdateConfig`, for updates and rollbacks. */
export interface UpdateConfig {
  Parallelism: number;
  Delay?: number;
  FailureAction?: FailureAction;
  Monitor?: number;
  MaxFailureRatio: number;
  /** `""` is what `docker stack deploy` sends for a config without `order` (Go's zero value); the engine stores stop-first. */
  Order: UpdateOrder | '';
}

/** `swarm.ServiceSpec`. */
export interface ServiceSpec {
  Name?: string;
  /** Sent as a map; read back as null when the service has none (Go's nil map). */
  Labels: StringMap | null;
  TaskTemplate: TaskSpec;
  Mode: ServiceMode;
  UpdateConfig?: UpdateConfig;
  RollbackConfig?: UpdateConfig;
  /** Deprecated place of the networks; moved to TaskTemplate.Networks on network changes. */
  Networks?: NetworkAttachmentConfig[];
  EndpointSpec?: EndpointSpec;
}

export interface Service extends Meta {
  ID: string;
  Spec: ServiceSpec;
  PreviousSpec?: ServiceSpec;
  Endpoint?: { Spec?: EndpointSpec; Ports?: PortConfig[]; VirtualIPs?: { NetworkID: string; Addr: string }[] };
  UpdateStatus?: { State?: string; StartedAt?: string; CompletedAt?: string; Message?: string };
  ServiceStatus?: { RunningTasks: number; DesiredTasks: number; CompletedTasks?: number };
  /** Jobs only (API 1.41): the iteration runs again on every spec change. */
  JobStatus?: { JobIteration?: { Index?: number }; LastExecution?: string };
}

/** `POST /services/create`. */
export interface ServiceCreateResponse {
  ID: string;
  Warnings?: string[] | null;
}

/** `POST /services/{id}/update`. */
export interface ServiceUpdateResponse {
  Warnings?: string[] | null;
}
