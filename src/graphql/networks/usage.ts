// Who uses a network: services (by spec, or by a VIP the swarm gave them, as on ingress),
// standalone containers anywhere in the swarm (swarmkit's network-attachment tasks), and,
// for the manager endpoint's local networks, its containers. Used to refuse removing a
// network in use before the engine is asked, with a message that names the users, and
// to compute the `dangling` filter (the Engine's own `dangling` filter ignores services).
import type { Scope } from '../../auth/access-decision.ts';
import { ClusterLoaders } from '../../docker/loaders.ts';
import type { Network as EngineNetwork, Node as EngineNode, Service as EngineService, Task as EngineTask } from '../../docker/engine-api/index.ts';
import { PREDEFINED_NETWORKS, publishesIngressPorts } from '../../docker/model/network.ts';
import { specNetworks } from '../../docker/model/spec-networks.ts';

export interface NetworkUsers {
  /** Names of services attached to the network. */
  services: string[];
  /** For ingress: names of services publishing ports through the routing mesh. */
  ingressPublishers: string[];
  /** Containers attached, described for a person (`alpine1`, `1a2b3c4d5e6f on node worker-1`). */
  containers: string[];
  /** Services attached that the caller may not read (counted, not named; see networkUsersInWholeSwarm). */
  servicesOutOfScope?: number;
}

/** The Engine endpoint's own plumbing, not a user of the network. */
const SYSTEM_ENDPOINT = /^(lb-|ingress-sbox$|gateway_)/;

export function isInUse(users: NetworkUsers): boolean {
  return users.services.length + users.ingressPublishers.length + users.containers.length + (users.servicesOutOfScope ?? 0) > 0;
}

/** A sentence naming the users, e.g. `used by service(s) web, api and container(s) alpine1`. */
export function describeUsers(users: NetworkUsers): string {
  const parts: string[] = [];
  if (users.ingressPublishers.length) parts.push(`service(s) publishing ports through the routing mesh: ${users.ingressPublishers.join(', ')}`);
  const others = users.services.filter((s) => !users.ingressPublishers.includes(s));
  if (others.length) parts.push(`service(s) ${others.join(', ')}`);
  if (users.containers.length) parts.push(`container(s) ${users.containers.join(', ')}`);
  if (users.servicesOutOfScope) parts.push(`${users.servicesOutOfScope} service(s) outside your grants' label scope`);
  return parts.join('; ');
}

/** Inspects a local network on the engine that has it (the manager endpoint by default, or a named engine). */
export type InspectLocal = (id: string) => Promise<EngineNetwork>;

/**
 * Users of each given network, from one list of services, attachment tasks and nodes (plus
 * one inspect per local custom network, on the engine `inspectLocal` reads: by default the
 * manager endpoint).
 */
export async function networkUsers(loaders: ClusterLoaders, networks: EngineNetwork[], inspectLocal?: InspectLocal): Promise<Map<string, NetworkUsers>> {
  const inspect = inspectLocal ?? ((id: string) => loaders.verboseNetwork(id));
  const needsSwarm = networks.some((n) => n.Scope === 'swarm');
  const [services, attachments, nodes] = needsSwarm
    ? await Promise.all([loaders.services(), loaders.tasks({ runtime: ['attachment'] }), loaders.nodes()])
    : [[], [], []];
  const result = new Map<string, NetworkUsers>();
  await Promise.all(
    networks.map(async (network) => {
      const localContainers =
        network.Scope === 'swarm' || PREDEFINED_NETWORKS.has(network.Name) ? [] : containerNames(await inspect(network.Id));
      result.set(network.Id, {
        services: attachedServices(network, services),
        ingressPublishers: network.Ingress ? services.filter(publishesIngressPorts).map(serviceName).sort() : [],
        containers: [...localContainers, ...attachedContainers(network, attachments, nodes)],
      });
    }),
  );
  return result;
}

/**
 * Users of each network over the whole swarm, whatever the caller may read (`readScope`,
 * on the loaders' cluster): to a label-scoped caller, a network that only services outside its scope use is still in use
 * (the engine would refuse to remove it, naming them). Those services are counted, not named.
 */
export async function networkUsersInWholeSwarm(readScope: Scope, loaders: ClusterLoaders, networks: EngineNetwork[], inspectLocal?: InspectLocal): Promise<Map<string, NetworkUsers>> {
  if (readScope.all) return networkUsers(loaders, networks, inspectLocal);
  const [whole, readable] = await Promise.all([networkUsers(loaders.unscoped(), networks, inspectLocal), loaders.services()]);
  const names = new Set(readable.map(serviceName));
  for (const users of whole.values()) {
    const hidden = new Set([...users.services, ...users.ingressPublishers].filter((n) => !names.has(n)));
    users.services = users.services.filter((n) => names.has(n));
    users.ingressPublishers = users.ingressPublishers.filter((n) => names.has(n));
    users.servicesOutOfScope = hidden.size;
  }
  return whole;
}

const serviceName = (s: EngineService) => s.Spec.Name ?? s.ID;

function attachedServices(network: EngineNetwork, services: EngineService[]): string[] {
  return services
    .filter(
      (s) =>
        specNetworks(s.Spec).some((n) => n.Target === network.Id || n.Target === network.Name) ||
        (s.Endpoint?.VirtualIPs ?? []).some((v) => v.NetworkID === network.Id),
    )
    .map(serviceName)
    .sort();
}

function containerNames(inspected: EngineNetwork): string[] {
  return Object.entries(inspected.Containers ?? {})
    .filter(([id]) => !SYSTEM_ENDPOINT.test(id))
    .map(([, c]) => c.Name)
    .sort();
}

/** Standalone containers on swarm networks show up as tasks with runtime `attachment`. */
function attachedContainers(network: EngineNetwork, tasks: EngineTask[], nodes: EngineNode[]): string[] {
  const hostnames = new Map(nodes.map((n) => [n.ID, n.Description.Hostname]));
  return tasks
    .filter((t) => t.DesiredState === 'running')
    .filter(
      (t) =>
        (t.Spec?.Networks ?? []).some((n) => n.Target === network.Id) ||
        (t.NetworksAttachments ?? []).some((a) => a.Network.ID === network.Id),
    )
    .map((t) => {
      const containerId = (t.Spec?.NetworkAttachmentSpec?.ContainerID ?? t.ID).slice(0, 12);
      const node = t.NodeID ? (hostnames.get(t.NodeID) ?? t.NodeID) : 'an unknown node';
      return `${containerId} on node ${node}`;
    })
    .sort();
}
