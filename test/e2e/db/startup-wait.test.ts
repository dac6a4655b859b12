// A gateway started before its PostgreSQL (a stack's `db` service still starting) waits for it
// (database.startupWaitSeconds) instead of exiting at once: started with the server stopped, it
// logs its waits, and once the server is started it migrates the empty database, answers
// /healthz and audits a mutation. When the server never comes, it exits non-zero with a message
// naming the bound. A real PostgreSQL (scripts/postgres.sh); no engine is needed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../../../src/config/config.ts';
import { createDatabase } from '../../../src/db/client.ts';
import { spawnGateway } from '../../support/gateway-process.ts';
import { postgresUp, type PostgresCluster } from '../../support/postgres.ts';

const CONFIG = parseConfig({ clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/nowhere.sock' }] }], engine: { timeoutMs: 500 } });
const WAITING = /waiting for the audit database/;

describe('a gateway started before its PostgreSQL', () => {
  let pg: PostgresCluster;
  let tmp: string;

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-startwait-'));
    pg = await postgresUp('startwait');
    // Files kept, server down, nothing migrated yet: what a gateway meets before `db` is up.
    await pg.pause();
  });
  after(async () => {
    await pg?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('when the server never comes, it exits non-zero once database.startupWaitSeconds has passed, saying so', async () => {
    const waits: Record<string, unknown>[] = [];
    const env = { DATABASE_URL: pg.url, GATEWAY_DATA_DIR: path.join(tmp, 'never'), DATABASE_STARTUP_WAIT_SECONDS: '4' };
    await assert.rejects(
      spawnGateway(CONFIG, env, { startTimeoutMs: 120_000, onLog: (l) => WAITING.test(String(l.msg)) && waits.push(l) }),
      (err: Error) => {
        assert.match(err.message, /gateway process exited \(1\) before logging/);
        assert.match(err.message, /failed to start: the audit database did not become reachable within 4 s \(database\.startupWaitSeconds, DATABASE_STARTUP_WAIT_SECONDS\): connection refused/);
        return true;
      },
    );
    assert.ok(waits.length >= 2, `it waited before giving up: ${JSON.stringify(waits)}`);
    for (const w of waits) {
      assert.equal(w.level, 40);
      assert.match(String(w.reason), /connection refused \(ECONNREFUSED\)/);
    }
  });

  test('when the server starts a few seconds later, it serves /healthz and audits a mutation', async () => {
    let sawWait!: () => void;
    const waited = new Promise<void>((resolve) => (sawWait = resolve));
    const waits: Record<string, unknown>[] = [];
    const env = { DATABASE_URL: pg.url, GATEWAY_DATA_DIR: path.join(tmp, 'later'), DATABASE_STARTUP_WAIT_SECONDS: '120' };
    const starting = spawnGateway(CONFIG, env, {
      startTimeoutMs: 240_000,
      onLog: (l) => {
        if (!WAITING.test(String(l.msg))) return;
        waits.push(l);
        if (waits.length === 3) sawWait();
      },
    });
    // Started only once the gateway has waited three times: it is the one that waits, not the server that was early.
    await Promise.race([waited, starting.then(() => assert.fail('the gateway listened before its database was started'))]);
    await pg.start();
    const gateway = await starting;
    try {
      const health = await fetch(`http://127.0.0.1:${gateway.port}/healthz`);
      assert.equal(health.status, 200);
      const res = await gateway.gql('mutation { apiTokenCreate(input: { name: "after-the-wait", grants: [{ role: VIEWER }] }) { apiToken { id name } userErrors { code } } }');
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(res.data.apiTokenCreate.userErrors, []);
      const db = await createDatabase({ url: pg.url, dataDir: path.join(tmp, 'unused') });
      try {
        const audited = await db.prisma.auditRecord.findMany({ where: { operation: 'apiTokenCreate' }, orderBy: { seq: 'asc' }, select: { kind: true, target: true, outcome: true, objectIds: true } });
        assert.equal(audited.length, 2, JSON.stringify(audited));
        assert.deepEqual(audited.map((r) => [r.kind, r.target]), [['intent', 'after-the-wait'], ['outcome', 'after-the-wait']]);
        assert.equal(audited[1]!.outcome, 'succeeded');
        const row = await db.prisma.apiToken.findFirstOrThrow({ where: { name: 'after-the-wait' } });
        assert.ok(audited[1]!.objectIds.includes(row.id), `${row.id} in ${JSON.stringify(audited[1]!.objectIds)}`);
      } finally {
        await db.close();
      }
    } finally {
      assert.equal(await gateway.stop(), 0);
    }
  });
});
