// Two gateway processes on one data directory, as deploy/stack.yml's start-first update runs
// the old and the new task on one node's `gateway-spool` volume for a moment (here two audit
// logs in one process on one embedded database, no engine). The spool is one process's: each
// spools to a file of its own, neither counts the other's outcomes as its own, and every
// outcome reaches the database once. A spool file left by a process that is gone is drained
// by one still running.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { spoolPathOf, startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { appendRecords } from '../../../src/audit/chain-append.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import { blankRecordFields } from '../../../src/audit/record.ts';
import { spoolSlotPath } from '../../../src/audit/spool-claim.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { noEngineConfig } from '../../support/audit-backends.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '') : []);
const intentOf = (target: string) => ({ requestId: randomUUID(), principal: { id: 'anonymous', clientAddress: undefined }, cluster: 'nowhere', operation: 'serviceScale', target, input: {}, userAgent: undefined });

describe('two gateway processes on one data directory', () => {
  let db: AuditDb;
  const config = noEngineConfig();
  // No timer round during the test: each round is run by hand.
  const settings = { ...config.audit, maintenanceIntervalMs: 3_600_000 };
  const start = () => startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings, dataDir: db.dataDir, logger: pino({ level: 'silent' }) });

  before(async () => {
    db = await openAuditDb('pglite', 'shared-data-dir');
  });
  after(async () => {
    await db?.close();
  });

  test('each spools to a file of its own while both run, and every outcome is written once when the database is back', async () => {
    const old = await start();
    const successor = await start();
    try {
      await Promise.all([old.started, successor.started]);
      assert.equal(old.spoolPath, spoolPathOf(config.audit, db.dataDir), 'the first takes the configured file');
      assert.notEqual(successor.spoolPath, old.spoolPath, 'the second, started while the first runs, spools elsewhere');
      const a = await old.writer.intent(intentOf('svc-old'));
      const b = await successor.writer.intent(intentOf('svc-new'));
      await db.stopDatabase();
      await old.writer.outcome(a, { status: 'succeeded', durationMs: 3 });
      await successor.writer.outcome(b, { status: 'succeeded', durationMs: 4 });
      assert.equal(old.writer.spoolDepth, 1);
      assert.equal(successor.writer.spoolDepth, 1);
      assert.deepEqual(lines(old.spoolPath).map((l) => JSON.parse(l).fields.intentId), [a]);
      assert.deepEqual(lines(successor.spoolPath).map((l) => JSON.parse(l).fields.intentId), [b]);
      await db.startDatabase();
      await Promise.all([old.maintain(), successor.maintain()]);
      assert.equal(old.writer.spoolDepth, 0);
      assert.equal(successor.writer.spoolDepth, 0);
      const records = await db.records();
      const outcomes = records.filter((r) => r.kind === 'outcome');
      assert.deepEqual(outcomes.map((o) => o.intentId).sort(), [a, b].sort());
      assert.equal((await verifyChain(records)).ok, true);
    } finally {
      await Promise.all([old.stop(), successor.stop()]);
    }
    // Both let their files go: the next process takes the configured one again.
    const next = await start();
    try {
      assert.equal(next.spoolPath, spoolPathOf(config.audit, db.dataDir));
    } finally {
      await next.stop();
    }
  });

  test('a spool file left by a process that is gone is written to the database by a running one, and emptied', async () => {
    const intent = blankRecordFields({ id: randomUUID(), kind: 'intent', recordedAt: new Date(), principal: 'anonymous', cluster: 'nowhere', operation: 'serviceScale', target: 'svc-orphan' });
    await appendRecords(db.database.prisma, [{ fields: intent }], { stampTime: true });
    const fields = { ...blankRecordFields({ ...intent, id: randomUUID(), kind: 'outcome', intentId: intent.id, outcome: 'succeeded', durationMs: 5 }), recordedAt: new Date().toISOString() };
    const orphan = spoolSlotPath(spoolPathOf(config.audit, db.dataDir), 3);
    writeFileSync(orphan, `${JSON.stringify({ v: 1, fields })}\n`, { mode: 0o600 });
    let log: AuditLog | undefined;
    try {
      log = await start();
      await log.started;
      assert.notEqual(log.spoolPath, orphan);
      const outcome = (await db.records()).filter((r) => r.kind === 'outcome' && r.intentId === intent.id);
      assert.equal(outcome.length, 1);
      assert.equal(outcome[0]!.outcome, 'succeeded', 'the outcome written down, not one reconciled from the engine');
      assert.deepEqual(lines(orphan), []);
    } finally {
      await log?.stop();
    }
  });
});
