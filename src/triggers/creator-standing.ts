// Whether a trigger's creator still stands behind it, and with which grants it fires.
// - An API token creator (`token:<id>`) must still be valid: not revoked, not expired (nor
//   older than auth.maxTokenDays); revoking or letting the token lapse stops its triggers.
// - An OIDC creator cannot be asked: the identity provider is only consulted when the person
//   presents a token, and a trigger fires without one. Its stored grants (those it held when it
//   made the trigger) are used as they are; removing such a trigger is how to stop it. That is
//   the documented limit of OIDC-made triggers.
// Either way the grants are the stored ones, so a trigger never fires with more than its
// creator held for that cluster when it made it.
import type { Database } from '../db/client.ts';
import { ApiTokenStore, isExpired, tokenGrants, tokenIdOfPrincipal } from '../auth/tokens/index.ts';
import type { Grant } from '../grants/grant.ts';
import type { TriggerRow } from './trigger-store.ts';

export type CreatorStanding = { holds: true; grants: Grant[] } | { holds: false; reason: string };

export async function creatorStanding(
  database: Pick<Database, 'prisma'>,
  trigger: Pick<TriggerRow, 'createdBy' | 'creatorKind' | 'grants'>,
  opts: { now?: Date; maxTokenDays?: number | undefined } = {},
): Promise<CreatorStanding> {
  const grants = tokenGrants(trigger);
  if (trigger.creatorKind === 'oidc') return { holds: true, grants };
  const tokenId = trigger.creatorKind === 'token' ? tokenIdOfPrincipal(trigger.createdBy) : null;
  if (!tokenId) return { holds: false, reason: `the trigger's creator ${trigger.createdBy} (${trigger.creatorKind}) cannot make changes` };
  const token = await new ApiTokenStore(database).find(tokenId);
  if (!token) return { holds: false, reason: `the API token that made the trigger (${tokenId}) no longer exists` };
  if (token.revokedAt) return { holds: false, reason: `the API token that made the trigger (${token.prefix}) was revoked` };
  if (isExpired(token, opts.now ?? new Date(), opts.maxTokenDays)) return { holds: false, reason: `the API token that made the trigger (${token.prefix}) has expired` };
  return { holds: true, grants };
}
