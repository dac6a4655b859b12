// Group commit: appends asked for in separate callbacks of one event-loop turn (as
// requests arrive) share the first transaction. DbAuditWriter's direct appends by group
// commit, over an embedded PGlite database:
// concurrent intents share transactions, the chain stays whole (seq 1..N), a caller's
// promise resolves only once its record is committed, each intent's writer-session claim
// commits in its intent's transaction (same xmin), and a batch that fails rejects every
// caller in it and writes nothing, claims included. appendRecords is wrapped to count (and
// fail) transactions.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import type { AuditIntent } from '../../../src/audit/audit-writer.ts';
import { AppendUnconfirmedError, appendRecords } from '../../../src/audit/chain-append.ts';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { GroupCommit } from '../../../src/audit/group-commit.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import { startWriterSession, type WriterSession } from '../../../src/audit/writer-sessions.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';

const logger = pino({ level: 'silent' });
let n = 0;
const intentOf = (): AuditIntent => ({
  requestId: `req-${++n}`,
  principal: { id: 'anonymous', clientAddress: '127.0.0.9' },
  operation: 'serviceScale',
  target: `svc-${n}`,
  input: { replicas: n },
  cluster: 'prod',
  userAgent: 'unit-test',
});

/** Resolves after the event loop's next check phase (where a group commit's first batch starts). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('DbAuditWriter group commit (PGlite)', () => {
  let db: AuditDb;
  /** Sizes of the append transactions, in order. */
  let batches: number[] = [];
  let failBatchesOver = Infinity;
  let writer: DbAuditWriter;
  let session: WriterSession;
  /** Each intent's claim with the transaction IDs (xmin) of the claim's row and of the intent's. */
  const claims = () =>
    db.database.prisma.$queryRaw<{ id: string; session: string; claimXid: string; intentXid: string }[]>`
      SELECT r.id::text AS id, w.writer_session::text AS session, w.xmin::text AS "claimXid", r.xmin::text AS "intentXid"
      FROM audit_records r JOIN audit_intent_writers w ON w.intent_id = r.id WHERE r.kind = 'intent'`;
  const claimCount = async () => db.database.prisma.auditIntentWriter.count();

  before(async () => {
    db = await openAuditDb('pglite', 'group-commit');
    session = await startWriterSession({ database: db.database, logger });
    writer = new DbAuditWriter({
      database: db.database,
      logger,
      writerSession: session,
      spoolPath: path.join(db.dataDir, 'spool.ndjson'),
      // Generous: the suite shares the machine, and PGlite is CPU-bound.
      writeTimeoutMs: 30_000,
      appendRecords: (prisma, items, opts) => {
        batches.push(items.length);
        if (items.length <= failBatchesOver) return appendRecords(prisma, items, opts);
        // Fails after the insert was announced: the transaction rolls back, unconfirmed.
        return appendRecords(prisma, items, { ...opts, onInsert: () => (opts?.onInsert?.(), assert.fail('lost connection')) });
      },
    });
    await writer.init();
  });
  after(async () => {
    await session?.close();
    await db?.close();
  });

  test('32 concurrent intents and their outcomes land in few transactions, each committed when its caller goes on, the chain whole', async () => {
    batches = [];
    const ids = await Promise.all(
      Array.from({ length: 32 }, async () => {
        const id = await writer.intent(intentOf());
        // Fail-closed: the intent is in the database before the caller would call the engine.
        const rows = await db.database.prisma.auditRecord.count({ where: { id } });
        assert.equal(rows, 1);
        await writer.outcome(id, { status: 'succeeded', durationMs: 1 });
        return id;
      }),
    );
    assert.equal(new Set(ids).size, 32);
    assert.equal(batches.reduce((a, b) => a + b, 0), 64);
    assert.ok(batches.length <= 8, `64 records in ${batches.length} transactions (${batches.join(',')})`);
    const records = await db.records();
    assert.deepEqual(records.map((r) => r.seq), Array.from({ length: 64 }, (_, i) => BigInt(i + 1)));
    assert.equal((await verifyChain(records)).ok, true);
    for (const id of ids) assert.equal(records.filter((r) => r.intentId === id && r.kind === 'outcome').length, 1);
    // Seen from the database: as many transactions as batches, and each intent claimed for
    // this process in its own intent's transaction (no transaction of its own).
    const xids = await db.database.prisma.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT xmin::text)::int AS n FROM audit_records`;
    assert.equal(xids[0]!.n, batches.length);
    const claimed = await claims();
    assert.deepEqual(claimed.map((c) => c.id).sort(), [...ids].sort());
    for (const c of claimed) {
      assert.equal(c.session, session.id);
      assert.equal(c.claimXid, c.intentXid, `the claim of ${c.id} committed with its intent`);
    }
  });

  test('a batch that fails rejects every caller in it (unconfirmed for all) and writes nothing, not even claims', async () => {
    const before = (await db.records()).length;
    const claimsBefore = await claimCount();
    batches = [];
    failBatchesOver = 1;
    try {
      const first = writer.intent(intentOf());
      await nextTurn();
      const results = await Promise.allSettled([first, ...Array.from({ length: 15 }, () => writer.intent(intentOf()))]);
      // The first goes alone, the others asked for after it started share one transaction that fails.
      assert.deepEqual(batches, [1, 15]);
      assert.equal(results[0]!.status, 'fulfilled');
      for (const r of results.slice(1)) {
        assert.equal(r.status, 'rejected');
        assert.ok(r.reason instanceof AppendUnconfirmedError, String(r.reason));
      }
      assert.equal((await db.records()).length, before + 1);
      assert.equal(await claimCount(), claimsBefore + 1, 'only the committed intent is claimed');
      // Each refused intent spooled its "not made" outcome, written only if the intent was recorded.
      assert.equal(writer.spoolDepth, 15);
    } finally {
      failBatchesOver = Infinity;
    }
    await writer.drain();
    assert.equal((await db.records()).length, before + 1);
    assert.equal((await verifyChain(await db.records())).ok, true);
  });
});

describe('GroupCommit', () => {
  test('appends asked for in separate callbacks of one event-loop turn share the first transaction', async () => {
    const runs: number[][] = [];
    const queue = new GroupCommit<number>(async (items) => {
      runs.push([...items]);
    });
    // As requests arrive: each in a callback of its own, none awaiting the others.
    const asked = await new Promise<Promise<void>[]>((resolve) => {
      const promises: Promise<void>[] = [];
      for (let i = 0; i < 4; i++) setTimeout(() => promises.push(queue.append(i, 10_000)), 0);
      setTimeout(() => resolve(promises), 0);
    });
    await Promise.all(asked);
    assert.deepEqual(runs, [[0, 1, 2, 3]]);
  });

  test('a batch is capped, and runs with the smallest budget left among its items', async () => {
    const runs: { size: number; budget: number }[] = [];
    let release: () => void = () => {};
    const queue = new GroupCommit<number>(async (items, budget) => {
      runs.push({ size: items.length, budget });
      if (runs.length === 1) await new Promise<void>((r) => (release = r));
    }, 3);
    const first = queue.append(0, 10_000);
    // The first batch starts on the next turn of the event loop; the rest are asked for while it runs.
    await nextTurn();
    const rest = [queue.append(1, 10_000), queue.append(2, 500), queue.append(3, 10_000), queue.append(4, 10_000)];
    release();
    await Promise.all([first, ...rest]);
    assert.deepEqual(runs.map((r) => r.size), [1, 3, 1]);
    assert.ok(runs[1]!.budget <= 500 && runs[1]!.budget > 0, String(runs[1]!.budget));
    assert.ok(runs[2]!.budget > 500);
    assert.deepEqual(queue.stats, { transactions: 3, records: 5 });
  });

  test('an item whose budget ran out while it queued fails alone, with nothing sent for it', async () => {
    const sent: number[][] = [];
    let release: () => void = () => {};
    const queue = new GroupCommit<number>(async (items) => {
      sent.push([...items]);
      if (sent.length === 1) await new Promise<void>((r) => (release = r));
    });
    const first = queue.append(0, 10_000);
    await nextTurn();
    const late = queue.append(1, 1);
    const ok = queue.append(2, 10_000);
    await new Promise((r) => setTimeout(r, 20));
    release();
    await first;
    await assert.rejects(late, /ran out/);
    await ok;
    assert.deepEqual(sent, [[0], [2]]);
  });
});
