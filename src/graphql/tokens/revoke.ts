// `apiTokenRevoke`: by ID or prefix, only a token within the caller's grants (any other is
// NOT_FOUND, as if it did not exist), with every token it created, transitively. Revoking twice is INVALID_STATE, naming who did first.
import { notFound, UserInputError } from '../../errors/gateway-error.ts';
import { userError } from '../../errors/codes.ts';
import type { ApiTokenRow } from '../../auth/tokens/index.ts';
import type { ApiTokenRevokePayload, MutationResolvers } from '../../generated/graphql.ts';
import { runMutation } from '../run-mutation.ts';
import { apiTokenToGraphQL, tokenVisibleTo } from './api-token-graphql.ts';
import { tokenStore, usingTokenDatabase } from './token-database.ts';

export const apiTokenRevoke: MutationResolvers['apiTokenRevoke'] = async (_root, { input }, ctx) => {
  const store = tokenStore(ctx.database);
  return runMutation<ApiTokenRevokePayload>(ctx, { operation: 'apiTokenRevoke', gatewayWide: true, target: input.id, input }, { apiToken: null, alsoRevoked: [] }, async () => {
    const row = await usingTokenDatabase(ctx.logger, () => store.find(input.id));
    if (!row || !tokenVisibleTo(ctx.authority.principal, row)) throw notFound('API token', input.id);
    if (row.revokedAt) throw alreadyRevoked(row);
    const revoked = await usingTokenDatabase(ctx.logger, () => store.revokeTree(row.id, ctx.authority.principal.id));
    if (!revoked) throw alreadyRevoked((await store.find(row.id)) ?? row);
    // The tokens it created go with it, even those beyond the caller's grants (a token can
    // only have made tokens within its own, so these were made under the one revoked).
    return {
      payload: { apiToken: apiTokenToGraphQL(revoked.row), alsoRevoked: revoked.descendants.map(apiTokenToGraphQL) },
      objectIds: [row.id, ...revoked.descendants.map((d) => d.id)],
    };
  });
};

function alreadyRevoked(row: ApiTokenRow): UserInputError {
  const when = row.revokedAt ? ` at ${row.revokedAt.toISOString()}` : '';
  const by = row.revokedBy ? ` by ${row.revokedBy}` : '';
  return new UserInputError([userError(['input', 'id'], 'INVALID_STATE', `API token ${row.prefix} (${row.name}) was already revoked${when}${by}.`)]);
}
