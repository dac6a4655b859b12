// Resolvers for swarm nodes: `nodes`, `node`, `Node.tasks`, and the node mutations.
import type { Resolvers } from '../../generated/graphql.ts';
import { nodeDemote, nodePromote, nodeUpdate } from './node-mutations.ts';
import { nodeRemove } from './node-remove.ts';
import { nodeFields, nodeQueries } from './queries.ts';

export const nodesResolvers: Resolvers = {
  Query: { ...nodeQueries },
  Mutation: { nodeUpdate, nodePromote, nodeDemote, nodeRemove },
  Node: nodeFields,
};
