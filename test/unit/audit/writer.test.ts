// DbAuditWriter over an embedded PGlite database (no engine): records and their fields,
// redaction, one chain under concurrent appends, fail-closed intents and sensitive reads,
// outcomes spooled while the database is stopped and written in order when it is back,
// and reconciliation of an abandoned intent with a scripted engine.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import { findOpenIntents, reconcileOpen } from '../../../src/audit/open-intents.ts';
import type { AuditIntent } from '../../../src/audit/audit-writer.ts';
import type { EngineStateReader } from '../../../src/audit/reconcile.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

const logger = pino({ level: 'silent' });
const intentOf = (operation: string, target: string, input: unknown): AuditIntent => ({
  requestId: `req-${operation}`,
  principal: { id: 'anonymous', clientAddress: '127.0.0.9' },
  cluster: 'prod',
  operation,
  target,
  input,
  userAgent: 'unit-test',
});

describe('DbAuditWriter (PGlite)', () => {
  let db: AuditDb;
  let writer: DbAuditWriter;
  let spoolPath: string;

  before(async () => {
    db = await openAuditDb('pglite', 'writer-unit');
    spoolPath = path.join(db.dataDir, 'spool.ndjson');
    writer = new DbAuditWriter({ database: db.database, logger, spoolPath, writeTimeoutMs: 5_000 });
    await writer.init();
  });
  after(async () => {
    await db?.close();
  });

  test('an intent and its outcome are two chained records with the intent fields, redacted input and an integer duration', async () => {
    const id = await writer.intent(intentOf('serviceCreate', 'web', { name: 'web', env: ['DB_PASSWORD=hunter2', 'MODE=prod'], note: 'SWMTKN-1-abc-def' }));
    await writer.outcome(id, { status: 'succeeded', objectIds: ['svc1'], durationMs: 12.7 });
    const [intent, outcome] = await db.records();
    assert.equal(intent!.id, id);
    assert.equal(intent!.kind, 'intent');
    assert.deepEqual(
      { requestId: intent!.requestId, principal: intent!.principal, clientAddress: intent!.clientAddress, userAgent: intent!.userAgent, cluster: intent!.cluster, operation: intent!.operation, target: intent!.target },
      { requestId: 'req-serviceCreate', principal: 'anonymous', clientAddress: '127.0.0.9', userAgent: 'unit-test', cluster: 'prod', operation: 'serviceCreate', target: 'web' },
    );
    assert.deepEqual(intent!.input, { name: 'web', env: ['DB_PASSWORD=[redacted]', 'MODE=prod'], note: '[redacted]' });
    assert.equal(outcome!.kind, 'outcome');
    assert.equal(outcome!.intentId, id);
    assert.equal(outcome!.outcome, 'succeeded');
    assert.deepEqual(outcome!.objectIds, ['svc1']);
    assert.equal(outcome!.durationMs, 13);
    assert.equal(outcome!.prevHash, intent!.hash);
    assert.equal((await verifyChain(await db.records())).ok, true);
  });

  test('configured secret name patterns replace the defaults', async () => {
    const custom = new DbAuditWriter({ database: db.database, logger, spoolPath, secretNamePatterns: [/^PIN$/i] });
    await custom.init();
    const id = await custom.intent(intentOf('serviceCreate', 'pin', { env: ['PIN=1234', 'DB_PASSWORD=visible-by-config'] }));
    const rec = (await db.records()).find((r) => r.id === id)!;
    assert.deepEqual(rec.input, { env: ['PIN=[redacted]', 'DB_PASSWORD=visible-by-config'] });
    await custom.outcome(id, { status: 'failed', errorCode: 'INVALID', durationMs: 1 });
  });

  test('concurrent intents and outcomes form one chain without gaps', async () => {
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const id = await writer.intent(intentOf('serviceScale', `s${i}`, { replicas: i }));
        await writer.outcome(id, { status: 'succeeded', durationMs: 1 });
      }),
    );
    const records = await db.records();
    records.forEach((r, i) => assert.equal(r.seq, BigInt(i + 1)));
    const v = await verifyChain(records);
    assert.equal(v.ok, true, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
  });

  test('with the database stopped, intents and sensitive reads throw; outcomes are spooled and drained in order when it is back', async () => {
    const a = await writer.intent(intentOf('networkCreate', 'a', {}));
    const b = await writer.intent(intentOf('networkCreate', 'b', {}));
    await db.stopDatabase();
    await assert.rejects(writer.intent(intentOf('networkCreate', 'refused', {})));
    await assert.rejects(writer.sensitiveRead(intentOf('swarmJoinTokens', 'x', { cluster: 'prod' })));
    await writer.outcome(a, { status: 'succeeded', durationMs: 5 });
    await writer.outcome(b, { status: 'failed', errorCode: 'NAME_TAKEN', durationMs: 6 });
    assert.equal(writer.hasSpooled, true);
    const spooled = readFileSync(spoolPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l).fields.intentId);
    assert.deepEqual(spooled, [a, b]);

    await db.startDatabase();
    // A new intent succeeds at once; the outcome after it still queues behind the spool.
    const c = await writer.intent(intentOf('networkCreate', 'c', {}));
    await writer.drain();
    await writer.outcome(c, { status: 'succeeded', durationMs: 7 });
    if (writer.hasSpooled) await writer.drain();
    assert.equal(writer.hasSpooled, false);
    assert.equal(existsSync(spoolPath) ? readFileSync(spoolPath, 'utf8') : '', '');

    const records = await db.records();
    const outcomes = records.filter((r) => r.kind === 'outcome').map((r) => r.intentId);
    assert.deepEqual(outcomes.slice(-3), [a, b, c]);
    assert.equal(records.filter((r) => r.operation === 'networkCreate' && r.target === 'refused').length, 0);
    assert.equal(records.find((r) => r.intentId === b)!.errorCode, 'NAME_TAKEN');
    assert.equal((await verifyChain(records)).ok, true);
  });

  test('a spooled outcome whose intent already has an outcome is not written twice', async () => {
    const id = await writer.intent(intentOf('serviceRemove', 'twice', {}));
    await writer.outcome(id, { status: 'succeeded', durationMs: 2 });
    // The same outcome again, as a crash between a drain's write and its spool rewrite leaves it.
    const [, outcome] = (await db.records()).filter((r) => r.intentId === id || r.id === id);
    const { appendToSpool } = await import('../../../src/audit/spool.ts');
    const { seq: _s, prevHash: _p, hash: _h, ...fields } = outcome!;
    await appendToSpool(spoolPath, { v: 1, fields: { ...fields, id: '00000000-0000-4000-8000-000000000001', recordedAt: fields.recordedAt.toISOString() } });
    const again = new DbAuditWriter({ database: db.database, logger, spoolPath });
    await again.init();
    assert.equal(again.hasSpooled, true);
    const r = await again.drain();
    assert.equal(r.remaining, 0);
    assert.equal((await db.records()).filter((x) => x.intentId === id).length, 1);
  });

  test('an intent left open is reconciled from the engine state with its reason', async () => {
    const open = await writer.intent(intentOf('networkCreate', 'left-open', { name: 'left-open' }));
    const gone = await writer.intent(intentOf('serviceUpdate', 'vanished', {}));
    const intents = (await findOpenIntents(db.database.prisma, { before: new Date(Date.now() + 1000) })).filter((i) => [open, gone].includes(i.id));
    assert.deepEqual(intents.map((i) => i.id), [open, gone]);
    const engine: EngineStateReader = {
      network: async () => ({ exists: true, id: 'net-id', createdAt: new Date() }),
      service: async () => ({ exists: false }),
      node: async () => ({ exists: false }),
      secret: async () => ({ exists: false }),
      config: async () => ({ exists: false }),
      container: async () => ({ exists: false }),
      stackObjects: async () => [],
      events: async () => ({ events: [], completeSince: null }),
    };
    // The writer still counts them in flight: a pass that skips them writes nothing.
    const skipped = await reconcileOpen(intents, { prisma: db.database.prisma, engine, clusters: ['prod'], logger, skip: writer.inFlight() });
    assert.equal(skipped.written.length, 0);
    const result = await reconcileOpen(intents, { prisma: db.database.prisma, engine, clusters: ['prod'], logger });
    assert.deepEqual(result.written.map((w) => w.outcome), ['succeeded', 'unknown']);
    const records = await db.records();
    const closed = records.find((r) => r.kind === 'outcome' && r.intentId === open)!;
    assert.equal(closed.outcome, 'succeeded');
    assert.deepEqual(closed.objectIds, ['net-id']);
    assert.match(JSON.stringify(closed.input), /reconciled.*left-open exists/);
    assert.equal(closed.principal, 'anonymous');
    assert.equal(closed.operation, 'networkCreate');
    assert.equal(records.find((r) => r.kind === 'outcome' && r.intentId === gone)!.outcome, 'unknown');
    assert.equal((await findOpenIntents(db.database.prisma, { before: new Date(Date.now() + 1000) })).length, 0);
    assert.equal((await verifyChain(records)).ok, true);
  });
});
