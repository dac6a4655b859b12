// A stored audit record as the GraphQL `AuditRecord` type shows it: enums in upper case,
// seq as a decimal string, JSON columns as JSON text (canonical form: sorted keys).
import type { AuditRecordData } from '../../audit/record.ts';
import { canonicalJson } from '../../audit/record.ts';
import type { AuditOutcome, AuditRecord, AuditRecordKind } from '../../generated/graphql.ts';

export function auditRecordToGraphQL(record: AuditRecordData): AuditRecord {
  return {
    id: record.id,
    seq: record.seq.toString(),
    kind: record.kind.toUpperCase() as AuditRecordKind,
    recordedAt: record.recordedAt.toISOString(),
    requestId: record.requestId,
    principal: record.principal,
    clientAddress: record.clientAddress,
    userAgent: record.userAgent,
    cluster: record.cluster,
    operation: record.operation,
    target: record.target,
    input: record.input === null ? null : canonicalJson(record.input),
    intentId: record.intentId,
    outcome: record.outcome === null ? null : (record.outcome.toUpperCase() as AuditOutcome),
    errorCode: record.errorCode,
    objectIds: record.objectIds,
    durationMs: record.durationMs,
    decision: record.decision === null ? null : canonicalJson(record.decision),
    prevHash: record.prevHash,
    hash: record.hash,
  };
}
