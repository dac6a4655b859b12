// Resolvers for stacks (issue 14): `docker stack ls/services/deploy/rm` and the deploy's plan.
import type { Resolvers } from '../../generated/graphql.ts';
import { stackDeploy } from './deploy.ts';
import { stackPlan } from './plan.ts';
import { stackQueries } from './queries.ts';
import { stackRemove } from './remove.ts';
import { stackFields } from './stack-fields.ts';

export const stacksResolvers: Resolvers = {
  Query: { ...stackQueries, stackPlan },
  Mutation: { stackDeploy, stackRemove },
  Stack: stackFields,
};
