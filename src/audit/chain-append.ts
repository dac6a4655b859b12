// Appends records to the audit chain in the database. The chain is serialized in the
// database, not in the process: each append is one transaction that takes a transaction-
// scoped advisory lock, reads the record with the highest seq, and inserts the next ones.
// Any number of gateway processes on one PostgreSQL (or the one PGlite session) thus
// produce one chain without gaps or forks. A batch (group commit, the spool's drain) is one
// transaction, one lock and one insert however many records it holds; its statements are
// few and raw (record-insert.ts says why), as they run once per batch on the hot path.
//
// "Not made" must stay true: a write given a time budget either commits within it or
// never. The transaction carries a deadline; it checks it before it inserts and again
// before it commits (a late transaction rolls back instead), and on PostgreSQL the session
// aborts on its own at the deadline (statement_timeout, lock_timeout,
// idle_in_transaction_session_timeout set for this transaction only). The one moment that
// cannot be decided from here is a COMMIT sent before the deadline whose answer never
// came: that failure is an AppendUnconfirmedError, so the caller can record it as such.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { lockAuditChain } from './chain-lock.ts';
import { chainHead, nextRecord, type ChainHead } from './hash-chain.ts';
import { insertRecords } from './record-insert.ts';
import { storableFields, type AuditRecordData, type JsonValue, type RecordFields } from './record.ts';

/** Conditions on one record of an append. */
export interface AppendConditions {
  /**
   * For an outcome: when an outcome for the same intent is already recorded (a spooled
   * outcome written twice, or one reconciled meanwhile), write nothing and return null.
   */
  skipIfOutcomeRecorded?: boolean;
  /**
   * For the reconciled outcome of an intent first closed as `unknown`: when a reconciled
   * outcome (one whose input has `reconciled`) is already recorded for it, write nothing.
   */
  skipIfReconciled?: boolean;
  /** For an outcome: write it only if its intent is recorded (the intent's write was unconfirmed). */
  onlyIfIntentRecorded?: boolean;
}

export interface AppendOptions extends AppendConditions {
  /** Fill recordedAt with the time the lock was taken, so recordedAt follows seq. */
  stampTime?: boolean;
  /** The time budget of the whole append, waiting for the lock included; default 15 s. */
  timeoutMs?: number;
  /**
   * Set the PostgreSQL session timeouts to what is left of the budget (PostgreSQL only:
   * PGlite's single session must not be ended by idle_in_transaction_session_timeout).
   */
  serverTimeouts?: boolean;
  /** Called just before the insert is sent: from then on a failure may hide a commit. */
  onInsert?: () => void;
  /**
   * Runs in the transaction, with the records about to be inserted, just before their
   * insert (the writer session's claim of its intents, writer-sessions.ts): what it writes
   * commits with them or not at all, and its failure refuses the whole append.
   */
  beforeInsert?: (tx: Prisma.TransactionClient, records: readonly AuditRecordData[]) => Promise<void>;
}

export interface AppendItem extends AppendConditions {
  fields: RecordFields;
}

/** The append ran out of its budget before it inserted anything or rolled back: nothing was written. */
export class AppendDeadlineError extends Error {}

