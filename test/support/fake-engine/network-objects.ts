// Networks and containers of the fake engine as dockerd shapes them: the pre-defined
// networks every engine has (bridge, host, none; a swarm manager also ingress and
// docker_gwbridge), swarm networks allocated by swarmkit (a subnet from the default address
// pool, a VXLAN ID; none of it when the subnet overlaps another network's, as swarmkit's
// allocator leaves such a network), and containers with endpoints on networks. Route
// modules (routes/networks.ts, routes/containers.ts) and tests use these builders.
import { hexId, type FakeSwarm, type Json } from './state.ts';

/** An IPv4 CIDR's first and last address as numbers, or null (IPv6 subnets never overlap here). */
function ipv4Range(cidr: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return null;
  const address = m.slice(1, 5).reduce((n, octet) => n * 256 + Number(octet), 0);
  const size = 2 ** (32 - Number(m[5]));
  const start = address - (address % size);
  return [start, start + size - 1];
}

/** Whether two subnets share an address, as swarmkit's allocator checks pools (its own arithmetic, not the gateway's). */
function cidrsOverlap(a: string, b: string): boolean {
  const ra = ipv4Range(a);
  const rb = ipv4Range(b);
  return !!ra && !!rb && ra[0] <= rb[1] && rb[0] <= ra[1];
}

/** Driver option the overlay driver fills with the network's VXLAN IDs. */
export const VXLAN_OPTION = 'com.docker.network.driver.overlay.vxlanid_list';

/** The subnets a network holds (its IPAM configs'). */
export const subnetsOf = (network: Json): string[] => ((network.IPAM?.Config ?? []) as Json[]).map((c) => c.Subnet).filter((s): s is string => !!s);

function localNetwork(name: string, driver: string, config: Json[], options: Record<string, string> = {}): Json {
  return {
    Name: name,
    Id: hexId(),
    Created: new Date().toISOString(),
    Scope: 'local',
    Driver: driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: null, Config: config },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: {},
    Options: options,
    Labels: {},
  };
}

