// The checks a new token's name, expiry and grants must pass, shared by the GraphQL
// mutation and `npm run token:create`. Each returns the problem as a sentence (or null),
// so each front end can say it in its own way (a userError, a line on stderr).
import { formatGrant, type Grant } from '../../grants/grant.ts';

export const MAX_NAME_LENGTH = 100;
/** Without `auth.maxTokenDays`, the longest lifetime asked for in days (as the config allows). */
export const MAX_EXPIRY_DAYS = 3650;
const DAY_MS = 86_400_000;

export function tokenNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'The token needs a name saying what it is for (e.g. chatops-bot).';
  if (trimmed.length > MAX_NAME_LENGTH) return `The name is ${trimmed.length} characters long; at most ${MAX_NAME_LENGTH} are allowed.`;
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'The name must not contain control characters.';
  return null;
}

export interface ExpiryRequest {
  expiresAt?: Date | null | undefined;
  expiresInDays?: number | null | undefined;
}

export type ExpiryResult = { expiresAt: Date | null } | { field: 'expiresAt' | 'expiresInDays'; error: string };

/**
 * The expiry instant of a new token: `expiresAt` as given, or `expiresInDays` from now, or
 * none. With `maxTokenDays` configured an expiry is required, at most that far ahead.
 *
 * A token made by another API token never outlives it (`creatorExpiresAt`: that token's
 * expiry, null when it has none): asked for no expiry, it gets its creator's (capped); asked
 * for a later one, it is refused, saying the creator's expiry (a cap the caller did not ask
 * for would be a surprise).
 */
export function resolveExpiry(
  req: ExpiryRequest,
  opts: { now: Date; maxTokenDays?: number | undefined; creatorExpiresAt?: Date | null | undefined; names?: { expiresAt: string; expiresInDays: string } },
): ExpiryResult {
  const creator = opts.creatorExpiresAt;
  if (!creator) return resolveOwnExpiry(req, opts);
  const askedFor = req.expiresAt != null || req.expiresInDays != null;
  if (!askedFor) return { expiresAt: creator };
  const own = resolveOwnExpiry(req, opts);
  if ('error' in own || own.expiresAt === null || own.expiresAt.getTime() <= creator.getTime()) return own;
  const field = req.expiresAt != null ? 'expiresAt' : 'expiresInDays';
  const name = (opts.names ?? { expiresAt: 'expiresAt', expiresInDays: 'expiresInDays' })[field];
  return {
    field,
    error: `${name} (${own.expiresAt.toISOString()}) is later than ${creator.toISOString()}, when the token creating it expires: a token cannot outlive the token that made it (omit the expiry to get that one).`,
  };
}

function resolveOwnExpiry(
  req: ExpiryRequest,
  opts: { now: Date; maxTokenDays?: number | undefined; names?: { expiresAt: string; expiresInDays: string } },
): ExpiryResult {
  const { now, maxTokenDays } = opts;
  const { expiresAt: atName, expiresInDays: daysName } = opts.names ?? { expiresAt: 'expiresAt', expiresInDays: 'expiresInDays' };
  const hasAt = req.expiresAt != null;
  const hasDays = req.expiresInDays != null;
  if (hasAt && hasDays) return { field: 'expiresInDays', error: `Give ${atName} or ${daysName}, not both.` };
  const maxDays = maxTokenDays ?? MAX_EXPIRY_DAYS;
  if (hasDays) {
    const days = req.expiresInDays!;
    if (!Number.isInteger(days) || days < 1 || days > maxDays) {
      return { field: 'expiresInDays', error: `${daysName} must be a whole number of days from 1 to ${maxDays}, got ${days}.` };
    }
    return { expiresAt: new Date(now.getTime() + days * DAY_MS) };
  }
  if (hasAt) {
    const at = req.expiresAt!;
    if (Number.isNaN(at.getTime())) return { field: 'expiresAt', error: `${atName} is not a valid instant.` };
    if (at.getTime() <= now.getTime()) return { field: 'expiresAt', error: `${atName} (${at.toISOString()}) is in the past; a token must expire in the future.` };
    if (maxTokenDays !== undefined && at.getTime() > now.getTime() + maxTokenDays * DAY_MS) {
      return { field: 'expiresAt', error: `${atName} (${at.toISOString()}) is more than ${maxTokenDays} days away, the longest this gateway allows (auth.maxTokenDays).` };
    }
    return { expiresAt: at };
  }
  if (maxTokenDays !== undefined) {
    return { field: 'expiresInDays', error: `This gateway requires tokens to expire within ${maxTokenDays} days (auth.maxTokenDays): give ${atName === daysName ? daysName : `${daysName} or ${atName}`}.` };
  }
  return { expiresAt: null };
}

/** The problem with a grant naming clusters the gateway does not front, or null. */
export function unknownClustersProblem(grant: Grant, knownClusters: readonly string[]): string | null {
  const unknown = (grant.clusters ?? []).filter((c) => !knownClusters.includes(c));
  if (unknown.length === 0) return null;
  const names = unknown.map((c) => `"${c}"`).join(', ');
  return `Grant ${formatGrant(grant)} names ${unknown.length === 1 ? 'a cluster' : 'clusters'} this gateway does not front: ${names} (known: ${knownClusters.join(', ')}).`;
}

/** Whether a token is past its expiry, or (with `maxTokenDays` lowered since it was made) older than allowed. */
export function isExpired(token: { createdAt: Date; expiresAt: Date | null }, now: Date, maxTokenDays?: number): boolean {
  if (token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime()) return true;
  return maxTokenDays !== undefined && token.createdAt.getTime() + maxTokenDays * DAY_MS <= now.getTime();
}
