// Resolvers for services; filled in by the services work.
import type { Resolvers } from '../../generated/graphql.ts';

export const servicesResolvers: Resolvers = {};
