// `apiTokenCreate`: a token for a bot, within the caller's own grants (no escalation: a
// grant none of the caller's covers is refused, named); made by an API token, it expires no
// later than that token and is revoked with it (the creator is recorded). The secret is generated here and
// returned once; the audit record gets the input (name, grants, expiry), which holds none.
import { uncoveredGrants } from '../../auth/grant-coverage.ts';
import { formatGrant, type Grant } from '../../grants/grant.ts';
import { resolveExpiry, tokenIdOfPrincipal, tokenNameProblem, unknownClustersProblem } from '../../auth/tokens/index.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import type { ApiTokenCreateInput, ApiTokenCreatePayload, MutationResolvers } from '../../generated/graphql.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { apiTokenToGraphQL } from './api-token-graphql.ts';
import { grantFromInput } from './grant-graphql.ts';
import { tokenStore, usingTokenDatabase } from './token-database.ts';

export const apiTokenCreate: MutationResolvers['apiTokenCreate'] = async (_root, { input }, ctx) => {
  const store = tokenStore(ctx.database);
  return runMutation<ApiTokenCreatePayload>(ctx, { operation: 'apiTokenCreate', gatewayWide: true, target: input.name, input }, { token: null, apiToken: null }, async () => {
    const { principal } = ctx.authority;
    const { grants, errors } = checkGrants(input, principal.grants, ctx.registry.clusterNames());
    const nameProblem = tokenNameProblem(input.name);
    if (nameProblem) errors.unshift(userError(['input', 'name'], 'INVALID_VALUE', nameProblem));
    // A token made by an API token never outlives it, and is revoked with it.
    const createdBy = tokenIdOfPrincipal(principal.id);
    const creatorExpiresAt = createdBy ? await usingTokenDatabase(ctx.logger, () => store.creatorExpiry(principal.id)) : undefined;
    const expiry = resolveExpiry(
      { expiresAt: input.expiresAt == null ? null : new Date(input.expiresAt), expiresInDays: input.expiresInDays },
      { now: new Date(), maxTokenDays: ctx.auth.maxTokenDays, creatorExpiresAt },
    );
    if ('error' in expiry) errors.push(userError(['input', expiry.field], 'INVALID_VALUE', expiry.error));
    rejectIfAny(errors);
    const { token, row } = await usingTokenDatabase(ctx.logger, () =>
      store.create({ name: input.name, owner: principal.id, grants, expiresAt: 'expiresAt' in expiry ? expiry.expiresAt : null, createdBy }),
    );
    return { payload: { token, apiToken: apiTokenToGraphQL(row) }, objectIds: [row.id] };
  });
};

/** The grants asked for, and what is wrong with them: form, clusters not in `known`, escalation beyond `held`. */
function checkGrants(input: ApiTokenCreateInput, held: readonly Grant[], known: readonly string[]): { grants: Grant[]; errors: UserErrorInit[] } {
  const errors: UserErrorInit[] = [];
  const grants: Grant[] = [];
  if (input.grants.length === 0) errors.push(userError(['input', 'grants'], 'INVALID_VALUE', 'Give the token at least one grant.'));
  for (const [i, given] of input.grants.entries()) {
    const field = ['input', 'grants', String(i)];
    let grant: Grant;
    try {
      grant = grantFromInput(given);
    } catch (err) {
      errors.push(userError(field, 'INVALID_VALUE', `Grant ${i + 1}: ${(err as Error).message}.`));
      continue;
    }
    const unknown = unknownClustersProblem(grant, known);
    if (unknown) {
      errors.push(userError([...field, 'clusters'], 'REFERENCE_NOT_FOUND', unknown));
      continue;
    }
    if (uncoveredGrants(held, [grant]).length > 0) {
      const holding = held.map(formatGrant).join(', ') || 'none';
      errors.push(userError(field, 'ESCALATION', `Grant ${formatGrant(grant)} goes beyond your own grants (${holding}): a token can only be given what you hold.`));
      continue;
    }
    grants.push(grant);
  }
  return { grants, errors };
}
