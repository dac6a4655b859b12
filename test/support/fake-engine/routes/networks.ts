// `/networks`: list, inspect (`verbose` adds services), create, remove, prune, connect and
// disconnect, as dockerd answers them on a swarm manager: swarm networks are listed
// without a `Containers` map (local ones with one), overlays need a swarm, a taken name
// is a 409, a pre-defined network cannot be removed (403), nor one in use (swarmkit's
// FailedPrecondition for services, "has active endpoints" for containers).
import { badRequest, conflict, EngineError, notFound, notInSwarm } from '../errors.ts';
import { Reply, type Router } from '../router.ts';
import type { FakeSwarm, Json } from '../state.ts';
import { labelMatches } from './nodes.ts';
import { attach, bridgeNetwork, detach, swarmNetwork } from '../network-objects.ts';

const PREDEFINED = new Set(['bridge', 'host', 'none']);
const forbidden = (message: string) => new EngineError(403, message);

export function networkOf(state: FakeSwarm, ref: string): Json {
  const network = state.findNetwork(ref);
  if (!network) throw notFound(`network ${ref} not found`);
  return network;
}

/** The container a connect/disconnect names, or dockerd's 404. */
export function containerOf(state: FakeSwarm, ref: string): Json {
  const container = state.findContainer(ref);
  if (!container) throw notFound(`No such container: ${ref}`);
  return container;
}

/** The networks a service spec attaches (TaskTemplate.Networks wins over Spec.Networks), as network objects. */
function serviceNetworks(state: FakeSwarm, service: Json): Json[] {
  const refs: Json[] = service.Spec.TaskTemplate?.Networks ?? service.Spec.Networks ?? [];
  return refs.flatMap((r) => state.findNetwork(r.Target) ?? []);
}

function servicesOn(state: FakeSwarm, network: Json): Json[] {
  return [...state.services.values()].filter(
    (s) => serviceNetworks(state, s).some((n) => n.Id === network.Id) || (s.Endpoint?.VirtualIPs ?? []).some((v: Json) => v.NetworkID === network.Id),
  );
}

/**
 * A network object marked so stands for a manager's leftover local copy of a swarm network
 * the swarm no longer has (Docker 20.10 keeps the old `ingress` so): listed as a local one.
 */
export const STALE_LOCAL_COPY = 'FakeStaleLocalCopy';

/** The list entry: swarm networks as swarmkit returns them (no Containers), local ones (and stale local copies) with an empty map. */
function listed(network: Json): Json {
  const { Containers: _containers, Peers: _peers, Services: _services, [STALE_LOCAL_COPY]: stale, ...rest } = network;
  return network.Scope === 'swarm' && !stale ? rest : { ...rest, Containers: {} };
}

function inspected(state: FakeSwarm, network: Json, verbose: boolean): Json {
  const { [STALE_LOCAL_COPY]: _stale, ...shown } = network;
  const result: Json = { ...shown, Containers: network.Containers ?? {} };
  if (network.Scope === 'swarm') {
    const nodes = [...state.nodes.values()];
    result.Peers = nodes.map((n) => ({ Name: n.Description.Hostname, IP: n.Status.Addr }));
    if (verbose) {
      result.Services = Object.fromEntries(
        servicesOn(state, network).map((s) => {
          const vip = (s.Endpoint?.VirtualIPs ?? []).find((v: Json) => v.NetworkID === network.Id);
          const tasks = [...state.tasks.values()].filter((t) => t.ServiceID === s.ID && t.DesiredState === 'running');
          return [
            s.Spec.Name,
            { VIP: vip ? String(vip.Addr).split('/')[0] : '', Ports: [], LocalLBIndex: 1, Tasks: tasks.map((t) => ({ Name: `${s.Spec.Name}.${t.Slot ?? t.NodeID}.${t.ID}`, EndpointIP: '', Info: { 'Host IP': '' } })) },
          ];
        }),
      );
    }
  }
  return result;
}

/** dockerd's network event: the network's ID, its name and driver, and the container for connect/disconnect. */
function emitNetwork(state: FakeSwarm, action: string, network: Json, container?: string): void {
  const attributes: Record<string, string> = { name: network.Name, type: network.Driver, ...(container ? { container } : {}) };
  state.emit('network', action, network.Id, attributes, network.Scope === 'swarm' ? 'swarm' : 'local');
}

