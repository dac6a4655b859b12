// Reads of tasks: `docker service ps` / `docker node ps` with filters, and one task.
import type { QueryResolvers } from '../../generated/graphql.ts';
import type { TaskListFilters } from '../../docker/api/tasks.ts';
import { toEngineTaskState, toTaskModel } from '../../docker/model/task.ts';
import { notFound } from '../../errors/gateway-error.ts';
import { paginate } from '../pagination.ts';
import { findNode } from '../nodes/lookup.ts';
import { findService } from '../services/lookup.ts';
import { taskKey } from './task-order.ts';
import { checkedReference } from '../../validate/references.ts';

export const taskQueries: Pick<QueryResolvers, 'tasks' | 'task'> = {
  /** One filtered `GET /tasks` (and no network list); service and node references are resolved to IDs first, so an unknown one is NOT_FOUND. */
  async tasks(_root, { cluster, filter, first, after }, ctx) {
    const loaders = ctx.loaders(cluster);
    const filters: TaskListFilters = {};
    if (filter?.service) filters.service = [(await findService(loaders, filter.service)).ID];
    if (filter?.node) filters.node = [(await findNode(loaders, filter.node)).ID];
    if (filter?.desiredState) filters['desired-state'] = [toEngineTaskState(filter.desiredState)];
    // No network list: each task names its networks itself (toTaskModel).
    const tasks = await loaders.tasks(filters as Record<string, string[]>);
    const models = tasks.map((t) => toTaskModel(loaders.client.name, t));
    return paginate(models, taskKey, { first, after });
  },

  /** By full ID or unique ID prefix, as `docker inspect` finds tasks. */
  async task(_root, { cluster, id }, ctx) {
    const loaders = ctx.loaders(cluster);
    // Swarm IDs are lowercase letters and digits; a name-shaped reference finds no task.
    const found = /^[0-9a-z]+$/.test(checkedReference('task', id)) ? await loaders.tasks({ id: [id] }) : [];
    const task = found.find((t) => t.ID === id) ?? (found.length === 1 ? found[0] : undefined);
    if (!task) throw notFound('task', id);
    return toTaskModel(loaders.client.name, task);
  },
};
