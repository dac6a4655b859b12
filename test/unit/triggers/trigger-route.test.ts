// POST /triggers/<id> on an in-process gateway with an embedded database and a cluster that
// cannot be reached (what is checked here happens before, or instead of, an engine call):
// refused credentials count against the client address's budget (429 past it, with no more
// records), bodies are size-limited, a creator whose stored grants no longer allow the change
// is refused by the field guard (403, audited as the creator), an engine or a database that
// does not answer is a 503 for the caller to retry, and a gateway without a database has no triggers.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import supertest from 'supertest';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { parseConfig } from '../../../src/config/config.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { TriggerStore } from '../../../src/triggers/trigger-store.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';

const FAILURES_ALLOWED = 3;
const config = () =>
  parseConfig({
    clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }],
    logLevel: 'silent',
    engine: { timeoutMs: 500 },
    limits: { authFailuresPerAddress: FAILURES_ALLOWED },
  });

describe('POST /triggers/<id>', () => {
  let db: AuditDb;
  let gw: TestGateway;
  let tmp: string;
  let store: TriggerStore;
  const post = (id: string, secret: string, body?: string) => {
    const req = supertest(gw.gateway.app).post(`/triggers/${id}`).set('authorization', `Bearer ${secret}`);
    return body === undefined ? req.send() : req.set('content-type', 'application/json').send(body);
  };
  const make = (grants: string[]) =>
    store.create({ cluster: 'nowhere', serviceId: 'svc-1', serviceName: 'api', action: 'REDEPLOY', createdBy: 'oidc:alice', creatorKind: 'oidc', grants: grants.map(parseGrant) });

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-trigger-route-'));
    db = await openAuditDb('pglite', 'trigger-route');
    const writer = new DbAuditWriter({ database: db.database, logger: pino({ level: 'silent' }), spoolPath: path.join(tmp, 'spool.ndjson') });
    await writer.init();
    gw = await startGateway(config(), { database: db.database, audit: writer });
    store = new TriggerStore(db.database);
  });
  after(async () => {
    await gw?.stop();
    await db?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('a creator whose stored grants no longer allow serviceUpdate is refused by the field guard: 403 FORBIDDEN, denied as the creator', async () => {
    const { row, secret } = await make(['viewer@nowhere']);
    const seen = (await db.records()).length;
    const res = await post(row.id, secret);
    assert.equal(res.status, 403, res.text);
    assert.equal(res.body.errors[0].extensions.code, 'FORBIDDEN');
    const records = (await db.records()).slice(seen);
    assert.deepEqual(records.map((r) => [r.kind, r.operation, r.principal, r.userAgent]), [['denied', 'serviceUpdate', 'oidc:alice', `redeploy-trigger/${row.id}`]]);
    assert.equal((await store.find(row.id))?.lastFiredAt, null, 'not fired');
  });

  test('an engine that does not answer is a 503 (ENGINE_UNAVAILABLE): the caller may retry', async () => {
    const { row, secret } = await make(['deployer@nowhere']);
    const res = await post(row.id, secret);
    assert.equal(res.status, 503, res.text);
    assert.equal(res.body.errors[0].extensions.code, 'ENGINE_UNAVAILABLE');
  });

  test('a body over the limit is 413 and one that is not JSON is 400, in the envelope', async () => {
    const { row, secret } = await make(['deployer@nowhere']);
    const big = await post(row.id, secret, JSON.stringify({ tag: 'x'.repeat(10_000) }));
    assert.equal(big.status, 413);
    assert.equal(big.body.errors[0].extensions.code, 'BAD_REQUEST');
    const bad = await post(row.id, secret, '{"wait": ');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].extensions.code, 'BAD_REQUEST');
  });

  test(`refused secrets count per client address: past ${FAILURES_ALLOWED} the answer is 429 and no more auth_failed records are written`, async () => {
    const { row } = await make(['deployer@nowhere']);
    const seen = (await db.records()).length;
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES_ALLOWED + 2; i++) statuses.push((await post(row.id, 'wrong')).status);
    assert.deepEqual(statuses, [...Array(FAILURES_ALLOWED).fill(401), 429, 429]);
    const refusals = (await db.records()).slice(seen).filter((r) => r.kind === 'auth_failed' && r.operation === 'triggerFire');
    assert.equal(refusals.length, FAILURES_ALLOWED);
  });

  // Last: it stops the database.
  test('a database that does not answer is 503 AUTH_UNAVAILABLE with Retry-After, not a refusal', async () => {
    const { row, secret } = await make(['deployer@nowhere']);
    await db.stopDatabase();
    const res = await post(row.id, secret);
    assert.equal(res.status, 503, res.text);
    assert.equal(res.body.errors[0].extensions.code, 'AUTH_UNAVAILABLE');
    assert.ok(Number(res.get('retry-after')) > 0);
  });
});

describe('POST /triggers/<id> without a database', () => {
  test('is 503 AUDIT_UNAVAILABLE: triggers live in the database', async () => {
    const gw = await startGateway(config());
    try {
      const res = await supertest(gw.gateway.app).post('/triggers/AAAAAAAAAAAAAAAAAAAAAA').set('authorization', 'Bearer x').send();
      assert.equal(res.status, 503);
      assert.equal(res.body.errors[0].extensions.code, 'AUDIT_UNAVAILABLE');
    } finally {
      await gw.stop();
    }
  });
});
