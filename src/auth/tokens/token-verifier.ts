// Authenticates a request's API token: finds the row by the token's prefix, compares the
// SHA-256 of the presented token with the stored one in constant time, then refuses a
// revoked or expired token. Which of these failed is told only once the hash matched, so
// knowing a prefix (it is visible) reveals nothing about the token's state.
//
// The database may be down or hung: a lookup that does not answer within
// TOKEN_LOOKUP_TIMEOUT_MS, or fails, is AUTH_UNAVAILABLE (a 503), never a hang or a 500. A
// token verified less than TOKEN_CACHE_MS (`auth.tokenCacheMs`) ago is served from memory
// without the database, so a request costs no lookup and reads go on through an outage.
// That is also the bound on how long a revocation made by another process (the token CLI,
// another gateway) takes to be honoured; one made through this process is honoured at once
// (token-store.ts forgets the token in every cache), and an expired token is never served
// from the cache past its expiry (the expiry is checked on every use).
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { withDeadline } from '../../util/deadline.ts';
import { AuthenticationError } from '../authentication-error.ts';
import type { CredentialVerifier } from '../authenticate.ts';
import { parseGrant, type Grant } from '../../grants/grant.ts';
import type { Principal } from '../principal.ts';
import { hashToken, parseToken } from './token-format.ts';
import { isExpired } from './token-request.ts';
import { ApiTokenStore, TOUCH_INTERVAL_MS, type ApiTokenRow } from './token-store.ts';
import { VerifiedTokenCache } from './verified-token-cache.ts';

/** How long a token lookup may take before the request is answered AUTH_UNAVAILABLE. */
export const TOKEN_LOOKUP_TIMEOUT_MS = 2_000;
/** How long a verified token is trusted without asking the database again (the revocation bound); the default of `auth.tokenCacheMs`. */
export const TOKEN_CACHE_MS = 30_000;

export interface ApiTokenVerifierOptions {
  /** `auth.maxTokenDays`: also refuses tokens older than this (made before it was lowered). */
  maxTokenDays?: number | undefined;
  now?: () => Date;
  /** Called when recording the last use fails; the request goes on. */
  onTouchError?: (err: unknown, tokenId: string) => void;
  /** Overrides TOKEN_LOOKUP_TIMEOUT_MS (tests). */
  lookupTimeoutMs?: number;
  /** `auth.tokenCacheMs`: overrides TOKEN_CACHE_MS (0 turns the cache off). */
  cacheMs?: number | undefined;
}

export function createApiTokenVerifier(database: Pick<Database, 'prisma'>, options: ApiTokenVerifierOptions = {}): CredentialVerifier {
  const now = options.now ?? (() => new Date());
  const store = new ApiTokenStore(database, now);
  const cache = new VerifiedTokenCache(options.cacheMs ?? TOKEN_CACHE_MS, () => now().getTime());
  const lookupTimeoutMs = options.lookupTimeoutMs ?? TOKEN_LOOKUP_TIMEOUT_MS;
  return {
    async verify(credential, clientAddress): Promise<Principal> {
      const parsed = parseToken(credential);
      if (!parsed) throw new AuthenticationError('unknown_token', 'this is not a valid API token (sgw_<prefix>_<secret>)');
      const hints = { tokenPrefix: parsed.prefix };
      const hash = hashToken(credential);
      const principalOf = (row: ApiTokenRow): Principal => ({ id: `token:${row.id}`, kind: 'token', name: row.name, grants: tokenGrants(row), clientAddress });
      const recordUse = (row: ApiTokenRow): void => {
        // Not awaited: recording the last use must not hold the request up (the database may be
        // slow or down). The cached row remembers the attempt, so it is made once a minute at most.
        void store.touch(row).catch((err: unknown) => options.onTouchError?.(err, row.id));
        row.lastUsedAt = row.lastUsedAt && now().getTime() - row.lastUsedAt.getTime() < TOUCH_INTERVAL_MS ? row.lastUsedAt : now();
      };
      const cached = cache.get(hash);
      if (cached && !isExpired(cached, now(), options.maxTokenDays)) {
        recordUse(cached);
        return principalOf(cached);
      }
      const mark = cache.mark();
      const row = await bounded(store.findByPrefix(parsed.prefix), lookupTimeoutMs);
      if (!row || !sameHash(row.hash, hash)) throw new AuthenticationError('unknown_token', 'this API token is not known to the gateway', hints);
      if (row.revokedAt) throw new AuthenticationError('revoked_token', `API token ${row.prefix} was revoked`, hints);
      if (isExpired(row, now(), options.maxTokenDays)) throw new AuthenticationError('expired_token', `API token ${row.prefix} has expired`, hints);
      cache.set(hash, row, mark);
      recordUse(row);
      return principalOf(row);
    },
  };
}

/** The lookup's answer, or AUTH_UNAVAILABLE when the database fails or does not answer in time. */
function bounded<T>(lookup: Promise<T>, timeoutMs: number): Promise<T> {
  const answered = lookup.catch(() => {
    throw new GatewayError('AUTH_UNAVAILABLE', "the API token could not be verified: the gateway's database is unavailable; retry shortly");
  });
  return withDeadline(
    answered,
    timeoutMs,
    () => new GatewayError('AUTH_UNAVAILABLE', `the API token could not be verified: the gateway's database did not answer within ${timeoutMs} ms; retry shortly`),
  );
}

/** The stored grants, parsed; one that no longer parses is dropped (it grants nothing). */
export function tokenGrants(row: Pick<ApiTokenRow, 'grants'>): Grant[] {
  const grants: Grant[] = [];
  for (const text of row.grants) {
    try {
      grants.push(parseGrant(text));
    } catch {
      // Unreachable for rows this gateway wrote; a hand-edited row loses the grant, not more.
    }
  }
  return grants;
}

function sameHash(storedHex: string, presentedHex: string): boolean {
  const a = Buffer.from(storedHex, 'hex');
  const b = Buffer.from(presentedHex, 'hex');
  return a.length === 32 && b.length === 32 && timingSafeEqual(a, b);
}
