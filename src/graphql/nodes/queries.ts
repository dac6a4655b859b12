// Reads of nodes: the list with `docker node ls` filters, one node, and a node's tasks.
import type { NodeResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { toNodeModel } from '../../docker/model/node.ts';
import { toEngineTaskState, toTaskModel } from '../../docker/model/task.ts';
import { nameKey, paginate } from '../pagination.ts';
import { findNode } from './lookup.ts';
import { matchesNodeFilter } from './node-filter.ts';

export const nodeQueries: Pick<QueryResolvers, 'nodes' | 'node'> = {
  async nodes(_root, { cluster, filter, first, after }, ctx) {
    const loaders = ctx.loaders(cluster);
    const nodes = (await loaders.nodes()).filter((n) => matchesNodeFilter(n, filter)).map((n) => toNodeModel(loaders.client.name, n));
    return paginate(nodes, (n) => nameKey(n.hostname, n.id), { first, after });
  },

  async node(_root, { cluster, id }, ctx) {
    const loaders = ctx.loaders(cluster);
    return toNodeModel(loaders.client.name, await findNode(loaders, id));
  },
};

export const nodeFields: NodeResolvers = {
  /** Batched: the tasks of every node in the result come from one `GET /tasks` (or the watched state); each names its networks itself. */
  async tasks(parent, { desiredState }, ctx) {
    const loaders = ctx.loaders(parent.cluster);
    const tasks = await loaders.tasksOfNode(parent.id);
    const wanted = desiredState ? tasks.filter((t) => t.DesiredState === toEngineTaskState(desiredState)) : tasks;
    return wanted.map((t) => toTaskModel(parent.cluster, t));
  },
};
