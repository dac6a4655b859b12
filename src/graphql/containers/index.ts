// Resolvers for standalone containers and their network attachments.
import type { Resolvers } from '../../generated/graphql.ts';
import { containerFields, containerQueries } from './queries.ts';
import { containerRemove, containerStart, containerStop } from './lifecycle.ts';
import { containerRun } from './run.ts';
import { containerExec } from './exec.ts';
import { containerLogs } from './logs.ts';

export const containersResolvers: Resolvers = {
  Query: { ...containerQueries, containerLogs },
  Mutation: { containerRun, containerStop, containerStart, containerRemove, containerExec },
  Container: containerFields,
};
