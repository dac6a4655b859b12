// Resolvers for tasks: queries and the Task type's relations.
import type { Resolvers } from '../../generated/graphql.ts';
import { taskQueries } from './queries.ts';
import { taskFields, taskNetworkAttachmentFields } from './task-fields.ts';

export const tasksResolvers: Resolvers = {
  Query: { ...taskQueries },
  Task: taskFields,
  TaskNetworkAttachment: taskNetworkAttachmentFields,
};