/** Adds the networks a fresh engine has (and, in a swarm, ingress and docker_gwbridge); idempotent. */
export function seedNetworks(state: FakeSwarm): void {
  const add = (n: Json) => {
    if (![...state.networks.values()].some((o) => o.Name === n.Name)) state.networks.set(n.Id, n);
  };
  add(localNetwork('bridge', 'bridge', [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }], { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.name': 'docker0' }));
  add(localNetwork('host', 'host', []));
  add(localNetwork('none', 'null', []));
  if (state.swarm) {
    add(swarmNetwork(state, { Name: 'ingress', Driver: 'overlay', Ingress: true, IPAM: { Driver: 'default', Config: [{ Subnet: '10.0.0.0/24' }] } }));
    add(localNetwork('docker_gwbridge', 'bridge', [{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }], { 'com.docker.network.bridge.name': 'docker_gwbridge', 'com.docker.network.bridge.enable_icc': 'false', 'com.docker.network.bridge.enable_ip_masquerade': 'true' }));
  }
}

/** The next free /24 of the swarm's default address pool (10.0.0.0/8 by default). */
function nextPoolSubnet(state: FakeSwarm): string {
  const taken = [...state.networks.values()].flatMap(subnetsOf);
  for (let i = 0; i < 256 * 256; i++) {
    const subnet = `10.${Math.floor(i / 256)}.${i % 256}.0/24`;
    if (!taken.some((t) => cidrsOverlap(t, subnet))) return subnet;
  }
  throw new Error('fake engine: the default address pool is exhausted');
}

const gatewayOf = (subnet: string) => subnet.replace(/\.0\/\d+$/, '.1');

/**
 * A swarm network from a `POST /networks/create` body, as swarmkit stores and allocates it:
 * subnets from the pool when none were given, a gateway, a VXLAN ID per subnet. A network
 * whose subnet overlaps another's is kept unallocated (no driver, no IPAM), as swarmkit's
 * allocator leaves it ("Pool overlaps" in dockerd's log).
 */
export function swarmNetwork(state: FakeSwarm, body: Json): Json {
  const given = ((body.IPAM?.Config ?? []) as Json[]).filter((c) => c.Subnet);
  const others = [...state.networks.values()].filter((n) => n.Scope === 'swarm' || n.Driver === 'bridge').flatMap(subnetsOf);
  const overlaps = given.some((c) => others.some((o) => cidrsOverlap(o, c.Subnet)));
  const configs: Json[] = (given.length ? given : [{ Subnet: nextPoolSubnet(state) }]).map((c) => ({ ...c, Gateway: c.Gateway ?? gatewayOf(c.Subnet) }));
  const vxlan = configs.map((_c, i) => 4096 + state.networks.size + i + 1).join(',');
  return {
    Name: body.Name,
    Id: swarmNetworkId(),
    Created: new Date().toISOString(),
    Scope: 'swarm',
    Driver: overlaps ? '' : (body.Driver ?? 'overlay'),
    EnableIPv6: body.EnableIPv6 ?? false,
    IPAM: overlaps ? { Driver: '', Options: null, Config: null } : { Driver: 'default', Options: null, Config: configs },
    Internal: body.Internal ?? false,
    Attachable: body.Attachable ?? false,
    Ingress: body.Ingress ?? false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Options: overlaps ? null : { ...(body.Options ?? {}), [VXLAN_OPTION]: vxlan },
    Labels: body.Labels ?? {},
  };
}

/** swarmkit gives networks 25-character IDs; the Engine shows them as they are. */
function swarmNetworkId(): string {
  return hexId().slice(0, 25);
}

/** A local (bridge) network from a `POST /networks/create` body. */
export function bridgeNetwork(body: Json): Json {
  const configs = ((body.IPAM?.Config ?? []) as Json[]).map((c) => ({ ...c, Gateway: c.Gateway ?? (c.Subnet ? gatewayOf(c.Subnet) : undefined) }));
  const network = localNetwork(body.Name, body.Driver || 'bridge', configs, body.Options ?? {});
  return { ...network, EnableIPv6: body.EnableIPv6 ?? false, Internal: body.Internal ?? false, Attachable: body.Attachable ?? false, Labels: body.Labels ?? {} };
}

export interface ContainerOptions {
  name: string;
  image?: string;
  labels?: Record<string, string>;
  /** Default true; a stopped container is listed only with `all`. */
  running?: boolean;
  /** Networks (names or IDs) the container starts on; default ['bridge']. */
  networks?: string[];
}

/** A standalone container (`docker run -d --name NAME [--network N]`), inspect-shaped; its endpoints are added to the networks. */
export function addContainer(state: FakeSwarm, options: ContainerOptions): Json {
  const image = options.image ?? 'busybox:latest';
  const container: Json = {
    Id: hexId(),
    Created: new Date().toISOString(),
    Name: `/${options.name}`,
    Image: `sha256:${hexId()}`,
    Config: { Image: image, Labels: options.labels ?? {}, Hostname: options.name },
    State: { Status: options.running === false ? 'exited' : 'running', Running: options.running !== false },
    NetworkSettings: { Networks: {} },
  };
  state.containers.set(container.Id, container);
  for (const ref of options.networks ?? ['bridge']) {
    const network = state.findNetwork(ref);
    if (!network) throw new Error(`fake engine: no network ${ref}`);
    attach(state, container, network, {});
  }
  return container;
}

/** The endpoint `docker network connect` makes: an address from the network's first subnet, the aliases, the static address asked for. */
export function attach(state: FakeSwarm, container: Json, network: Json, config: Json): Json {
  const subnet = subnetsOf(network)[0];
  const [base, prefix] = subnet ? subnet.split('/') : [undefined, undefined];
  const taken = Object.keys(network.Containers ?? {}).length;
  const address = config.IPAMConfig?.IPv4Address || (base ? base.replace(/\.0$/, `.${taken + 2}`) : '');
  const endpoint: Json = {
    IPAMConfig: config.IPAMConfig ?? null,
    Links: null,
    Aliases: config.Aliases ?? null,
    NetworkID: network.Id,
    EndpointID: hexId(),
    Gateway: network.IPAM?.Config?.[0]?.Gateway ?? '',
    IPAddress: address,
    IPPrefixLen: prefix ? Number(prefix) : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: config.IPAMConfig?.IPv6Address ?? '',
    GlobalIPv6PrefixLen: config.IPAMConfig?.IPv6Address ? 64 : 0,
    MacAddress: '02:42:ac:11:00:0' + ((taken % 9) + 2),
  };
  container.NetworkSettings.Networks[network.Name] = endpoint;
  network.Containers = {
    ...(network.Containers ?? {}),
    [container.Id]: { Name: container.Name.replace(/^\//, ''), EndpointID: endpoint.EndpointID, MacAddress: endpoint.MacAddress, IPv4Address: address ? `${address}/${prefix}` : '', IPv6Address: '' },
  };
  // swarmkit tracks a standalone container on a swarm network as a network-attachment task.
  if (network.Scope === 'swarm') {
    const now = state.now();
    const id = hexId().slice(0, 25);
    state.tasks.set(id, {
      ID: id,
      Version: state.nextVersion(),
      CreatedAt: now,
      UpdatedAt: now,
      Labels: {},
      Spec: { NetworkAttachmentSpec: { ContainerID: container.Id }, Networks: [{ Target: network.Id }] },
      ServiceID: '',
      NodeID: state.localNodeId,
      Status: { Timestamp: now, State: 'running', Message: 'started' },
      DesiredState: 'running',
      NetworksAttachments: [{ Network: { ID: network.Id, Spec: { Name: network.Name } }, Addresses: address ? [`${address}/${prefix}`] : [] }],
    });
  }
  return endpoint;
}

/** Removes the container's endpoint on `network` (and its attachment task). */
export function detach(state: FakeSwarm, container: Json, network: Json): void {
  for (const [key, endpoint] of Object.entries(container.NetworkSettings.Networks as Record<string, Json>)) {
    if (endpoint.NetworkID === network.Id || key === network.Name) delete container.NetworkSettings.Networks[key];
  }
  if (network.Containers) delete network.Containers[container.Id];
  for (const task of [...state.tasks.values()]) {
    if (task.Spec?.NetworkAttachmentSpec?.ContainerID === container.Id && task.Spec.Networks?.some((n: Json) => n.Target === network.Id)) state.tasks.delete(task.ID);
  }
}
