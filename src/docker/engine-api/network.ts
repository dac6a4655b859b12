// Networks: `GET /networks[/{id}]` (`types.NetworkResource`), `POST /networks/create`,
// `/networks/{id}/connect|disconnect`, `/networks/prune`.
import type { Labels, StringMap } from './common.ts';
import type { EndpointSettings } from './container.ts';

/** `network.IPAMConfig`. */
export interface IPAMConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  /** `--aux-address`; moby's JSON name for Go's `AuxAddress`. */
  AuxiliaryAddresses?: StringMap;
}

/** `network.IPAM` as a create sends it; a network read back may have nulls here. */
export interface IPAM {
  Driver: string;
  /** null: none (as `docker stack deploy` sends it). */
  Options: StringMap | null;
  Config: IPAMConfig[];
}

export interface Network {
  Name: string;
  Id: string;
  Created?: string;
  Scope: string;
  Driver: string;
  EnableIPv6?: boolean;
  IPAM?: { Driver?: string; Options?: StringMap | null; Config?: IPAMConfig[] | null };
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  Containers?: Record<string, { Name: string; EndpointID?: string; MacAddress?: string; IPv4Address?: string; IPv6Address?: string }> | null;
  Options?: StringMap | null;
  Labels?: Labels;
  /** Only with `verbose`, on overlays. */
  Peers?: { Name: string; IP: string }[] | null;
  /** Only with `verbose`, on overlays. */
  Services?: Record<string, { VIP?: string; Ports?: unknown; LocalLBIndex?: number; Tasks?: { Name: string; EndpointIP: string; Info?: StringMap }[] }> | null;
}

/** `POST /networks/create` (`types.NetworkCreateRequest`). */
export interface NetworkCreateRequest {
  Name: string;
  CheckDuplicate: boolean;
  Driver: string;
  Scope: string;
  EnableIPv6: boolean;
  /** null: the engine's default IPAM (what `docker stack deploy` sends for a network whose compose file has no `ipam`). */
  IPAM: IPAM | null;
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigOnly: boolean;
  ConfigFrom: { Network: string } | null;
  /** null: no driver options (`docker stack deploy` for a compose network without `driver_opts`). */
  Options: StringMap | null;
  Labels: StringMap;
}

export interface NetworkCreateResponse {
  Id: string;
  Warning?: string;
}

/** `POST /networks/{id}/connect` (`types.NetworkConnect`). */
export interface NetworkConnectRequest {
  Container: string;
  EndpointConfig?: Pick<EndpointSettings, 'IPAMConfig' | 'Aliases'>;
}

/** `POST /networks/{id}/disconnect` (`types.NetworkDisconnect`). */
export interface NetworkDisconnectRequest {
  Container: string;
  Force: boolean;
}

/** `POST /networks/prune`. */
export interface NetworkPruneResponse {
  NetworksDeleted?: string[] | null;
}
