// Task fields that are relations: its service, its node, its networks' objects. Each comes
// from the request's one list of that kind (no call per task).
import type { TaskNetworkAttachmentResolvers, TaskResolvers } from '../../generated/graphql.ts';
import { toNetworkModel } from '../../docker/model/network.ts';
import { toNodeModel } from '../../docker/model/node.ts';
import { toServiceModel } from '../../docker/model/service.ts';

export const taskFields: TaskResolvers = {
  /** Null when the service has been removed since (its tasks linger until cleaned up). */
  async service(parent, _args, ctx) {
    const service = await ctx.loaders(parent.cluster).service(parent.serviceId);
    return service ? toServiceModel(parent.cluster, service) : null;
  },

  /** Null before the task is scheduled, or when the node has left. */
  async node(parent, _args, ctx) {
    if (!parent.nodeId) return null;
    const node = await ctx.loaders(parent.cluster).node(parent.nodeId);
    return node ? toNodeModel(parent.cluster, node) : null;
  },
};

export const taskNetworkAttachmentFields: TaskNetworkAttachmentResolvers = {
  async network(parent, _args, ctx) {
    const network = await ctx.loaders(parent.cluster).network(parent.networkId);
    return network ? toNetworkModel(network, parent.cluster, false) : null;
  },
};
