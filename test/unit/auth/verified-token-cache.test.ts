// The verifier's cache of recently verified API tokens, against an in-memory table with a
// hand-driven clock: what it saves (no lookup within the cache time), and the three ways a
// token stops working despite it: revoked through this process (at once, even when the
// lookup was in flight), revoked elsewhere (within the cache time, counted from the lookup's
// start), expired (at its expiry). `auth.tokenCacheMs` sets the time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AuthenticationError } from '../../../src/auth/authentication-error.ts';
import { createApiTokenVerifier, generateToken, type ApiTokenRow } from '../../../src/auth/tokens/index.ts';
import { TOKEN_CACHE_MS } from '../../../src/auth/tokens/token-verifier.ts';
import { forgetToken } from '../../../src/auth/tokens/verified-token-cache.ts';
import { parseConfig } from '../../../src/config/config.ts';

const START = new Date('2026-12-02T12:00:00.000Z').getTime();

/** One token's row, its lookups counted; `hold()` keeps the next lookup unanswered until released. */
function tokenTable(over: Partial<ApiTokenRow> = {}) {
  const { token, prefix, hash } = generateToken();
  const row: ApiTokenRow = {
    id: '00000000-0000-4000-8000-00000000c0de',
    name: 'dashboard-bot',
    owner: 'cli',
    prefix,
    hash,
    grants: ['viewer'],
    createdAt: new Date(START - 3_600_000),
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
    createdBy: null,
    ...over,
  };
  let held: { release: () => void; answered: Promise<void> } | null = null;
  let holdNext = false;
  const table = {
    token,
    row,
    lookups: 0,
    /** The next lookup reads the row as it is now, then waits for the returned release(). */
    hold(): () => void {
      holdNext = true;
      return () => held?.release();
    },
  };
  const apiToken = {
    async findUnique({ where }: { where: { prefix: string } }) {
      table.lookups++;
      const found = where.prefix === row.prefix ? { ...row } : null;
      if (holdNext) {
        holdNext = false;
        let release!: () => void;
        const answered = new Promise<void>((r) => (release = r));
        held = { release, answered };
        await answered;
      }
      return found;
    },
    async updateMany() {
      return { count: 0 };
    },
  };
  return { table, database: { prisma: { apiToken } } as never };
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof AuthenticationError, String(err));
    return err.reason;
  }
  return 'accepted';
}

describe('verified-token cache', () => {
  test('within the cache time a token is verified from memory: one lookup for many requests', async () => {
    let clock = START;
    const { table, database } = tokenTable();
    const verifier = createApiTokenVerifier(database, { now: () => new Date(clock) });
    for (let i = 0; i < 50; i++) {
      assert.equal((await verifier.verify(table.token, undefined)).id, `token:${table.row.id}`);
      clock += 100;
    }
    assert.equal(table.lookups, 1);
    clock = START + TOKEN_CACHE_MS;
    await verifier.verify(table.token, undefined);
    assert.equal(table.lookups, 2, 'asked again once the entry is TOKEN_CACHE_MS old');
  });

  test('revoked through this process: refused at once, inside the cache time', async () => {
    const clock = START;
    const { table, database } = tokenTable();
    const verifier = createApiTokenVerifier(database, { now: () => new Date(clock) });
    await verifier.verify(table.token, undefined);
    table.row.revokedAt = new Date(clock);
    forgetToken(table.row.id);
    assert.equal(await reason(verifier.verify(table.token, undefined)), 'revoked_token');
  });

  test('a lookup in flight when the token is revoked here does not put it back in the cache', async () => {
    const clock = START;
    const { table, database } = tokenTable();
    const verifier = createApiTokenVerifier(database, { now: () => new Date(clock) });
    const release = table.hold();
    // The lookup reads the row before the revocation; its answer arrives after it.
    const inFlight = verifier.verify(table.token, undefined);
    await new Promise((r) => setImmediate(r));
    table.row.revokedAt = new Date(clock);
    forgetToken(table.row.id);
    release();
    assert.equal(await reason(inFlight), 'accepted', 'the request already under way goes through');
    assert.equal(await reason(verifier.verify(table.token, undefined)), 'revoked_token');
    assert.equal(table.lookups, 2);
  });

  test('revoked elsewhere (the CLI, another gateway): served until the cache time has passed since the lookup began, refused from then on', async () => {
    let clock = START;
    const { table, database } = tokenTable();
    const verifier = createApiTokenVerifier(database, { now: () => new Date(clock), cacheMs: 2_000 });
    const release = table.hold();
    const first = verifier.verify(table.token, undefined);
    await new Promise((r) => setImmediate(r));
    clock = START + 700; // a slow lookup: its answer comes 700 ms after it was asked
    release();
    await first;
    // Another process revokes it: no forgetToken here.
    table.row.revokedAt = new Date(clock);
    clock = START + 1_999;
    assert.equal(await reason(verifier.verify(table.token, undefined)), 'accepted');
    clock = START + 2_000;
    assert.equal(await reason(verifier.verify(table.token, undefined)), 'revoked_token');
  });

  test('an expired token is refused at its expiry, though still in the cache', async () => {
    let clock = START;
    const { table, database } = tokenTable({ expiresAt: new Date(START + 5_000) });
    const verifier = createApiTokenVerifier(database, { now: () => new Date(clock) });
    await verifier.verify(table.token, undefined);
    clock = START + 4_999;
    assert.equal(await reason(verifier.verify(table.token, undefined)), 'accepted');
    assert.equal(table.lookups, 1);
    clock = START + 5_000;
    assert.equal(await reason(verifier.verify(table.token, undefined)), 'expired_token');
  });

  test('cacheMs 0 asks the database on every request', async () => {
    const { table, database } = tokenTable();
    const verifier = createApiTokenVerifier(database, { now: () => new Date(START), cacheMs: 0 });
    for (let i = 0; i < 3; i++) await verifier.verify(table.token, undefined);
    assert.equal(table.lookups, 3);
  });

  test('auth.tokenCacheMs: unset by default (TOKEN_CACHE_MS applies), 0 to 5 minutes accepted, beyond refused', () => {
    const parse = (auth: Record<string, unknown>) => parseConfig({ clusters: [{ name: 'c', managers: [{ url: 'unix:///nonexistent.sock' }] }], auth });
    assert.equal(parse({}).auth.tokenCacheMs, undefined);
    assert.equal(parse({ tokenCacheMs: 0 }).auth.tokenCacheMs, 0);
    assert.equal(parse({ tokenCacheMs: 300_000 }).auth.tokenCacheMs, 300_000);
    for (const bad of [-1, 300_001, 1.5]) assert.throws(() => parse({ tokenCacheMs: bad }), /tokenCacheMs/, String(bad));
  });
});
