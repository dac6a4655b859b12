// DbAuditWriter under database faults, over an embedded PGlite database whose Prisma
// client is wrapped to delay transactions (a database that answers late):
// - "not made" is true: an intent write that gave up never commits later, and one whose
//   COMMIT went unanswered is closed by a spooled `failed` / AUDIT_UNAVAILABLE outcome,
//   written only because its intent did commit;
// - once the database answers again, outcomes are written directly, not queued behind
//   the spool, and the spool's depth is visible and drains in batches.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { AuditIntent } from '../../../src/audit/audit-writer.ts';
import { AppendUnconfirmedError } from '../../../src/audit/chain-append.ts';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import type { Database } from '../../../src/db/client.ts';
import type { PrismaClient } from '../../../src/generated/prisma/client.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

const logger = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const intentOf = (target: string): AuditIntent => ({
  requestId: `req-${++n}`,
  principal: { id: 'anonymous', clientAddress: '127.0.0.9' },
  cluster: 'prod',
  operation: 'serviceScale',
  target,
  input: { replicas: n },
  userAgent: 'unit-test',
});

/** What the wrapped client does to the next transactions. */
type Fault = { kind: 'none' } | { kind: 'late-start'; ms: number } | { kind: 'late-answer'; ms: number } | { kind: 'fail' };

describe('DbAuditWriter under database faults (PGlite)', () => {
  let db: AuditDb;
  let fault: Fault = { kind: 'none' };
  let transactions = 0;
  /** Every wrapped transaction, to wait for the delayed ones to finish. */
  const pending: Promise<unknown>[] = [];
  const settled = () => Promise.allSettled(pending);
  let database: Database;

  before(async () => {
    db = await openAuditDb('pglite', 'writer-faults');
    const real = () => db.database.prisma;
    // $transaction delayed before it starts (a pool wait), or its answer delayed after it
    // committed (a COMMIT whose answer is lost), or refused outright (a database that is down).
    const wrapped = new Proxy({} as PrismaClient, {
      get(_t, prop) {
        const client = real();
        if (prop !== '$transaction') return Reflect.get(client, prop, client);
        return (cb: never, opts: never) => {
          transactions++;
          const f = fault;
          const run = (async () => {
            if (f.kind === 'fail') throw new Error('connection refused');
            if (f.kind === 'late-start') await sleep(f.ms);
            const result = await client.$transaction(cb, opts);
            if (f.kind === 'late-answer') await sleep(f.ms);
            return result;
          })();
          pending.push(run.catch(() => undefined));
          return run;
        };
      },
    });
    database = { get prisma() { return wrapped; }, kind: 'pglite', openSql: () => db.database.openSql(), close: async () => {} };
  });
  after(async () => {
    await db?.close();
  });

  const writerWith = (name: string, writeTimeoutMs = 2_000, drainBatchSize?: number) =>
    new DbAuditWriter({ database, logger, spoolPath: path.join(db.dataDir, `${name}.ndjson`), writeTimeoutMs, drainBatchSize });
  const recordsFor = async (target: string) => (await db.records()).filter((r) => r.target === target);

  test('an intent whose transaction starts after the writer gave up is never committed', async () => {
    const writer = writerWith('late-start');
    await writer.init();
    fault = { kind: 'late-start', ms: 4_000 };
    await assert.rejects(writer.intent(intentOf('late-start')));
    fault = { kind: 'none' };
    // The delayed transaction runs after the refusal: it must roll back, not commit.
    await settled();
    assert.deepEqual(await recordsFor('late-start'), [], 'the refused intent left no record');
    assert.equal(writer.spoolDepth, 0, 'nothing to close: nothing was written');
  });

  test('an intent whose COMMIT is not answered in time is closed as failed / AUDIT_UNAVAILABLE once the database answers', async () => {
    const writer = writerWith('late-answer');
    await writer.init();
    fault = { kind: 'late-answer', ms: 4_000 };
    await assert.rejects(writer.intent(intentOf('late-answer')), (err) => err instanceof AppendUnconfirmedError);
    fault = { kind: 'none' };
    assert.equal(writer.spoolDepth, 1);
    await settled();
    const [intent] = await recordsFor('late-answer');
    assert.equal(intent?.kind, 'intent', 'the intent did commit, after the refusal');
    assert.ok(writer.inFlight().has(intent!.id), 'the reconciler leaves it to the spool');
    await writer.drain();
    const [, outcome] = await recordsFor('late-answer');
    assert.equal(outcome?.intentId, intent!.id);
    assert.deepEqual([outcome!.outcome, outcome!.errorCode], ['failed', 'AUDIT_UNAVAILABLE']);
    assert.equal(writer.spoolDepth, 0);
    assert.equal(writer.inFlight().has(intent!.id), false);
  });

  test('the not-made outcome of an unconfirmed intent that did not commit is not written', async () => {
    const writer = writerWith('rolled-back');
    await writer.init();
    // The answer is lost, and the write itself failed (what a database that died in COMMIT leaves).
    fault = { kind: 'late-answer', ms: 4_000 };
    const id = writer.intent(intentOf('rolled-back'));
    await assert.rejects(id, (err) => err instanceof AppendUnconfirmedError);
    fault = { kind: 'none' };
    await settled();
    // Remove the intent as if it had never committed, then drain: the outcome must be skipped.
    const [intent] = await recordsFor('rolled-back');
    const sql = await db.database.openSql();
    await sql.query('DELETE FROM audit_records WHERE id = $1::uuid', [intent!.id]);
    await sql.close();
    const r = await writer.drain();
    assert.deepEqual([r.written, r.remaining], [1, 0]);
    assert.deepEqual(await recordsFor('rolled-back'), [], 'no outcome without its intent');
  });

  test('when the database answers again, outcomes are written at once even while the spool holds older ones; the spool drains in batches', async () => {
    const writer = writerWith('direct', 5_000, 4);
    await writer.init();
    const early = await Promise.all(Array.from({ length: 10 }, (_, i) => writer.intent(intentOf(`direct-early-${i}`))));
    fault = { kind: 'fail' };
    for (const id of early) await writer.outcome(id, { status: 'succeeded', durationMs: 1 });
    assert.equal(writer.spoolDepth, 10, 'every outcome spooled while the database is down');
    fault = { kind: 'none' };

    // Hold off the drain an intent would start, to see the next outcome not wait for it.
    const later = await writer.intent(intentOf('direct-later'));
    const before = transactions;
    await writer.outcome(later, { status: 'succeeded', durationMs: 1 });
    const [, laterOutcome] = await recordsFor('direct-later');
    assert.equal(laterOutcome?.intentId, later, 'the later outcome is in the database');
    await writer.drain();
    assert.equal(writer.spoolDepth, 0);
    assert.ok(transactions - before <= 1 + 3 + 1, `10 spooled records in batches of 4: at most 3 drain transactions (${transactions - before} in all)`);

    const records = await db.records();
    for (const id of early) assert.equal(records.filter((r) => r.intentId === id).length, 1, 'each spooled outcome once');
    const v = await verifyChain(records);
    assert.equal(v.ok, true, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
  });
});