function matches(network: Json, filters: Record<string, string[]>): boolean {
  const any = (name: string, test: (v: string) => boolean) => !filters[name]?.length || filters[name]!.some(test);
  return (
    any('name', (v) => network.Name.includes(v)) &&
    any('id', (v) => network.Id.startsWith(v)) &&
    any('driver', (v) => network.Driver === v) &&
    any('scope', (v) => network.Scope === v) &&
    any('label', (v) => labelMatches(network.Labels, v))
  );
}

function inUse(state: FakeSwarm, network: Json): boolean {
  return servicesOn(state, network).length > 0 || Object.keys(network.Containers ?? {}).length > 0;
}

export function networkRoutes(router: Router): void {
  router.get('/networks', ({ state, filters }) => [...state.networks.values()].filter((n) => matches(n, filters)).map(listed));

  router.get('/networks/:id', ({ state, params, query }) => inspected(state, networkOf(state, params.id!), query.verbose === 'true' || query.verbose === '1'));

  router.post('/networks/create', ({ state, body }) => {
    const request = (body ?? {}) as Json;
    if (!request.Name) throw badRequest('network name must be specified');
    if ([...state.networks.values()].some((n) => n.Name === request.Name)) throw conflict(`network with name ${request.Name} already exists`);
    const driver = request.Driver || 'bridge';
    let network: Json;
    if (driver === 'overlay') {
      if (!state.swarm) throw notInSwarm();
      const ingress = [...state.networks.values()].find((n) => n.Ingress);
      if (request.Ingress && ingress) throw forbidden(`rpc error: code = AlreadyExists desc = ingress network (${ingress.Id}) is already present`);
      network = swarmNetwork(state, request);
    } else {
      network = bridgeNetwork(request);
    }
    state.networks.set(network.Id, network);
    emitNetwork(state, 'create', network);
    return new Reply(201, { Id: network.Id, Warning: '' });
  });

  router.delete('/networks/:id', ({ state, params }) => {
    const network = networkOf(state, params.id!);
    if (PREDEFINED.has(network.Name)) throw forbidden(`${network.Name} is a pre-defined network and cannot be removed`);
    const services = servicesOn(state, network);
    if (services.length) {
      throw forbidden(`rpc error: code = FailedPrecondition desc = network ${network.Id} is in use by service ${services[0]!.ID}`);
    }
    if (Object.keys(network.Containers ?? {}).length) {
      throw forbidden(`error while removing network: network ${network.Name} id ${network.Id} has active endpoints`);
    }
    state.networks.delete(network.Id);
    emitNetwork(state, 'destroy', network);
    return new Reply(204, undefined);
  });

  router.post('/networks/prune', ({ state, filters }) => {
    const deleted: string[] = [];
    for (const network of [...state.networks.values()]) {
      if (PREDEFINED.has(network.Name) || network.Ingress || network.Name === 'docker_gwbridge') continue;
      if ((filters.label ?? []).some((l) => !labelMatches(network.Labels, l))) continue;
      if ((filters['label!'] ?? []).some((l) => labelMatches(network.Labels, l))) continue;
      if (inUse(state, network)) continue;
      state.networks.delete(network.Id);
      emitNetwork(state, 'destroy', network);
      deleted.push(network.Name);
    }
    return { NetworksDeleted: deleted };
  });

  router.post('/networks/:id/connect', ({ state, params, body }) => {
    const network = networkOf(state, params.id!);
    const request = (body ?? {}) as Json;
    const container = containerOf(state, String(request.Container ?? ''));
    if (network.Scope === 'swarm' && !network.Attachable) {
      throw forbidden(`Could not attach to network ${params.id}: rpc error: code = PermissionDenied desc = network ${network.Name} not manually attachable`);
    }
    const name = container.Name.replace(/^\//, '');
    if (Object.values(container.NetworkSettings.Networks as Record<string, Json>).some((e) => e.NetworkID === network.Id)) {
      throw forbidden(`endpoint with name ${name} already exists in network ${network.Name}`);
    }
    attach(state, container, network, request.EndpointConfig ?? {});
    emitNetwork(state, 'connect', network, container.Id);
    return new Reply(200, undefined);
  });

  router.post('/networks/:id/disconnect', ({ state, params, body }) => {
    const network = networkOf(state, params.id!);
    const request = (body ?? {}) as Json;
    const container = containerOf(state, String(request.Container ?? ''));
    const attached = Object.values(container.NetworkSettings.Networks as Record<string, Json>).some((e) => e.NetworkID === network.Id);
    if (!attached) throw forbidden(`container ${container.Id} is not connected to network ${network.Name}`);
    detach(state, container, network);
    emitNetwork(state, 'disconnect', network, container.Id);
    return new Reply(200, undefined);
  });
}
