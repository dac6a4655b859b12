// Engine network JSON (`GET /networks`, `GET /networks/{id}`) -> the GraphQL Network
// model, and the service attachments of a network computed from the service list.
import type * as M from './types.ts';
import type { Network as EngineNetwork, Service as EngineService } from '../engine-api/index.ts';
import { keyValues } from './key-values.ts';
import { specNetworks } from './spec-networks.ts';
import type { NetworkModel, NetworkServiceModel } from './types.ts';

/** Driver option holding the MTU (`--opt com.docker.network.driver.mtu=N`). */
export const MTU_OPTION = 'com.docker.network.driver.mtu';
/** Driver option the overlay driver fills with the network's VXLAN IDs, comma separated. */
export const VXLAN_OPTION = 'com.docker.network.driver.overlay.vxlanid_list';
/** Driver option that turns on IPsec for an overlay (`--opt encrypted`); its value is ignored. */
export const ENCRYPTED_OPTION = 'encrypted';
/** Networks every engine has and Docker never removes. */
export const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none']);

/**
 * Whether a list entry is a manager's leftover local copy of a swarm network that the
 * swarm no longer has. The Engine lists the swarm's networks as swarmkit returns them
 * (no `Containers` map) and then adds local networks whose ID it has not listed yet
 * (with a `Containers` map). Docker 20.10 keeps the old `ingress` that way after it is
 * removed: listed, not removable, not in the swarm; the gateway does not show it.
 */
export function isStaleSwarmCopy(json: EngineNetwork): boolean {
  return json.Scope === 'swarm' && json.Containers !== null && json.Containers !== undefined;
}

/** The MTU option as a number, or null when absent or not an integer. */
export function parseMtu(options: Record<string, string> | null | undefined): number | null {
  const raw = options?.[MTU_OPTION];
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** The VXLAN IDs the overlay driver allocated (one per subnet), in the engine's order. */
export function parseVxlanIds(options: Record<string, string> | null | undefined): number[] {
  const raw = options?.[VXLAN_OPTION];
  if (!raw) return [];
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^\d+$/.test(s))
    .map(Number);
}

/** The Engine writes Go's zero time for objects without a creation time. */
function timeOrNull(value: string | undefined): string | null {
  if (!value || value.startsWith('0001-01-01')) return null;
  return value;
}

function containersOf(json: EngineNetwork): M.NetworkContainer[] {
  return Object.entries(json.Containers ?? {})
    .map(([id, c]) => ({
      id,
      name: c.Name,
      ipv4Address: c.IPv4Address || null,
      ipv6Address: c.IPv6Address || null,
      macAddress: c.MacAddress || null,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Converts one network. `inspected` says whether the JSON came from an inspect (which
 * carries the answering engine's containers and, for overlays, the peers) rather than
 * the list (which carries neither): list models get `peers: null`, so the resolvers
 * know to inspect when those fields are asked for. `engine` names the configured engine
 * that answered when it is not the cluster's manager endpoint.
 */
export function toNetworkModel(json: EngineNetwork, cluster: string, inspected: boolean, engine: string | null = null): NetworkModel {
  const options = json.Options ?? {};
  return {
    cluster,
    engine,
    id: json.Id,
    name: json.Name,
    driver: json.Driver,
    scope: json.Scope as M.NetworkScope,
    attachable: json.Attachable ?? false,
    ingress: json.Ingress ?? false,
    internal: json.Internal ?? false,
    ipv6: json.EnableIPv6 ?? false,
    encrypted: Object.prototype.hasOwnProperty.call(options, ENCRYPTED_OPTION),
    ipamDriver: json.IPAM?.Driver || 'default',
    ipam: (json.IPAM?.Config ?? []).map((c) => ({
      subnet: c.Subnet || null,
      gateway: c.Gateway || null,
      ipRange: c.IPRange || null,
      auxAddresses: keyValues(c.AuxiliaryAddresses),
    })),
    options: keyValues(options),
    mtu: parseMtu(options),
    vxlanIds: parseVxlanIds(options),
    labels: keyValues(json.Labels),
    createdAt: timeOrNull(json.Created),
    containers: inspected ? containersOf(json) : [],
    peers: inspected ? (json.Peers ?? []).map((p) => ({ name: p.Name, ip: p.IP })) : null,
  };
}

/** Whether a service publishes at least one port through the routing mesh (ingress mode is the default). */
export function publishesIngressPorts(service: EngineService): boolean {
  const ports = service.Endpoint?.Ports ?? service.Spec.EndpointSpec?.Ports ?? [];
  return ports.some((p) => (p.PublishMode ?? 'ingress') === 'ingress');
}

/**
 * The services attached to a network, with their VIP and aliases there. A service is
 * attached when its spec names the network or the swarm gave it a VIP on it (ingress,
 * for services publishing ports through the routing mesh). The VIP is the bare address,
 * as `docker network inspect --verbose` shows it (`Endpoint.VirtualIPs` adds the prefix).
 */
export function servicesOnNetwork(network: Pick<EngineNetwork, 'Id' | 'Name'>, services: EngineService[], cluster: string): NetworkServiceModel[] {
  const result: (NetworkServiceModel & { name: string })[] = [];
  for (const service of services) {
    const spec = specNetworks(service.Spec).find((n) => n.Target === network.Id || n.Target === network.Name);
    const vip = (service.Endpoint?.VirtualIPs ?? []).find((v) => v.NetworkID === network.Id);
    if (!spec && !vip) continue;
    const virtualIp = vip?.Addr ? vip.Addr.split('/')[0]! : null;
    result.push({ cluster, serviceId: service.ID, name: service.Spec.Name ?? '', virtualIp, aliases: spec?.Aliases ?? [] });
  }
  result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.serviceId < b.serviceId ? -1 : 1));
  return result.map(({ name: _name, ...rest }) => rest);
}
