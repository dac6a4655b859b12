// Task fields that are relations: its service, its node, its networks' objects. Each comes
// from the request's one list of that kind (no call per task). A task is readable when its
// service is; what it refers to beyond that, the caller may not be allowed to read: such a
// reference is null (or, for a network's name, its ID), and the IDs stay. A network's name
// is the task's own copy, so naming costs no call.
import type { TaskNetworkAttachmentResolvers, TaskResolvers } from '../../generated/graphql.ts';
import { toNetworkModel } from '../../docker/model/network.ts';
import { toNodeModel } from '../../docker/model/node.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import { maskNetworkNames } from '../containers/container-scope.ts';

export const taskFields: TaskResolvers = {
  /** Null when the service has been removed since (its tasks linger until cleaned up). */
  async service(parent, _args, ctx) {
    const service = await ctx.loaders(parent.cluster).service(parent.serviceId);
    return service ? toServiceModel(parent.cluster, service) : null;
  },

  /**
   * Null before the task is scheduled, or when the node has left; also for a caller who
   * may not read nodes (a label-scoped grant: nodes are the whole cluster's).
   */
  async node(parent, _args, ctx) {
    if (!parent.nodeId) return null;
    if (!ctx.authority.decide('Query.node', parent.cluster).allowed) return null;
    const node = await ctx.loaders(parent.cluster).node(parent.nodeId);
    return node ? toNodeModel(parent.cluster, node) : null;
  },
};

export const taskNetworkAttachmentFields: TaskNetworkAttachmentResolvers = {
  /** Null for a network the caller may not read (or that is gone). */
  async network(parent, _args, ctx) {
    const network = await ctx.loaders(parent.cluster).network(parent.networkId);
    return network ? toNetworkModel(network, parent.cluster, false) : null;
  },

  /**
   * The name the task's attachment carries (no network list); only an attachment without
   * one looks the network up. The ID in place of the name of a network the caller may not read.
   */
  async networkName(parent, _args, ctx) {
    const loaders = ctx.loaders(parent.cluster);
    const named = parent.networkName ? parent : { ...parent, networkName: (await loaders.network(parent.networkId))?.Name ?? parent.networkId };
    const [masked] = await maskNetworkNames(ctx.authority.readScope(parent.cluster), loaders, [named]);
    return masked!.networkName;
  },
};
