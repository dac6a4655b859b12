// The API token verifier against an in-memory table: which failure each bad token gets
// (and that the token's state is told only to its holder), the principal a good one
// becomes, and last-use writes at most once a minute.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError } from '../../../src/auth/authentication-error.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { createApiTokenVerifier, generateToken, type ApiTokenRow } from '../../../src/auth/tokens/index.ts';
import { TOKEN_CACHE_MS } from '../../../src/auth/tokens/token-verifier.ts';
import { GatewayError } from '../../../src/errors/gateway-error.ts';

/** Just what the store uses of Prisma's apiToken delegate. */
function fakeDatabase(rows: ApiTokenRow[]) {
  const updates: { id: string; lastUsedAt: Date }[] = [];
  const apiToken = {
    async findUnique({ where }: { where: { prefix?: string; id?: string } }) {
      return rows.find((r) => (where.prefix !== undefined ? r.prefix === where.prefix : r.id === where.id)) ?? null;
    },
    async updateMany({ where, data }: { where: { id: string; OR: [unknown, { lastUsedAt: { lte: Date } }] }; data: { lastUsedAt: Date } }) {
      const row = rows.find((r) => r.id === where.id);
      const since = where.OR[1].lastUsedAt.lte;
      if (!row || (row.lastUsedAt !== null && row.lastUsedAt > since)) return { count: 0 };
      row.lastUsedAt = data.lastUsedAt;
      updates.push({ id: row.id, lastUsedAt: data.lastUsedAt });
      return { count: 1 };
    },
  };
  return { database: { prisma: { apiToken } } as never, updates };
}

