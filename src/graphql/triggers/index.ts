// Redeploy triggers over GraphQL: `triggers`, `triggerCreate`, `triggerRemove`. Which roles
// may call them is in src/auth/permissions.ts; firing one is the HTTP route src/http/triggers.ts.
import type { Resolvers } from '../../generated/graphql.ts';
import { triggerCreate } from './create.ts';
import { triggers } from './queries.ts';
import { triggerRemove } from './remove.ts';

export const triggersResolvers: Resolvers = {
  Query: { triggers },
  Mutation: { triggerCreate, triggerRemove },
};
