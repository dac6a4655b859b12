// Reading the audit log: one filter shape shared by the GraphQL connection, the HTTP export
// and the verifier, turned into a Prisma `where`; pages keyed by seq (newest first), and a
// batched stream that never holds more than one batch of rows in memory.
import type { PrismaClient, Prisma } from '../generated/prisma/client.ts';
import type { AuditRecordData, JsonValue } from './record.ts';

/** What reading needs of a Prisma client; a transaction client fits too. */
export type AuditReader = Pick<PrismaClient, 'auditRecord'>;

export const AUDIT_KINDS = ['intent', 'outcome', 'denied', 'auth_failed', 'sensitive_read', 'anchor'] as const;
export const AUDIT_OUTCOMES = ['succeeded', 'failed', 'unknown'] as const;

/** All given fields must match; values are as stored (kind and outcome in lower case). */
export interface AuditRecordQuery {
  /** recordedAt >= since */
  since?: Date | undefined;
  /** recordedAt < until */
  until?: Date | undefined;
  principal?: string | undefined;
  operation?: string | undefined;
  cluster?: string | undefined;
  /** Only OUTCOME records that ended this way. */
  outcome?: (typeof AUDIT_OUTCOMES)[number] | undefined;
  target?: string | undefined;
  /** The records written by one traced request (its W3C trace ID). */
  traceId?: string | undefined;
  kind?: (typeof AUDIT_KINDS)[number] | undefined;
}

/** Rows per database round trip when streaming. */
export const DEFAULT_BATCH_SIZE = 500;

export function auditWhere(filter: AuditRecordQuery): Prisma.AuditRecordWhereInput {
  const and: Prisma.AuditRecordWhereInput[] = [];
  if (filter.since !== undefined) and.push({ recordedAt: { gte: filter.since } });
  if (filter.until !== undefined) and.push({ recordedAt: { lt: filter.until } });
  if (filter.principal !== undefined) and.push({ principal: filter.principal });
  if (filter.operation !== undefined) and.push({ operation: filter.operation });
  if (filter.cluster !== undefined) and.push({ cluster: filter.cluster });
  if (filter.target !== undefined) and.push({ target: filter.target });
  if (filter.traceId !== undefined) and.push({ traceId: filter.traceId });
  if (filter.kind !== undefined) and.push({ kind: filter.kind });
  // "Only OUTCOME records that ended this way", even if some other kind carried the column.
  if (filter.outcome !== undefined) and.push({ kind: 'outcome', outcome: filter.outcome });
  return { AND: and };
}

type AuditRow = Prisma.AuditRecordModel;

/** A row as Prisma returns it, in the shape the hash chain and the readers use. */
export function recordFromRow(row: AuditRow): AuditRecordData {
  return {
    ...row,
    input: (row.input ?? null) as JsonValue | null,
    decision: (row.decision ?? null) as JsonValue | null,
    objectIds: row.objectIds ?? [],
  };
}

export interface AuditPage {
  /** Newest first. */
  records: AuditRecordData[];
  hasNextPage: boolean;
  totalCount: number;
}

/** One page of matching records, newest first, strictly older than `afterSeq` when given. */
export async function queryAuditPage(
  prisma: AuditReader,
  filter: AuditRecordQuery,
  page: { first: number; afterSeq?: bigint | undefined },
): Promise<AuditPage> {
  const where = auditWhere(filter);
  const pageWhere: Prisma.AuditRecordWhereInput = page.afterSeq === undefined ? where : { AND: [where, { seq: { lt: page.afterSeq } }] };
  // One extra row says whether another page follows.
  const [rows, totalCount] = await Promise.all([
    prisma.auditRecord.findMany({ where: pageWhere, orderBy: { seq: 'desc' }, take: page.first + 1 }),
    prisma.auditRecord.count({ where }),
  ]);
  return { records: rows.slice(0, page.first).map(recordFromRow), hasNextPage: rows.length > page.first, totalCount };
}

export interface StreamOptions {
  order: 'asc' | 'desc';
  batchSize?: number | undefined;
  /** Further conditions (e.g. a seq range) combined with the filter. */
  extraWhere?: Prisma.AuditRecordWhereInput | undefined;
}

/**
 * Every matching record in seq order, fetched in batches keyed by seq (no OFFSET), so
 * memory stays at one batch and records appended meanwhile do not shift the pages.
 */
export async function* streamAuditRecords(prisma: AuditReader, filter: AuditRecordQuery, opts: StreamOptions): AsyncGenerator<AuditRecordData> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const base = auditWhere(filter);
  let last: bigint | undefined;
  for (;;) {
    const conditions: Prisma.AuditRecordWhereInput[] = [base];
    if (opts.extraWhere) conditions.push(opts.extraWhere);
    if (last !== undefined) conditions.push({ seq: opts.order === 'asc' ? { gt: last } : { lt: last } });
    const rows = await prisma.auditRecord.findMany({ where: { AND: conditions }, orderBy: { seq: opts.order }, take: batchSize });
    for (const row of rows) yield recordFromRow(row);
    if (rows.length < batchSize) return;
    last = rows[rows.length - 1]!.seq;
  }
}

const CURSOR_PREFIX = 'seq:';

/** The opaque cursor of a record: its seq. */
export function encodeAuditCursor(seq: bigint): string {
  return Buffer.from(`${CURSOR_PREFIX}${seq}`, 'utf8').toString('base64url');
}

/** seq is a PostgreSQL bigint (int8): a cursor past it is not one of ours. */
const MAX_SEQ = 2n ** 63n - 1n;

/** The seq in a cursor, or null when the cursor is not one of ours (garbage, not base64url, past int8). */
export function decodeAuditCursor(cursor: string): bigint | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const digits = text.slice(CURSOR_PREFIX.length);
  if (!/^[1-9][0-9]{0,18}$/.test(digits)) return null;
  const seq = BigInt(digits);
  return seq <= MAX_SEQ ? seq : null;
}
