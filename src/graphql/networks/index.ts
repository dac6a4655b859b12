// Resolvers for networks; filled in by the networks work.
import type { Resolvers } from '../../generated/graphql.ts';

export const networksResolvers: Resolvers = {};
