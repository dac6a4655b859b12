// Verifies the audit log's hash chain as stored: the whole chain, or the records of a time
// range. Rows stream from the database in seq order, one batch at a time, into verifyChain.
//
// A time range is checked as the contiguous seq span from the first to the last record
// recorded in it (records are numbered under the chain lock, so a span has no holes unless
// one was removed). Its first record must link to the stored hash of the record just
// before the span; that record itself is not re-checked (a whole-chain verify does that).
import { auditWhere, type AuditReader, recordFromRow, streamAuditRecords } from './audit-query.ts';
import { chainHead, verifyChain, type ChainVerification } from './hash-chain.ts';

export interface VerifyRange {
  /** Records at or after this instant. */
  since?: Date | undefined;
  /** Records before this instant. */
  until?: Date | undefined;
  batchSize?: number | undefined;
}

export async function verifyAuditLog(prisma: AuditReader, range: VerifyRange = {}): Promise<ChainVerification> {
  const { since, until, batchSize } = range;
  if (since === undefined && until === undefined) {
    return verifyChain(streamAuditRecords(prisma, {}, { order: 'asc', batchSize }));
  }
  const span = await prisma.auditRecord.aggregate({ where: auditWhere({ since, until }), _min: { seq: true }, _max: { seq: true } });
  const first = span._min.seq;
  const last = span._max.seq;
  if (first === null || last === null) return verifyChain([]);
  const before = await prisma.auditRecord.findUnique({ where: { seq: first - 1n } });
  const expectFirstPrevHash = before ? chainHead(recordFromRow(before)).hash : undefined;
  const records = streamAuditRecords(prisma, {}, { order: 'asc', batchSize, extraWhere: { seq: { gte: first, lte: last } } });
  return verifyChain(records, expectFirstPrevHash === undefined ? {} : { expectFirstPrevHash });
}

/** A sentence for a person: what was checked, or the first record that failed and why. */
export function describeVerification(result: ChainVerification): string {
  if (!result.ok) return `${result.message} [${result.reason}]`;
  if (result.firstSeq === null) return 'no records to check';
  const anchored = result.anchor
    ? `; records ${result.anchor.firstPrunedSeq} to ${result.anchor.lastPrunedSeq} were pruned and the chain starts at their anchor`
    : '';
  return `${result.count} records verified, seq ${result.firstSeq} to ${result.lastSeq}${anchored}`;
}