/** The append failed after its insert was sent: it may or may not have committed. */
export class AppendUnconfirmedError extends Error {
  constructor(cause: unknown) {
    super(`the audit database did not confirm the write: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

type Tx = Prisma.TransactionClient;

/** Appends `fields` as the next record; resolves with it (null when skipped). */
export async function appendRecord(prisma: PrismaClient, fields: RecordFields, opts: AppendOptions = {}): Promise<AuditRecordData | null> {
  const [record] = await appendRecords(prisma, [{ ...opts, fields }], opts);
  return record ?? null;
}

/** Appends the items in order in one transaction; resolves with each record (null: skipped). */
export async function appendRecords(prisma: PrismaClient, items: readonly AppendItem[], opts: AppendOptions = {}): Promise<(AuditRecordData | null)[]> {
  const timeout = opts.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeout;
  const left = () => deadline - Date.now();
  const inTime = (step: string) => {
    if (left() <= 0) throw new AppendDeadlineError(`the audit append ran out of its ${timeout} ms ${step}`);
  };
  let inserted = false;
  try {
    return await prisma.$transaction(
      async (tx: Tx) => {
        inTime('before it began');
        if (opts.serverTimeouts) {
          // Whole milliseconds; set_config(..., true) is SET LOCAL, the three in one round trip.
          const ms = String(Math.max(1, Math.floor(left())));
          await tx.$queryRaw`SELECT set_config('statement_timeout', ${ms}, true), set_config('lock_timeout', ${ms}, true), set_config('idle_in_transaction_session_timeout', ${ms}, true)`;
        }
        await lockAuditChain(tx);
        const skip = await skippedItems(tx, items);
        let head = await readHead(tx);
        const now = new Date();
        const out: (AuditRecordData | null)[] = [];
        const records: AuditRecordData[] = [];
        for (const [i, item] of items.entries()) {
          if (skip.has(i)) {
            out.push(null);
            continue;
          }
          const record = nextRecord(head, storableFields(opts.stampTime ? { ...item.fields, recordedAt: now } : item.fields));
          head = { seq: record.seq, hash: record.hash };
          records.push(record);
          out.push(record);
        }
        if (records.length === 0) return out;
        await opts.beforeInsert?.(tx, records);
        inTime('before it inserted');
        inserted = true;
        opts.onInsert?.();
        await insertRecords(tx, records);
        // Past the deadline the caller has given up: roll back rather than commit late.
        inTime('before it committed');
        return out;
      },
      { maxWait: timeout, timeout },
    );
  } catch (err) {
    if (inserted && !(err instanceof AppendDeadlineError)) throw new AppendUnconfirmedError(err);
    throw err;
  }
}

/** The chain's head under the lock: the last record's seq and hash (an anchor's: the last pruned one's). */
async function readHead(tx: Tx): Promise<ChainHead | null> {
  const [last] = await tx.$queryRaw<{ seq: bigint; hash: string; kind: string; input: JsonValue | null }[]>`
    SELECT seq, hash, kind, CASE WHEN kind = 'anchor' THEN input END AS input FROM audit_records ORDER BY seq DESC LIMIT 1`;
  return last ? chainHead({ ...last, seq: BigInt(last.seq) }) : null;
}

/** Indexes of the items whose conditions say: write nothing (one query per kind of condition). */
async function skippedItems(tx: Tx, items: readonly AppendItem[]): Promise<Set<number>> {
  const intentIdsOf = (want: (item: AppendItem) => boolean | undefined) => [
    ...new Set(items.filter((item) => want(item) && item.fields.intentId !== null).map((item) => item.fields.intentId!)),
  ];
  const closed = new Set<string>();
  const outcomeChecks = intentIdsOf((item) => item.skipIfOutcomeRecorded && item.fields.kind === 'outcome');
  if (outcomeChecks.length > 0) {
    // Raw, one parameter: every direct outcome asks this, once per batch (record-insert.ts on why).
    const rows = await tx.$queryRaw<{ intentId: string }[]>`
      SELECT intent_id::text AS "intentId" FROM audit_records
      WHERE kind = 'outcome' AND intent_id IN (SELECT x::uuid FROM jsonb_array_elements_text(${JSON.stringify(outcomeChecks)}::jsonb) x)`;
    for (const r of rows) closed.add(r.intentId);
  }
  const reconciled = new Set<string>();
  for (const id of intentIdsOf((item) => item.skipIfReconciled)) {
    const done = await tx.$queryRaw<unknown[]>`SELECT 1 FROM audit_records WHERE kind = 'outcome' AND intent_id = ${id}::uuid AND input ? 'reconciled' LIMIT 1`;
    if (done.length > 0) reconciled.add(id);
  }
  const recorded = new Set<string>();
  const intentChecks = intentIdsOf((item) => item.onlyIfIntentRecorded);
  if (intentChecks.length > 0) {
    const rows = await tx.auditRecord.findMany({ where: { kind: 'intent', id: { in: intentChecks } }, select: { id: true } });
    for (const r of rows) recorded.add(r.id);
  }
  const skip = new Set<number>();
  for (const [i, item] of items.entries()) {
    const intentId = item.fields.intentId;
    if (intentId === null) continue;
    if (item.skipIfOutcomeRecorded && item.fields.kind === 'outcome' && closed.has(intentId)) skip.add(i);
    else if (item.skipIfReconciled && reconciled.has(intentId)) skip.add(i);
    else if (item.onlyIfIntentRecorded && !recorded.has(intentId)) skip.add(i);
    // A batch holding two outcomes of one intent (a spool written twice) keeps the first.
    if (!skip.has(i) && item.skipIfOutcomeRecorded && item.fields.kind === 'outcome') closed.add(intentId);
  }
  return skip;
}

/** A record as Prisma's create input (SQL NULL for absent JSON values). */
export function auditRecordCreateData(record: AuditRecordData): Prisma.AuditRecordCreateInput {
  return {
    ...record,
    input: record.input === null ? Prisma.DbNull : (record.input as Prisma.InputJsonValue),
    decision: record.decision === null ? Prisma.DbNull : (record.decision as Prisma.InputJsonValue),
  };
}
