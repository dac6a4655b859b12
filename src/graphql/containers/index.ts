// Resolvers for standalone containers and their network attachments.
import type { Resolvers } from '../../generated/graphql.ts';
import { containerFields, containerQueries } from './queries.ts';

export const containersResolvers: Resolvers = {
  Query: containerQueries,
  Container: containerFields,
};
