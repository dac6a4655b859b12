// API tokens and the caller's identity: `whoami`, `apiTokens`, `apiTokenCreate`,
// `apiTokenRevoke`. Which roles may call them is in src/auth/permissions.ts.
import type { Resolvers } from '../../generated/graphql.ts';
import { apiTokenCreate } from './create.ts';
import { apiTokens, whoami } from './queries.ts';
import { apiTokenRevoke } from './revoke.ts';

export const tokensResolvers: Resolvers = {
  Query: { whoami, apiTokens },
  Mutation: { apiTokenCreate, apiTokenRevoke },
};
