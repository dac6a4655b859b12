// Service fields that need more than the service's own JSON: task counts when the Engine
// did not give them, tasks, networks' objects, DNS discovery. Tasks come from the
// request's batch (`loaders.tasksOfService`); their network names from the tasks
// themselves, so neither Service.tasks nor discovery lists networks (issue 12), unless
// discovery needs the name of a network none of the service's tasks is attached to.
import type { ServiceNetworkAttachmentResolvers, ServiceResolvers } from '../../generated/graphql.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Task as EngineTask } from '../../docker/engine-api/index.ts';
import type { ServiceModel } from '../../docker/model/types.ts';
import { serviceDiscovery } from '../../docker/model/service.ts';
import { attachedNetworkNames, toEngineTaskState, toTaskModel } from '../../docker/model/task.ts';
import { toNetworkModel } from '../../docker/model/network.ts';
import { envFor } from '../access/secret-values.ts';
import { serviceLogs } from './logs.ts';

/** The names of the service's networks: from its tasks' attachments, else from the request's one network list. */
async function serviceNetworkNames(loaders: ClusterLoaders, service: Pick<ServiceModel, 'networks'>, tasks: readonly EngineTask[]): Promise<Map<string, string>> {
  const names = attachedNetworkNames(tasks);
  if (service.networks.every((n) => names.has(n.networkId))) return names;
  const listed = new Map((await loaders.networks()).map((n) => [n.Id, n.Name]));
  return new Map([...listed, ...names]);
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
    return wanted.map((t) => toTaskModel(parent.cluster, t));
  },

  async discovery(parent, _args, ctx) {
    if (parent.networks.length === 0) return [];
    const loaders = ctx.loaders(parent.cluster);
    const tasks = await loaders.tasksOfService(parent.id);
    // A label-scoped reader gets names only of networks it may read (the others by ID):
    // its own network list says which; the tasks' copies would name them all.
    const names = ctx.authority.readScope(parent.cluster).all
      ? await serviceNetworkNames(loaders, parent, tasks)
      : new Map((await loaders.networks()).map((n) => [n.Id, n.Name]));
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
