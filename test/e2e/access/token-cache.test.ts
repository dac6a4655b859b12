// The verified-token cache honours revocation within its bound, on a real PostgreSQL and on
// PGlite, with a short `auth.tokenCacheMs` (3 s): a token revoked by `npm run token:revoke`
// (another process, which cannot reach this gateway's cache) or by a change to its row behind
// the gateway's back stops working no later than the cache time after the request that last
// verified it began; one revoked through the gateway (apiTokenRevoke) stops at once; one that
// expires stops at its expiry. The checks are on when requests were sent: the entry is no
// younger than the answer to the request that made it, so no request sent a cache time after
// that answer may be let through, however slow the machine.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pino from 'pino';
import supertest from 'supertest';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { createApiTokenVerifier } from '../../../src/auth/tokens/index.ts';
import { parseConfig } from '../../../src/config/config.ts';
import { currentDatabaseOf, forEachBackend } from '../../support/audit-backends.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';

const CACHE_MS = 3_000;
const RAW_CONFIG = {
  clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/nowhere.sock' }] }],
  logLevel: 'silent',
  engine: { timeoutMs: 500 },
  auth: { tokenCacheMs: CACHE_MS },
};
const WHOAMI = '{ whoami { id } }';
const CREATE = `mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) {
  token apiToken { id prefix expiresAt } userErrors { field code message } } }`;
const REVOKE = 'mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { apiToken { revokedAt } userErrors { code message } } }';

/** One request's answer, when it was sent and when it was answered. */
interface Try {
  sentAt: number;
  doneAt: number;
  status: number;
  reason: string | undefined;
}

forEachBackend('token cache', (b) => {
  let gw: TestGateway;
  let tmp: string;
  const savedConfigEnv = process.env.GATEWAY_CONFIG;
  /** The backend's current database (PGlite is reopened around each CLI run). */
  const holder = currentDatabaseOf(b);

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-token-cache-'));
    writeFileSync(path.join(tmp, 'config.json'), JSON.stringify(RAW_CONFIG));
    process.env.GATEWAY_CONFIG = path.join(tmp, 'config.json');
    const writer = new DbAuditWriter({ database: holder, logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await writer.init();
    const config = parseConfig(RAW_CONFIG);
    // As the gateway's start builds it: the cache time from auth.tokenCacheMs.
    gw = await startGateway(config, { database: holder, audit: writer, apiTokens: createApiTokenVerifier(holder, { cacheMs: config.auth.tokenCacheMs }) });
  });

  after(async () => {
    await gw?.stop();
    if (savedConfigEnv === undefined) delete process.env.GATEWAY_CONFIG;
    else process.env.GATEWAY_CONFIG = savedConfigEnv;
    rmSync(tmp, { recursive: true, force: true });
  });

  const whoami = async (token: string): Promise<Try> => {
    const sentAt = Date.now();
    const res = await supertest(gw.gateway.app).post('/graphql').set('authorization', `Bearer ${token}`).send({ query: WHOAMI });
    return { sentAt, doneAt: Date.now(), status: res.status, reason: res.body.errors?.[0]?.extensions?.reason };
  };

  const create = async (name: string, expiresAt?: Date) => {
    const res = await gw.gql(CREATE, { input: { name, grants: [{ role: 'VIEWER' }], ...(expiresAt ? { expiresAt: expiresAt.toISOString() } : {}) } });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const out = res.data.apiTokenCreate;
    assert.deepEqual(out.userErrors, []);
    return { token: out.token as string, id: out.apiToken.id as string, prefix: out.apiToken.prefix as string, expiresAt: out.apiToken.expiresAt as string | null };
  };

  /** Asks every 100 ms until refused (or `limitMs` after `since`); every answer, in order. */
  const untilRefused = async (token: string, since: number, limitMs: number): Promise<Try[]> => {
    const tries: Try[] = [];
    for (;;) {
      const t = await whoami(token);
      tries.push(t);
      if (t.status !== 200 || Date.now() > since + limitMs) return tries;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  /** No request sent at or after `deadline` was let through, and the last one was refused for `reason`. */
  const refusedBy = (tries: Try[], deadline: number, reason: string) => {
    const late = tries.filter((t) => t.status === 200 && t.sentAt >= deadline);
    assert.deepEqual(late.map((t) => t.sentAt - deadline), [], 'requests sent after the bound were let through (ms after it)');
    const last = tries.at(-1)!;
    assert.equal(last.status, 401, `still accepted ${Date.now() - deadline} ms after the bound`);
    assert.equal(last.reason, reason);
  };

  test('revoked by a change to its row behind the gateway: served from the cache for a while, refused within auth.tokenCacheMs', async () => {
    const bot = await create('row-revoked');
    const warm = await whoami(bot.token);
    assert.equal(warm.status, 200);
    await b.sql("UPDATE api_tokens SET revoked_at = now(), revoked_by = 'elsewhere' WHERE id = $1", [bot.id]);
    const tries = await untilRefused(bot.token, warm.doneAt, CACHE_MS + 5_000);
    // The cache is what let it through after the revocation (the database says revoked).
    assert.equal(tries[0]!.status, 200, 'the first request after the revocation is answered from the cache');
    refusedBy(tries, warm.doneAt + CACHE_MS, 'revoked_token');
  });

  test('revoked by `npm run token:revoke` (another process): refused within auth.tokenCacheMs of its last verification', async () => {
    const bot = await create('cli-revoked');
    const warm = await whoami(bot.token);
    assert.equal(warm.status, 200);
    const r = await b.npm('token:revoke', [bot.prefix]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`revoked ${bot.id}\\t${bot.prefix}\\t"cli-revoked"`));
    const tries = await untilRefused(bot.token, warm.doneAt, CACHE_MS + 5_000);
    refusedBy(tries, warm.doneAt + CACHE_MS, 'revoked_token');
  });

  test('revoked through the gateway (apiTokenRevoke): refused at once, though just verified', async () => {
    const bot = await create('gateway-revoked');
    assert.equal((await whoami(bot.token)).status, 200);
    assert.equal((await whoami(bot.token)).status, 200);
    const res = await gw.gql(REVOKE, { id: bot.id });
    assert.deepEqual(res.data.apiTokenRevoke.userErrors, []);
    const next = await whoami(bot.token);
    assert.deepEqual([next.status, next.reason], [401, 'revoked_token']);
  });

  test('an expired token is not served from the cache past its expiry', async () => {
    const bot = await create('short-lived', new Date(Date.now() + 2_000));
    const expiresAt = Date.parse(bot.expiresAt!);
    const warm = await whoami(bot.token);
    assert.equal(warm.status, 200);
    // Expiry comes before the cache time is up: the cache must not outlast it.
    assert.ok(expiresAt < warm.sentAt + CACHE_MS);
    const tries = await untilRefused(bot.token, warm.doneAt, CACHE_MS + 5_000);
    refusedBy(tries, expiresAt, 'expired_token');
  });
});
