// Thin Engine calls for networks. Swarm-scoped networks are created and removed through
// the cluster's managers; connect/disconnect go to the engine that runs the container.
import type {
  Network,
  NetworkConnectRequest,
  NetworkCreateRequest,
  NetworkCreateResponse,
  NetworkDisconnectRequest,
  NetworkPruneResponse,
} from '../engine-api/index.ts';
import type { EngineApi } from '../endpoint.ts';
import { objectPath } from './engine-path.ts';

/** `docker network ls` as the engine answers it (no filters: the gateway applies them). */
export function listNetworks(api: EngineApi): Promise<Network[]> {
  return api.request<Network[]>({ method: 'GET', path: '/networks' });
}

/** `docker network inspect NET` (`verbose` adds peers and per-service task lists for overlays). */
export function inspectNetwork(api: EngineApi, ref: string, verbose = false): Promise<Network> {
  return api.request<Network>({ method: 'GET', path: objectPath('network', ref), query: verbose ? { verbose: true } : undefined });
}

/** How long a new swarm network may take to be allocated before it is returned as it is. */
const ALLOCATION_WAIT_MS = 5_000;
const ALLOCATION_POLL_MS = 100;

/**
 * Inspects a swarm network just created, once the swarm's allocator has given it its driver
 * state: until then the manager answers with `Options: null` (no VXLAN IDs, and none of the
 * options it was created with, such as `encrypted` or the MTU), which would make the
 * network look different from what was asked. Returns the last answer after the wait.
 */
export async function inspectAllocatedNetwork(api: EngineApi, id: string): Promise<Network> {
  const deadline = Date.now() + ALLOCATION_WAIT_MS;
  for (;;) {
    const network = await inspectNetwork(api, id);
    if (network.Scope !== 'swarm' || network.Options != null || Date.now() > deadline) return network;
    await new Promise((resolve) => setTimeout(resolve, ALLOCATION_POLL_MS));
  }
}

/** `POST /networks/create` with a body built by src/docker/mapping/network-create.ts. */
export function createNetwork(api: EngineApi, body: NetworkCreateRequest): Promise<NetworkCreateResponse> {
  return api.request<NetworkCreateResponse>({ method: 'POST', path: '/networks/create', body });
}

/** `docker network rm NET` for one network. */
export async function removeNetwork(api: EngineApi, id: string): Promise<void> {
  await api.request<void>({ method: 'DELETE', path: objectPath('network', id) });
}

/** `docker network prune [--filter label=...]`; resolves with the removed networks' names. */
export async function pruneNetworks(api: EngineApi, labels: string[]): Promise<string[]> {
  const filters = labels.length ? JSON.stringify({ label: labels }) : undefined;
  const result = await api.request<NetworkPruneResponse>({ method: 'POST', path: '/networks/prune', query: { filters } });
  return result.NetworksDeleted ?? [];
}

/** What `docker network connect [--alias A] [--ip X] [--ip6 Y] NET CONTAINER` sends. */
export interface ConnectOptions {
  container: string;
  aliases: string[];
  ipv4Address: string | null;
  ipv6Address: string | null;
}

/** The `NetworkConnect` body, shaped as the Docker CLI's `network connect` builds it. */
export function connectBody(opts: ConnectOptions): NetworkConnectRequest {
  const ipam: { IPv4Address?: string; IPv6Address?: string } = {};
  if (opts.ipv4Address) ipam.IPv4Address = opts.ipv4Address;
  if (opts.ipv6Address) ipam.IPv6Address = opts.ipv6Address;
  return {
    Container: opts.container,
    EndpointConfig: {
      ...(Object.keys(ipam).length ? { IPAMConfig: ipam } : {}),
      ...(opts.aliases.length ? { Aliases: opts.aliases } : {}),
    },
  };
}

/** `POST /networks/{id}/connect`. */
export async function connectContainer(api: EngineApi, networkId: string, opts: ConnectOptions): Promise<void> {
  await api.request<void>({ method: 'POST', path: objectPath('network', networkId, 'connect'), body: connectBody(opts) });
}

/** `POST /networks/{id}/disconnect` (`docker network disconnect [--force]`). */
export async function disconnectContainer(api: EngineApi, networkId: string, container: string, force: boolean): Promise<void> {
  await api.request<void>({ method: 'POST', path: objectPath('network', networkId, 'disconnect'), body: disconnectBody(container, force) });
}

function disconnectBody(container: string, force: boolean): NetworkDisconnectRequest {
  return { Container: container, Force: force };
}
