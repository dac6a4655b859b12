// Resolvers for tasks; filled in by the tasks work.
import type { Resolvers } from '../../generated/graphql.ts';

export const tasksResolvers: Resolvers = {};
