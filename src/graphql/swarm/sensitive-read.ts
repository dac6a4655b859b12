// Join tokens and unlock keys are secrets: the read (allowed by the field guard) is
// written to the audit log, with the grant that allowed it, before the value is returned;
// a read that cannot be audited is refused.
import { decisionRecord } from '../../auth/access-decision.ts';
import type { GatewayContext } from '../context.ts';
import { orAuditUnavailable } from '../audit-unavailable.ts';
import { fieldDecision } from '../access/field-decision.ts';

/**
 * Records the read; the value itself never goes to the audit log or the process log. Takes
 * the root field's context: the record needs its decision, the request's identity and the
 * audit writer, and a failure is logged.
 */
export async function auditSensitiveRead(ctx: GatewayContext, operation: string, cluster: string): Promise<void> {
  await orAuditUnavailable(
    () => ctx.audit.sensitiveRead({ requestId: ctx.requestId, principal: ctx.authority.principal, userAgent: ctx.userAgent, cluster, operation, target: undefined, input: { cluster }, decision: decisionRecord(fieldDecision(ctx)) }),
    { logger: ctx.logger, log: 'sensitive read could not be audited', logFields: { operation }, refusal: 'the audit log cannot record this read, so the secret was not returned' },
  );
}
