// Start-up with a large spool left by an earlier run (embedded PGlite, no engine): the
// audit log is up, and the gateway can listen, before the spool is drained; the drain then
// writes every spooled outcome once, in batches, and the chain verifies. The drain rate is
// printed (a figure for the README; speed is not asserted here).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { spoolPathOf, startAuditLog } from '../../../src/audit/audit-log.ts';
import { appendRecords } from '../../../src/audit/chain-append.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import { blankRecordFields } from '../../../src/audit/record.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { noEngineConfig } from '../../support/audit-backends.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

const SPOOLED = 1_000;
let db: AuditDb;

before(async () => {
  db = await openAuditDb('pglite', 'startup-drain');
});
after(async () => {
  await db?.close();
});

test('start-up does not wait for a large spool: it drains in the background, every outcome once, the chain valid', async () => {
  const config = noEngineConfig();
  // Intents whose outcomes were spooled by a process that then stopped.
  const intents = Array.from({ length: SPOOLED }, (_, i) =>
    blankRecordFields({ id: randomUUID(), kind: 'intent', recordedAt: new Date(), principal: 'anonymous', cluster: 'nowhere', operation: 'serviceScale', target: `svc-${i}` }),
  );
  for (let i = 0; i < SPOOLED; i += 500) await appendRecords(db.database.prisma, intents.slice(i, i + 500).map((fields) => ({ fields })), { stampTime: true });
  const lines = intents.map((intent) => {
    const fields = { ...blankRecordFields({ ...intent, id: randomUUID(), kind: 'outcome', intentId: intent.id, outcome: 'succeeded', durationMs: 5 }), recordedAt: new Date().toISOString() };
    return JSON.stringify({ v: 1, fields });
  });
  writeFileSync(spoolPathOf(config.audit, db.dataDir), `${lines.join('\n')}\n`, { mode: 0o600 });

  const started = performance.now();
  const log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings: config.audit, dataDir: db.dataDir, logger: pino({ level: 'silent' }) });
  try {
    assert.equal(log.writer.spoolDepth, SPOOLED, 'the audit log is up while the whole spool still waits');
    await log.started;
    const ms = performance.now() - started;
    console.log(`audit-startup-drain: ${SPOOLED} spooled outcomes written in ${Math.round(ms)} ms (${Math.round((SPOOLED / ms) * 1000)} records/s)`);
    assert.equal(log.writer.spoolDepth, 0);
    const records = await db.records();
    const outcomes = records.filter((r) => r.kind === 'outcome');
    assert.equal(outcomes.length, SPOOLED);
    assert.equal(new Set(outcomes.map((o) => o.intentId)).size, SPOOLED, 'one outcome per intent');
    const v = await verifyChain(records);
    assert.equal(v.ok, true, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
  } finally {
    await log.stop();
  }
});
