// Resolvers for swarm; filled in by the swarm work.
import type { Resolvers } from '../../generated/graphql.ts';

export const swarmResolvers: Resolvers = {};
