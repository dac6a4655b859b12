// Retention: deletes the oldest audit records recorded before a cut-off and, in the same
// transaction under the chain lock, writes the ANCHOR that takes the last deleted record's
// seq and carries its hash (hash-chain.ts), so the records that remain still verify and a
// change to any of them is still detected.
//
// Rules: only a run of records from the start of the chain goes (never a record at or
// after the cut-off, even if an older-dated one follows it); the newest record always
// stays; and the records about to go are verified first: pruning refuses to destroy the
// evidence of a chain that is already broken.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordFromRow, streamAuditRecords } from './audit-query.ts';
import { auditRecordCreateData } from './chain-append.ts';
import { lockAuditChain } from './chain-lock.ts';
import { anchorInputOf, chainHead, makeAnchor, verifyChain, type ChainVerification } from './hash-chain.ts';
import { blankRecordFields } from './record.ts';

export interface PruneOptions {
  /** Records recorded before this instant may go. */
  before: Date;
  /** Who prunes, as recorded on the anchor (default `system:retention`). */
  principal?: string;
  requestId?: string | null;
  /** The anchor's time (default: now). */
  now?: Date;
}

export type PruneResult =
  | { pruned: 0; reason: string }
  | { pruned: number; firstPrunedSeq: bigint; lastPrunedSeq: bigint; anchorId: string };

export class PruneRefusedError extends Error {
  override name = 'PruneRefusedError';
  constructor(readonly verification: Extract<ChainVerification, { ok: false }>) {
    super(`refusing to prune a broken chain: ${verification.message} (${verification.reason})`);
  }
}

export async function pruneAuditLog(prisma: PrismaClient, opts: PruneOptions): Promise<PruneResult> {
  return prisma.$transaction(
    async (tx) => {
      await lockAuditChain(tx);
      const newest = await tx.auditRecord.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true } });
      const oldest = await tx.auditRecord.findFirst({ orderBy: { seq: 'asc' } });
      if (!newest || !oldest) return { pruned: 0, reason: 'the audit log is empty' };
      const firstKept = await tx.auditRecord.findFirst({ where: { recordedAt: { gte: opts.before } }, orderBy: { seq: 'asc' }, select: { seq: true } });
      let lastPruned = firstKept ? firstKept.seq - 1n : newest.seq;
      if (lastPruned > newest.seq - 1n) lastPruned = newest.seq - 1n;
      // An anchor already stands for everything up to its seq; pruning only it gains nothing.
      if (lastPruned < oldest.seq || (lastPruned === oldest.seq && oldest.kind === 'anchor')) {
        return { pruned: 0, reason: `no record before ${opts.before.toISOString()} can go (the newest record always stays)` };
      }

      // The records that go, plus the first that stays (its link to them is checked too).
      const doomed = streamAuditRecords(tx, {}, { order: 'asc', extraWhere: { seq: { lte: lastPruned + 1n } } });
      const check = await verifyChain(doomed);
      if (!check.ok) throw new PruneRefusedError(check);

      const last = recordFromRow(await tx.auditRecord.findUniqueOrThrow({ where: { seq: lastPruned } }));
      const firstSeq = oldest.kind === 'anchor' ? BigInt(anchorInputOf(recordFromRow(oldest).input)!.firstPrunedSeq) : oldest.seq;
      const anchor = makeAnchor(
        { firstSeq, last: chainHead(last) },
        blankRecordFields({
          id: randomUUID(),
          kind: 'anchor',
          recordedAt: opts.now ?? new Date(),
          requestId: opts.requestId ?? null,
          principal: opts.principal ?? 'system:retention',
          operation: 'auditPrune',
        }),
      );
      const { count } = await tx.auditRecord.deleteMany({ where: { seq: { lte: lastPruned } } });
      await tx.auditRecord.create({ data: auditRecordCreateData(anchor) });
      return { pruned: count, firstPrunedSeq: firstSeq, lastPrunedSeq: lastPruned, anchorId: anchor.id };
    },
    { maxWait: 30_000, timeout: 300_000 },
  );
}
