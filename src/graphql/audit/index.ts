// `auditRecords` (the log, newest first, cursor = seq) and `auditVerify` (the hash chain,
// whole or for a time range). Both read ctx.database; without one the log does not exist
// here and both answer AUDIT_UNAVAILABLE. A failing database read is AUDIT_UNAVAILABLE too
// (logged with the request ID), not a masked INTERNAL: the caller can retry it.
import { decodeAuditCursor, encodeAuditCursor, queryAuditPage } from '../../audit/audit-query.ts';
import { describeVerification, verifyAuditLog } from '../../audit/verify-db.ts';
import type { ChainVerification } from '../../audit/hash-chain.ts';
import type { Database } from '../../db/client.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import type { AuditVerification, Resolvers } from '../../generated/graphql.ts';
import type { Logger } from 'pino';
import { orAuditUnavailable } from '../audit-unavailable.ts';
import { pageSize } from '../page-size.ts';
import { invalidCursor } from '../pagination.ts';
import { auditQueryFromFilter, checkTimeRange } from './audit-filter.ts';
import { auditRecordToGraphQL } from './audit-record.ts';

export const auditResolvers: Resolvers = {
  Query: {
    async auditRecords(_root, { filter, first, after }, ctx) {
      const size = pageSize(first);
      const afterSeq = after ? decodeAuditCursor(after) : undefined;
      if (afterSeq === null) throw invalidCursor();
      const query = auditQueryFromFilter(filter);
      const database = auditDatabase(ctx.database);
      const page = await readingLog(ctx.logger, () => queryAuditPage(database.prisma, query, { first: size, afterSeq }));
      const nodes = page.records.map(auditRecordToGraphQL);
      const edges = page.records.map((r, i) => ({ cursor: encodeAuditCursor(r.seq), node: nodes[i]! }));
      return {
        edges,
        nodes,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: afterSeq !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: page.totalCount,
      };
    },

    async auditVerify(_root, { since, until }, ctx) {
      const range = { since: since ? new Date(since) : undefined, until: until ? new Date(until) : undefined };
      checkTimeRange(range.since, range.until);
      const database = auditDatabase(ctx.database);
      return verificationToGraphQL(await readingLog(ctx.logger, () => verifyAuditLog(database.prisma, range)));
    },
  },
};

/** The audit database (the field guard has already checked that the caller may read the log). */
function auditDatabase(database: Database | null): Database {
  if (!database) throw new GatewayError('AUDIT_UNAVAILABLE', 'the audit log is not available: this gateway runs without an audit database');
  return database;
}

function readingLog<T>(logger: Logger, read: () => Promise<T>): Promise<T> {
  return orAuditUnavailable(read, { logger, log: 'reading the audit log failed', refusal: 'the audit log could not be read from its database; try again later' });
}

export function verificationToGraphQL(result: ChainVerification): AuditVerification {
  if (!result.ok) {
    return {
      ok: false,
      checkedRecords: result.count,
      firstSeq: null,
      lastSeq: null,
      failedRecordId: result.failedId,
      failedSeq: result.failedSeq.toString(),
      reason: result.reason,
      message: result.message,
    };
  }
  return {
    ok: true,
    checkedRecords: result.count,
    firstSeq: result.firstSeq?.toString() ?? null,
    lastSeq: result.lastSeq?.toString() ?? null,
    failedRecordId: null,
    failedSeq: null,
    reason: null,
    message: describeVerification(result),
  };
}
