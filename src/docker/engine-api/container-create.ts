// `POST /containers/create` (`container.Config`, `container.HostConfig`,
// `network.NetworkingConfig`) and its answer, as far as the gateway sends them. Only the
// fields the mapping (src/docker/mapping/container-create.ts) can produce are declared; the
// container policy (src/auth/policy/container-policy-table.ts) classifies each of them.
import type { StringMap } from './common.ts';
import type { Mount } from './service.ts';

/** `container.Config`: what runs. */
export interface ContainerConfig {
  Image: string;
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  Labels?: StringMap;
}

/** `container.RestartPolicy` (`--restart`). */
export interface ContainerRestartPolicy {
  Name: '' | 'no' | 'always' | 'unless-stopped' | 'on-failure';
  MaximumRetryCount?: number;
}

/** `container.DeviceMapping` (`--device`). */
export interface DeviceMapping {
  PathOnHost: string;
  PathInContainer: string;
  CgroupPermissions: string;
}

/** `units.Ulimit` (`--ulimit`). */
export interface Ulimit {
  Name: string;
  Soft: number;
  Hard: number;
}

/** `container.HostConfig`: how it runs on its host, which is where the ways to the host are. */
export interface ContainerHostConfig {
  NetworkMode: string;
  RestartPolicy?: ContainerRestartPolicy;
  NanoCpus?: number;
  Memory?: number;
  PidsLimit?: number;
  Privileged?: boolean;
  PidMode?: string;
  IpcMode?: string;
  UTSMode?: string;
  UsernsMode?: string;
  CgroupParent?: string;
  Devices?: DeviceMapping[];
  CapAdd?: string[];
  CapDrop?: string[];
  SecurityOpt?: string[];
  Mounts?: Mount[];
  Sysctls?: StringMap;
  Ulimits?: Ulimit[];
  ReadonlyRootfs?: boolean;
}

/** `network.EndpointSettings` as sent: a static address and aliases. */
export interface EndpointSettingsRequest {
  IPAMConfig?: { IPv4Address?: string; IPv6Address?: string };
  Aliases?: string[];
}

/** `network.NetworkingConfig`: the networks, keyed by the reference sent (a name, or an ID). */
export interface NetworkingConfig {
  EndpointsConfig: Record<string, EndpointSettingsRequest>;
}

/** The body of `POST /containers/create`: Config's fields at the top, HostConfig and NetworkingConfig beside them. */
export interface ContainerCreateBody extends ContainerConfig {
  HostConfig: ContainerHostConfig;
  NetworkingConfig?: NetworkingConfig;
}

/** `container.CreateResponse`. */
export interface ContainerCreateResponse {
  Id: string;
  Warnings: string[] | null;
}