let clock = new Date('2026-11-22T12:00:00.000Z');
const now = () => clock;
/** Lets the last-use write, which the verifier does not wait for, finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function tokenRow(over: Partial<ApiTokenRow> = {}): { token: string; row: ApiTokenRow } {
  const { token, prefix, hash } = generateToken();
  return {
    token,
    row: {
      id: `00000000-0000-4000-8000-${prefix.toLowerCase().replace(/[^0-9a-f]/g, '0').padEnd(12, '0').slice(0, 12)}`,
      name: 'chatops-bot',
      owner: 'cli',
      prefix,
      hash,
      grants: ['operator:team=payments', 'viewer@prod'],
      createdAt: new Date(clock.getTime() - 3_600_000),
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      revokedBy: null,
      createdBy: null,
      ...over,
    },
  };
}

async function refusal(promise: Promise<unknown>): Promise<AuthenticationError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AuthenticationError, String(err));
    return err;
  }
  assert.fail('the token was accepted');
}

describe('API token verifier', () => {
  test('a valid token becomes the token principal with its grants', async () => {
    const { token, row } = tokenRow();
    const { database } = fakeDatabase([row]);
    const principal = await createApiTokenVerifier(database, { now }).verify(token, '198.18.0.7');
    assert.deepEqual(principal, {
      id: `token:${row.id}`,
      kind: 'token',
      name: 'chatops-bot',
      grants: [parseGrant('operator:team=payments'), parseGrant('viewer@prod')],
      clientAddress: '198.18.0.7',
    });
  });

  test('malformed, unknown prefix and wrong secret are all unknown_token', async () => {
    const { token, row } = tokenRow();
    const { database } = fakeDatabase([row]);
    const verifier = createApiTokenVerifier(database, { now });
    const malformed = await refusal(verifier.verify('sgw_short', undefined));
    assert.equal(malformed.reason, 'unknown_token');
    assert.deepEqual(malformed.hints, {});
    const other = generateToken().token;
    const unknown = await refusal(verifier.verify(other, undefined));
    assert.equal(unknown.reason, 'unknown_token');
    assert.deepEqual(unknown.hints, { tokenPrefix: other.slice(4, 12) });
    // The right prefix with another secret: the same answer as an unknown token.
    const forged = `${token.slice(0, 13)}${generateToken().token.slice(13)}`;
    const wrong = await refusal(verifier.verify(forged, undefined));
    assert.equal(wrong.reason, 'unknown_token');
    assert.deepEqual(wrong.hints, { tokenPrefix: row.prefix });
  });

  test('revoked and expired tokens are refused as such, but only with the right secret', async () => {
    const revoked = tokenRow({ revokedAt: new Date(clock.getTime() - 1000), revokedBy: 'cli' });
    const expired = tokenRow({ expiresAt: new Date(clock.getTime() - 1000) });
    const { database } = fakeDatabase([revoked.row, expired.row]);
    const verifier = createApiTokenVerifier(database, { now });
    const r = await refusal(verifier.verify(revoked.token, undefined));
    assert.equal(r.reason, 'revoked_token');
    assert.deepEqual(r.hints, { tokenPrefix: revoked.row.prefix });
    const e = await refusal(verifier.verify(expired.token, undefined));
    assert.equal(e.reason, 'expired_token');
    const guessed = `${revoked.token.slice(0, 13)}${generateToken().token.slice(13)}`;
    assert.equal((await refusal(verifier.verify(guessed, undefined))).reason, 'unknown_token');
  });

  test('auth.maxTokenDays also expires tokens made longer ago (before the limit was lowered)', async () => {
    const old = tokenRow({ createdAt: new Date(clock.getTime() - 31 * 86_400_000) });
    const { database } = fakeDatabase([old.row]);
    assert.ok(await createApiTokenVerifier(database, { now }).verify(old.token, undefined));
    const e = await refusal(createApiTokenVerifier(database, { now, maxTokenDays: 30 }).verify(old.token, undefined));
    assert.equal(e.reason, 'expired_token');
  });

  test('last use is written on first use and then at most once a minute', async () => {
    const { token, row } = tokenRow();
    const { database, updates } = fakeDatabase([row]);
    const verifier = createApiTokenVerifier(database, { now });
    const start = clock;
    await verifier.verify(token, undefined);
    await settle();
    assert.deepEqual(updates, [{ id: row.id, lastUsedAt: start }]);
    clock = new Date(start.getTime() + 59_000);
    await verifier.verify(token, undefined);
    await verifier.verify(token, undefined);
    await settle();
    assert.equal(updates.length, 1);
    clock = new Date(start.getTime() + 60_000);
    await verifier.verify(token, undefined);
    await settle();
    assert.equal(updates.length, 2);
    assert.equal(row.lastUsedAt?.getTime(), start.getTime() + 60_000);
  });

  test('a failing last-use write does not refuse the request', async () => {
    const { token, row } = tokenRow();
    const { database } = fakeDatabase([row]);
    (database as { prisma: { apiToken: { updateMany: unknown } } }).prisma.apiToken.updateMany = async () => {
      throw new Error('database gone');
    };
    const seen: string[] = [];
    const principal = await createApiTokenVerifier(database, { now, onTouchError: (err, id) => seen.push(`${id}: ${(err as Error).message}`) }).verify(token, undefined);
    assert.equal(principal.id, `token:${row.id}`);
    await settle();
    assert.deepEqual(seen, [`${row.id}: database gone`]);
  });
  test('a token verified less than the cache time ago needs no database; after it, a revocation is honoured', async () => {
    const { token, row } = tokenRow();
    const { database } = fakeDatabase([row]);
    const verifier = createApiTokenVerifier(database, { now });
    const start = clock;
    await verifier.verify(token, undefined);
    const apiToken = (database as { prisma: { apiToken: Record<string, unknown> } }).prisma.apiToken;
    const findUnique = apiToken.findUnique;
    apiToken.findUnique = async () => {
      throw new Error('database gone');
    };
    clock = new Date(start.getTime() + TOKEN_CACHE_MS - 1);
    assert.equal((await verifier.verify(token, undefined)).id, `token:${row.id}`);
    apiToken.findUnique = findUnique;
    row.revokedAt = new Date(start.getTime() + 1000);
    clock = new Date(start.getTime() + TOKEN_CACHE_MS);
    await assert.rejects(verifier.verify(token, undefined), (err: unknown) => err instanceof AuthenticationError && err.reason === 'revoked_token');
    await settle();
  });

  test('a failing or hung token lookup is AUTH_UNAVAILABLE, not an error of its own or a hang', async () => {
    const failing = tokenRow();
    const broken = fakeDatabase([failing.row]);
    (broken.database as { prisma: { apiToken: Record<string, unknown> } }).prisma.apiToken.findUnique = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    };
    await assert.rejects(createApiTokenVerifier(broken.database, { now }).verify(failing.token, undefined), (err: unknown) => {
      assert.ok(err instanceof GatewayError);
      assert.equal(err.code, 'AUTH_UNAVAILABLE');
      assert.doesNotMatch(err.message, /ECONNREFUSED|5432/);
      return true;
    });
    const hung = fakeDatabase([failing.row]);
    (hung.database as { prisma: { apiToken: Record<string, unknown> } }).prisma.apiToken.findUnique = () => new Promise(() => {});
    await assert.rejects(createApiTokenVerifier(hung.database, { now, lookupTimeoutMs: 20 }).verify(failing.token, undefined), (err: unknown) => err instanceof GatewayError && err.code === 'AUTH_UNAVAILABLE');
  });
});
