// Reads of networks: the list with `docker network ls` filters, one network, and the
// fields that need more than the list (containers and peers from an inspect, services).
// With `engine`, a configured engine's own view (engine-networks.ts), nested fields read
// from that engine too.
import type { NetworkResolvers, NetworkServiceResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { servicesOnNetwork, toNetworkModel, PREDEFINED_NETWORKS } from '../../docker/model/network.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import type { NetworkModel } from '../../docker/model/types.ts';
import { inspectNetwork } from '../../docker/api/networks.ts';
import { checkedReference } from '../../validate/references.ts';
import type { GatewayContext } from '../context.ts';
import { networkInScope } from '../access/scope-checks.ts';
import { assertEngineInCluster } from '../access/engine-cluster.ts';
import { containerHost } from '../containers/container-host.ts';
import { networkContainersInScope } from '../containers/container-scope.ts';
import { isNotFound, notFound } from '../../errors/gateway-error.ts';
import { nameKey, paginate } from '../pagination.ts';
import { engineNetworks, inspectOnEngine } from './engine-networks.ts';
import { findNetwork } from './lookup.ts';
import { matchesNetworkFilter } from './network-filter.ts';
import { isInUse, networkUsersInWholeSwarm } from './usage.ts';

export const networkQueries: Pick<QueryResolvers, 'networks' | 'network'> = {
  async networks(_root, { cluster, engine, filter, first, after }, ctx) {
    assertEngineInCluster(ctx.registry, engine, cluster);
    const host = engine ? containerHost(ctx.registry, cluster, engine) : null;
    const loaders = ctx.loaders(host?.cluster ?? cluster);
    const readScope = ctx.authority.readScope(loaders.client.name);
    const all = host ? await engineNetworks(loaders, host.api, readScope) : await loaders.networks();
    let networks = all.filter((n) => matchesNetworkFilter(n, filter));
    if (filter?.dangling !== null && filter?.dangling !== undefined) {
      // On a named engine, its local networks are used by its own containers.
      const inspectLocal = host ? (id: string) => inspectNetwork(host.api, id) : undefined;
      const users = await networkUsersInWholeSwarm(readScope, loaders, networks.filter((n) => !PREDEFINED_NETWORKS.has(n.Name)), inspectLocal);
      // As Docker does, the pre-defined networks are never dangling.
      const dangling = (id: string) => users.has(id) && !isInUse(users.get(id)!);
      networks = networks.filter((n) => dangling(n.Id) === filter.dangling);
    }
    const models = networks.map((n) => toNetworkModel(n, loaders.client.name, false, host?.engine ?? null));
    return paginate(models, (n) => nameKey(n.name, n.id), { first, after });
  },

  async network(_root, { cluster, engine, id }, ctx) {
    assertEngineInCluster(ctx.registry, engine, cluster);
    if (!engine) {
      const loaders = ctx.loaders(cluster);
      return toNetworkModel(await findNetwork(loaders, id), loaders.client.name, false);
    }
    checkedReference('network', id);
    const host = containerHost(ctx.registry, cluster, engine);
    const loaders = ctx.loaders(host.cluster);
    // As `docker network inspect` on that host: a swarm network it has not joined is not there.
    // The read-scoped list decides for swarm networks (and leaves out stale copies); a local one by its own labels.
    const onEngine = await inspectNetwork(host.api, id).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err)));
    const network = networkInScope(onEngine, ctx.authority.readScope(host.cluster));
    if (!network || (network.Scope === 'swarm' && !(await loaders.network(network.Id)))) throw notFound('network', id);
    return toNetworkModel(network, host.cluster, false, host.engine);
  },
};

/** The model with containers and peers, inspecting (verbose, batched, once per request) when the model came from the list. */
async function inspected(parent: NetworkModel, ctx: GatewayContext): Promise<NetworkModel> {
  if (parent.peers !== null) return parent;
  const json = parent.engine
    ? await inspectOnEngine(ctx, parent.engine, containerHost(ctx.registry, parent.cluster, parent.engine).api, parent.id)
    : await ctx.loaders(parent.cluster).verboseNetwork(parent.id);
  return toNetworkModel(json, parent.cluster, true, parent.engine);
}

export const networkFields: NetworkResolvers = {
  /** To a label-scoped reader, only the containers in its scope (and the network's own endpoints). */
  async containers(parent, _args, ctx) {
    const loaders = ctx.loaders(parent.cluster);
    const api = parent.engine ? containerHost(ctx.registry, parent.cluster, parent.engine).api : loaders.client;
    return networkContainersInScope(ctx.authority.readScope(parent.cluster), loaders, (await inspected(parent, ctx)).containers, api);
  },
  async peers(parent, _args, ctx) {
    return (await inspected(parent, ctx)).peers ?? [];
  },
  /** From the one service list of the request: no call per network. */
  async services(parent, _args, ctx) {
    const services = await ctx.loaders(parent.cluster).services();
    return servicesOnNetwork({ Id: parent.id, Name: parent.name }, services, parent.cluster);
  },
};

export const networkServiceFields: NetworkServiceResolvers = {
  async service(parent, _args, ctx) {
    const service = await ctx.loaders(parent.cluster).service(parent.serviceId);
    if (!service) throw notFound('service', parent.serviceId);
    return toServiceModel(parent.cluster, service);
  },
};
