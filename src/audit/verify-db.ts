// Verifies the audit log's hash chain as stored: the whole chain, or the records of a time
// range. Rows stream from the database in seq order, one batch at a time, into verifyChain.
//
// A time range is checked as the contiguous seq span from the first to the last record
// recorded in it (records are numbered under the chain lock, so a span has no holes unless
// one was removed). Its first record must link to the stored hash of the record just
// before the span; that record itself is not re-checked (a whole-chain verify does that).
//
// Beside the chain, the records checked are paired up: every intent should have an
// outcome (intentId) and every outcome an intent. Those that do not are reported (an intent
// still in flight, or left by a crash and not reconciled yet; an outcome whose intent was
// pruned, or is missing), not failed: the chain itself says whether records were removed.
import { auditWhere, type AuditReader, recordFromRow, streamAuditRecords } from './audit-query.ts';
import { chainHead, verifyChain, type ChainVerification } from './hash-chain.ts';
import type { AuditRecordData } from './record.ts';

/** The ids of intents without an outcome and outcomes without an intent, among the records checked. */
export interface IntentPairing {
  intentsWithoutOutcome: string[];
  outcomesWithoutIntent: string[];
}

export type LogVerification = ChainVerification & { pairing: IntentPairing };

/** Passes the records through, noting intents and outcomes as they go by. */
function pairIntents(records: AsyncIterable<AuditRecordData>): { records: AsyncIterable<AuditRecordData>; pairing: () => IntentPairing } {
  const open = new Set<string>();
  const orphans: string[] = [];
  async function* track() {
    for await (const record of records) {
      if (record.kind === 'intent') open.add(record.id);
      else if (record.kind === 'outcome') {
        if (record.intentId !== null && open.has(record.intentId)) open.delete(record.intentId);
        else orphans.push(record.id);
      }
      yield record;
    }
  }
  return { records: track(), pairing: () => ({ intentsWithoutOutcome: [...open], outcomesWithoutIntent: orphans }) };
}

export interface VerifyRange {
  /** Records at or after this instant. */
  since?: Date | undefined;
  /** Records before this instant. */
  until?: Date | undefined;
  batchSize?: number | undefined;
}

/** Rows per read when verifying: small, since turning a batch of rows into records cannot yield midway. */
const VERIFY_BATCH_SIZE = 200;

export async function verifyAuditLog(prisma: AuditReader, range: VerifyRange = {}): Promise<LogVerification> {
  const { since, until } = range;
  const batchSize = range.batchSize ?? VERIFY_BATCH_SIZE;
  if (since === undefined && until === undefined) {
    const tracked = pairIntents(streamAuditRecords(prisma, {}, { order: 'asc', batchSize }));
    return { ...(await verifyChain(tracked.records)), pairing: tracked.pairing() };
  }
  const span = await prisma.auditRecord.aggregate({ where: auditWhere({ since, until }), _min: { seq: true }, _max: { seq: true } });
  const first = span._min.seq;
  const last = span._max.seq;
  if (first === null || last === null) return { ...(await verifyChain([])), pairing: { intentsWithoutOutcome: [], outcomesWithoutIntent: [] } };
  const before = await prisma.auditRecord.findUnique({ where: { seq: first - 1n } });
  const expectFirstPrevHash = before ? chainHead(recordFromRow(before)).hash : undefined;
  const tracked = pairIntents(streamAuditRecords(prisma, {}, { order: 'asc', batchSize, extraWhere: { seq: { gte: first, lte: last } } }));
  return { ...(await verifyChain(tracked.records, expectFirstPrevHash === undefined ? {} : { expectFirstPrevHash })), pairing: tracked.pairing() };
}

/** Lines for a person about unpaired intents and outcomes (none when every one is paired). */
export function describePairing(pairing: IntentPairing, shown = 10): string[] {
  const list = (ids: string[]) => `${ids.slice(0, shown).join(', ')}${ids.length > shown ? `, and ${ids.length - shown} more` : ''}`;
  const lines: string[] = [];
  if (pairing.intentsWithoutOutcome.length > 0) {
    lines.push(`${pairing.intentsWithoutOutcome.length} intent(s) without an outcome (in flight, or left by a crash and not reconciled yet): ${list(pairing.intentsWithoutOutcome)}`);
  }
  if (pairing.outcomesWithoutIntent.length > 0) {
    lines.push(`${pairing.outcomesWithoutIntent.length} outcome(s) without an intent among the records checked (pruned, outside the range, or missing): ${list(pairing.outcomesWithoutIntent)}`);
  }
  return lines;
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
