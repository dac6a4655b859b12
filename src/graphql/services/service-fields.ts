// Service fields that need more than the service's own JSON: task counts when the Engine
// did not give them, tasks, networks' objects, DNS discovery. Tasks come from the
// request's batch (`loaders.tasksOfService`), networks from its one network list.
import type { ServiceNetworkAttachmentResolvers, ServiceResolvers } from '../../generated/graphql.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { serviceDiscovery } from '../../docker/model/service.ts';
import { toEngineTaskState, toTaskModel } from '../../docker/model/task.ts';
import { toNetworkModel } from '../../docker/model/network.ts';
import { envFor } from '../access/secret-values.ts';
import { serviceLogs } from './logs.ts';

export async function networkNamesOf(loaders: ClusterLoaders): Promise<Map<string, string>> {
  return new Map((await loaders.networks()).map((n) => [n.Id, n.Name]));
}

export const serviceFields: ServiceResolvers = {
  /** From `ServiceStatus`; counted from the tasks when the Engine did not report it. */
  async runningTasks(parent, _args, ctx) {
    if (parent.runningTasks !== null) return parent.runningTasks;
    const tasks = await ctx.loaders(parent.cluster).tasksOfService(parent.id);
    return tasks.filter((t) => t.Status.State === 'running' && t.DesiredState === 'running').length;
  },

  async desiredTasks(parent, _args, ctx) {
    if (parent.desiredTasks !== null) return parent.desiredTasks;
    if (parent.mode === 'REPLICATED' && parent.replicas !== null) return parent.replicas;
    const tasks = await ctx.loaders(parent.cluster).tasksOfService(parent.id);
    return tasks.filter((t) => t.DesiredState === 'running').length;
  },

  async tasks(parent, { desiredState }, ctx) {
    const loaders = ctx.loaders(parent.cluster);
    const tasks = await loaders.tasksOfService(parent.id);
    const wanted = desiredState ? tasks.filter((t) => t.DesiredState === toEngineTaskState(desiredState)) : tasks;
    if (wanted.length === 0) return [];
    const names = await networkNamesOf(loaders);
    return wanted.map((t) => toTaskModel(parent.cluster, t, names));
  },

  async discovery(parent, _args, ctx) {
    if (parent.networks.length === 0) return [];
    const loaders = ctx.loaders(parent.cluster);
    const [tasks, names] = await Promise.all([loaders.tasksOfService(parent.id), networkNamesOf(loaders)]);
    return serviceDiscovery(parent, tasks, names);
  },

  logs: (parent, args, ctx) => serviceLogs(parent, args, ctx.loaders(parent.cluster)),

  /** Secret-looking values masked below an unscoped admin, in queries and payloads alike (one resolver for both). */
  env: (parent, _args, ctx) => envFor(ctx.authority, parent.cluster, ctx.secretNamePatterns, parent.env),
};

export const serviceNetworkAttachmentFields: ServiceNetworkAttachmentResolvers = {
  /** From the request's one network list; null when the network is gone. */
  async network(parent, _args, ctx) {
    const network = await ctx.loaders(parent.cluster).network(parent.networkId);
    return network ? toNetworkModel(network, parent.cluster, false) : null;
  },
};
