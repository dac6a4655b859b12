// A stored API token as the GraphQL `ApiToken` shows it (never its hash), and who may see it.
import { uncoveredGrants } from '../../auth/grant-coverage.ts';
import type { Principal } from '../../auth/principal.ts';
import { tokenGrants, type ApiTokenRow } from '../../auth/tokens/index.ts';
import type { ApiToken } from '../../generated/graphql.ts';
import { grantToGraphQL } from './grant-graphql.ts';

export function apiTokenToGraphQL(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    prefix: row.prefix,
    grants: tokenGrants(row).map(grantToGraphQL),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    createdBy: row.createdBy,
  };
}

/**
 * A principal sees (and may revoke) only tokens whose every grant its own grants cover:
 * a team admin manages the team's bots, not the global admin's token. Others are NOT_FOUND.
 */
export function tokenVisibleTo(principal: Principal, row: ApiTokenRow): boolean {
  return uncoveredGrants(principal.grants, tokenGrants(row)).length === 0;
}
