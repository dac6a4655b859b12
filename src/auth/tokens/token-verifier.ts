// Authenticates a request's API token: finds the row by the token's prefix, compares the
// SHA-256 of the presented token with the stored one in constant time, then refuses a
// revoked or expired token. Which of these failed is told only once the hash matched, so
// knowing a prefix (it is visible) reveals nothing about the token's state.
import { timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { AuthenticationError } from '../authentication-error.ts';
import type { CredentialVerifier } from '../authenticate.ts';
import { parseGrant, type Grant } from '../grant.ts';
import type { Principal } from '../principal.ts';
import { hashToken, parseToken } from './token-format.ts';
import { isExpired } from './token-request.ts';
import { ApiTokenStore, type ApiTokenRow } from './token-store.ts';

export interface ApiTokenVerifierOptions {
  /** `auth.maxTokenDays`: also refuses tokens older than this (made before it was lowered). */
  maxTokenDays?: number | undefined;
  now?: () => Date;
  /** Called when recording the last use fails; the request goes on. */
  onTouchError?: (err: unknown, tokenId: string) => void;
}

export function createApiTokenVerifier(database: Pick<Database, 'prisma'>, options: ApiTokenVerifierOptions = {}): CredentialVerifier {
  const now = options.now ?? (() => new Date());
  const store = new ApiTokenStore(database, now);
  return {
    async verify(credential, clientAddress): Promise<Principal> {
      const parsed = parseToken(credential);
      if (!parsed) throw new AuthenticationError('unknown_token', 'this is not a valid API token (sgw_<prefix>_<secret>)');
      const hints = { tokenPrefix: parsed.prefix };
      const row = await store.findByPrefix(parsed.prefix);
      if (!row || !sameHash(row.hash, hashToken(credential))) throw new AuthenticationError('unknown_token', 'this API token is not known to the gateway', hints);
      if (row.revokedAt) throw new AuthenticationError('revoked_token', `API token ${row.prefix} was revoked`, hints);
      if (isExpired(row, now(), options.maxTokenDays)) throw new AuthenticationError('expired_token', `API token ${row.prefix} has expired`, hints);
      await store.touch(row).catch((err: unknown) => options.onTouchError?.(err, row.id));
      return { id: `token:${row.id}`, kind: 'token', name: row.name, grants: tokenGrants(row), clientAddress };
    },
  };
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
