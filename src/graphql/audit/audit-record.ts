// A stored audit record as the GraphQL `AuditRecord` type shows it: enums in upper case,
// seq as a decimal string, JSON columns as JSON text (canonical form: sorted keys).
import type { AuditRecordData } from '../../audit/record.ts';
import { canonicalJson, recordText } from '../../audit/record.ts';
import type { AuditOutcome, AuditRecord, AuditRecordKind } from '../../generated/graphql.ts';

export function auditRecordToGraphQL(record: AuditRecordData): AuditRecord {
  return {
    ...recordText(record),
    kind: record.kind.toUpperCase() as AuditRecordKind,
    input: record.input === null ? null : canonicalJson(record.input),
    outcome: record.outcome === null ? null : (record.outcome.toUpperCase() as AuditOutcome),
    decision: record.decision === null ? null : canonicalJson(record.decision),
  };
}
