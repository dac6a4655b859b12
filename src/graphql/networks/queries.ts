// Reads of networks: the list with `docker network ls` filters, one network, and the
// fields that need more than the list (containers and peers from an inspect, services).
import type { NetworkResolvers, NetworkServiceResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { servicesOnNetwork, toNetworkModel, PREDEFINED_NETWORKS } from '../../docker/model/network.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import type { NetworkModel } from '../../docker/model/types.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { networkContainersInScope } from '../containers/container-scope.ts';
import { notFound } from '../../errors/gateway-error.ts';
import { nameKey, paginate } from '../pagination.ts';
import { findNetwork } from './lookup.ts';
import { matchesNetworkFilter } from './network-filter.ts';
import { isInUse, networkUsersInWholeSwarm } from './usage.ts';

export const networkQueries: Pick<QueryResolvers, 'networks' | 'network'> = {
  async networks(_root, { cluster, filter, first, after }, ctx) {
    const loaders = ctx.loaders(cluster);
    let networks = (await loaders.networks()).filter((n) => matchesNetworkFilter(n, filter));
    if (filter?.dangling !== null && filter?.dangling !== undefined) {
      const users = await networkUsersInWholeSwarm(ctx.authority.readScope(loaders.client.name), loaders, networks.filter((n) => !PREDEFINED_NETWORKS.has(n.Name)));
      // As Docker does, the pre-defined networks are never dangling.
      const dangling = (id: string) => users.has(id) && !isInUse(users.get(id)!);
      networks = networks.filter((n) => dangling(n.Id) === filter.dangling);
    }
    const models = networks.map((n) => toNetworkModel(n, loaders.client.name, false));
    return paginate(models, (n) => nameKey(n.name, n.id), { first, after });
  },

  async network(_root, { cluster, id }, ctx) {
    const loaders = ctx.loaders(cluster);
    return toNetworkModel(await findNetwork(loaders, id), loaders.client.name, false);
  },
};

/** The model with containers and peers, inspecting (verbose, batched, once per request) when the model came from the list. */
async function inspected(parent: NetworkModel, loaders: ClusterLoaders): Promise<NetworkModel> {
  if (parent.peers !== null) return parent;
  const json = await loaders.verboseNetwork(parent.id);
  return toNetworkModel(json, parent.cluster, true);
}

export const networkFields: NetworkResolvers = {
  /** To a label-scoped reader, only the containers in its scope (and the network's own endpoints). */
  async containers(parent, _args, ctx) {
    const loaders = ctx.loaders(parent.cluster);
    return networkContainersInScope(ctx.authority.readScope(parent.cluster), loaders, (await inspected(parent, loaders)).containers);
  },
  async peers(parent, _args, ctx) {
    return (await inspected(parent, ctx.loaders(parent.cluster))).peers ?? [];
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
