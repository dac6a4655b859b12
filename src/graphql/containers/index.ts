// Resolvers for standalone containers and their network attachments.
import type { Resolvers } from '../../generated/graphql.ts';
import { containerFields, containerQueries } from './queries.ts';
import { containerRemove, containerStart, containerStop } from './lifecycle.ts';
import { containerRun } from './run.ts';

export const containersResolvers: Resolvers = {
  Query: containerQueries,
  Mutation: { containerRun, containerStop, containerStart, containerRemove },
  Container: containerFields,
};
