// `whoami` (the caller and its grants) and `apiTokens` (the tokens within the caller's
// grants, by name; tokens are few, so the page is cut from the whole visible list).
import type { PrincipalKind, QueryResolvers } from '../../generated/graphql.ts';
import { nameKey, paginate } from '../pagination.ts';
import { apiTokenToGraphQL, tokenVisibleTo } from './api-token-graphql.ts';
import { grantToGraphQL } from './grant-graphql.ts';
import { tokenStore, usingTokenDatabase } from './token-database.ts';

export const whoami: QueryResolvers['whoami'] = (_root, _args, { authority: { principal } }) => ({
  id: principal.id,
  kind: principal.kind.toUpperCase() as PrincipalKind,
  name: principal.name ?? null,
  grants: principal.grants.map(grantToGraphQL),
});

export const apiTokens: QueryResolvers['apiTokens'] = async (_root, { first, after, includeRevoked }, ctx) => {
  const store = tokenStore(ctx.database);
  const rows = await usingTokenDatabase(ctx.logger, () => store.list({ includeRevoked: includeRevoked ?? false }));
  const visible = rows.filter((row) => tokenVisibleTo(ctx.authority.principal, row));
  return paginate(visible.map(apiTokenToGraphQL), (t) => nameKey(t.name, t.id), { first, after });
};
