// Resolvers for containers; filled in by the containers work.
import type { Resolvers } from '../../generated/graphql.ts';

export const containersResolvers: Resolvers = {};
