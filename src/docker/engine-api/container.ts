// Standalone containers: `GET /containers/json` (`types.Container`) and
// `GET /containers/{id}/json` (`types.ContainerJSON`), the parts the gateway reads.
import type { Labels } from './common.ts';

/** `network.EndpointSettings`: a container's attachment to one network. */
export interface EndpointSettings {
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

export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  State: string;
  Labels?: Labels;
  NetworkSettings?: { Networks?: Record<string, EndpointSettings> | null };
}

export interface ContainerInspect {
  Id: string;
  Name: string;
  Image: string;
  /** When it was created (RFC 3339). */
  Created?: string;
  /** Tty: the container's output is one raw stream (its logs are not multiplexed). */
  Config?: { Image?: string; Labels?: Labels; Tty?: boolean };
  /** StartedAt/FinishedAt are "0001-01-01T00:00:00Z" until the first start/exit. */
  State?: { Status?: string; Running?: boolean; StartedAt?: string; FinishedAt?: string };
  NetworkSettings?: { Networks?: Record<string, EndpointSettings> | null };
}
