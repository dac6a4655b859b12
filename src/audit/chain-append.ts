// Appends one record to the audit chain in the database. The chain is serialized in the
// database, not in the process: each append is one transaction that takes a transaction-
// scoped advisory lock, reads the record with the highest seq, and inserts the next one.
// Any number of gateway processes on one PostgreSQL (or the one PGlite session) thus
// produce one chain without gaps or forks.
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { recordFromRow } from './audit-query.ts';
import { lockAuditChain } from './chain-lock.ts';
import { chainHead, nextRecord } from './hash-chain.ts';
import { storableFields, type AuditRecordData, type RecordFields } from './record.ts';

export interface AppendOptions {
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
  /** Fill recordedAt with the time the lock was taken, so recordedAt follows seq. */
  stampTime?: boolean;
  /** Prisma's interactive transaction timeout; default 15 s (waiting for the lock counts). */
  timeoutMs?: number;
}

type Tx = Prisma.TransactionClient;

/** Appends `fields` as the next record; resolves with it (null when skipped). */
export async function appendRecord(prisma: PrismaClient, fields: RecordFields, opts: AppendOptions = {}): Promise<AuditRecordData | null> {
  const timeout = opts.timeoutMs ?? 15_000;
  return prisma.$transaction(
    async (tx: Tx) => {
      await lockAuditChain(tx);
      if (opts.skipIfOutcomeRecorded && fields.kind === 'outcome' && fields.intentId !== null) {
        const done = await tx.auditRecord.findFirst({ where: { kind: 'outcome', intentId: fields.intentId }, select: { seq: true } });
        if (done) return null;
      }
      if (opts.skipIfReconciled && fields.intentId !== null) {
        const done = await tx.$queryRaw<unknown[]>`SELECT 1 FROM audit_records WHERE kind = 'outcome' AND intent_id = ${fields.intentId}::uuid AND input ? 'reconciled' LIMIT 1`;
        if (done.length > 0) return null;
      }
      const last = await tx.auditRecord.findFirst({ orderBy: { seq: 'desc' } });
      const head = last ? chainHead(recordFromRow(last)) : null;
      const record = nextRecord(head, storableFields(opts.stampTime ? { ...fields, recordedAt: new Date() } : fields));
      await tx.auditRecord.create({ data: auditRecordCreateData(record) });
      return record;
    },
    { maxWait: timeout, timeout },
  );
}

/** A record as Prisma's create input (SQL NULL for absent JSON values). */
export function auditRecordCreateData(record: AuditRecordData): Prisma.AuditRecordCreateInput {
  return {
    ...record,
    input: record.input === null ? Prisma.DbNull : (record.input as Prisma.InputJsonValue),
    decision: record.decision === null ? Prisma.DbNull : (record.decision as Prisma.InputJsonValue),
  };
}
