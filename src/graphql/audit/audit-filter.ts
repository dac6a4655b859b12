// The GraphQL `AuditRecordFilter` as the audit layer's query (stored values are lower case).
import type { AuditRecordQuery } from '../../audit/audit-query.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import type { AuditRecordFilter } from '../../generated/graphql.ts';

export function auditQueryFromFilter(filter: AuditRecordFilter | null | undefined): AuditRecordQuery {
  const f = filter ?? {};
  const query: AuditRecordQuery = {
    since: f.since ? new Date(f.since) : undefined,
    until: f.until ? new Date(f.until) : undefined,
    principal: f.principal ?? undefined,
    operation: f.operation ?? undefined,
    cluster: f.cluster ?? undefined,
    target: f.target ?? undefined,
    traceId: f.traceId ?? undefined,
    kind: f.kind ? (f.kind.toLowerCase() as AuditRecordQuery['kind']) : undefined,
    outcome: f.outcome ? (f.outcome.toLowerCase() as AuditRecordQuery['outcome']) : undefined,
  };
  checkTimeRange(query.since, query.until);
  return query;
}

export function checkTimeRange(since: Date | undefined, until: Date | undefined): void {
  if (since && until && since.getTime() > until.getTime()) {
    throw new GatewayError('BAD_REQUEST', `since (${since.toISOString()}) is after until (${until.toISOString()})`);
  }
}
