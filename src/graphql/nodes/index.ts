// Resolvers for nodes; filled in by the nodes work.
import type { Resolvers } from '../../generated/graphql.ts';

export const nodesResolvers: Resolvers = {};
