// Resolvers for diagnostics; filled in by the diagnostics work.
import type { Resolvers } from '../../generated/graphql.ts';

export const diagnosticsResolvers: Resolvers = {};
