// API tokens in the gateway's database (table api_tokens). The store never sees a secret
// it could keep: `create` generates the token, stores its hash and hands the text back once.
// The database is read through its holder on every call, so a reopened database is used.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { Prisma, type ApiToken } from '../../generated/prisma/client.ts';
import { formatGrant, type Grant } from '../../grants/grant.ts';
import { generateToken, isTokenPrefix } from './token-format.ts';
import { REVOCATION_CHANNEL } from './revocation-channel.ts';
import { forgetToken } from './verified-token-cache.ts';

export type ApiTokenRow = ApiToken;

/** `last_used_at` is written at most this often per token, not on every request. */
export const TOUCH_INTERVAL_MS = 60_000;

export interface NewToken {
  name: string;
  /** The principal ID of the creator, or `cli`. */
  owner: string;
  grants: readonly Grant[];
  expiresAt: Date | null;
  /** The ID of the API token that creates it, when one does (revoking that one revokes this one). */
  createdBy?: string | null;
}

/** The ID of the API token behind a principal ID (`token:<id>`), or null for the CLI, OIDC and anonymous callers. */
export function tokenIdOfPrincipal(principalId: string): string | null {
  return principalId.startsWith('token:') ? principalId.slice('token:'.length) : null;
}

export class ApiTokenStore {
  constructor(
    private readonly database: Pick<Database, 'prisma'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a token; `token` is the only copy of the secret there will ever be. */
  async create(spec: NewToken): Promise<{ token: string; row: ApiTokenRow }> {
    // A prefix collision (1 in 2e14 per pair) only costs a retry.
    for (let attempt = 1; ; attempt++) {
      const { token, prefix, hash } = generateToken();
      try {
        const row = await this.database.prisma.apiToken.create({
          data: {
            id: randomUUID(),
            name: spec.name.trim(),
            owner: spec.owner,
            prefix,
            hash,
            grants: spec.grants.map(formatGrant),
            createdAt: this.now(),
            expiresAt: spec.expiresAt,
            createdBy: spec.createdBy ?? null,
          },
        });
        return { token, row: await this.revokedWithCreator(row) };
      } catch (err) {
        const duplicate = err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
        if (!duplicate || attempt >= 3) throw err;
      }
    }
  }

  /** Every token, oldest first; revoked ones only when asked. */
  list(opts: { includeRevoked: boolean }): Promise<ApiTokenRow[]> {
    return this.database.prisma.apiToken.findMany({
      where: opts.includeRevoked ? {} : { revokedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  findByPrefix(prefix: string): Promise<ApiTokenRow | null> {
    return this.database.prisma.apiToken.findUnique({ where: { prefix } });
  }

  /** A token by its ID (a UUID) or its prefix. */
  async find(ref: string): Promise<ApiTokenRow | null> {
    const id = ref.trim().toLowerCase();
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
      return this.database.prisma.apiToken.findUnique({ where: { id } });
    }
    const prefix = ref.trim().replace(/^sgw_/, '');
    return isTokenPrefix(prefix) ? this.findByPrefix(prefix) : null;
  }

  /** Revokes a token and every token it created, transitively (see revokeTree); null when it was revoked already. */
  async revoke(id: string, by: string): Promise<ApiTokenRow | null> {
    return (await this.revokeTree(id, by))?.row ?? null;
  }

  /**
   * Revokes a token, then every token it created, directly or through others, that is not
   * revoked yet (one recursive UPDATE, so a tree is never left half revoked). Null when the
   * token was revoked already (by this call's competitor, too); `descendants` are the rows
   * this call revoked with it, oldest first.
   */
  async revokeTree(id: string, by: string): Promise<{ row: ApiTokenRow; descendants: ApiTokenRow[] } | null> {
    const now = this.now();
    // One transaction, whose NOTIFY every gateway process on the database hears at its commit
    // (revocation-listener.ts): their caches forget these tokens too.
    const ids = await this.database.prisma.$transaction(async (tx) => {
      const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedBy: by } });
      if (count !== 1) return null;
      const revoked = await tx.$queryRaw<{ id: string }[]>`
        WITH RECURSIVE tree AS (
          SELECT t.id FROM api_tokens t WHERE t.created_by = ${id}::uuid
          UNION
          SELECT t.id FROM api_tokens t JOIN tree ON t.created_by = tree.id
        )
        UPDATE api_tokens SET revoked_at = ${now}, revoked_by = ${by}
        WHERE id IN (SELECT id FROM tree) AND revoked_at IS NULL
        RETURNING id`;
      const all = [id, ...revoked.map((r) => r.id)];
      await tx.$executeRaw`SELECT pg_notify(${REVOCATION_CHANNEL}, revoked) FROM unnest(${all}::text[]) AS revoked`;
      return all.slice(1);
    });
    // Verified tokens are cached for a while: a revocation here takes effect at once, without waiting for the NOTIFY.
    forgetToken(id);
    if (ids === null) return null;
    for (const descendant of ids) forgetToken(descendant);
    const [row, descendants] = await Promise.all([
      this.database.prisma.apiToken.findUniqueOrThrow({ where: { id } }),
      this.database.prisma.apiToken.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    ]);
    return { row, descendants };
  }

  /**
   * A token made while its creator was being revoked would escape the revocation (the
   * creator passed authentication just before): checked once the row exists, and revoked
   * like its creator if so.
   */
  private async revokedWithCreator(row: ApiTokenRow): Promise<ApiTokenRow> {
    if (!row.createdBy) return row;
    const creator = await this.database.prisma.apiToken.findUnique({ where: { id: row.createdBy } });
    if (!creator?.revokedAt) return row;
    return (await this.revoke(row.id, creator.revokedBy ?? 'cascade')) ?? row;
  }

  /** The expiry of the API token behind a principal (null: it never expires); undefined when the principal is not an API token. */
  async creatorExpiry(principalId: string): Promise<Date | null | undefined> {
    const id = tokenIdOfPrincipal(principalId);
    if (!id) return undefined;
    const row = await this.database.prisma.apiToken.findUnique({ where: { id } });
    return row ? row.expiresAt : undefined;
  }

  /**
   * Records a use of the token, unless one was recorded less than TOUCH_INTERVAL_MS ago: a
   * busy bot would otherwise cost a write per request. The condition is in the UPDATE too,
   * so concurrent requests write once.
   */
  async touch(row: Pick<ApiTokenRow, 'id' | 'lastUsedAt'>): Promise<boolean> {
    const now = this.now();
    const since = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    if (row.lastUsedAt && row.lastUsedAt.getTime() > since.getTime()) return false;
    const { count } = await this.database.prisma.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: since } }] },
      data: { lastUsedAt: now },
    });
    return count === 1;
  }
}
