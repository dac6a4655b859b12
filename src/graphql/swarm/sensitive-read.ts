// Join tokens and unlock keys are secrets: the read (allowed by the field guard) is
// written to the audit log, with the grant that allowed it, before the value is returned;
// a read that cannot be audited is refused.
import { decisionRecord } from '../../auth/access-decision.ts';
import type { GatewayContext } from '../context.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { currentDecision } from '../access/current-decision.ts';

/** Records the read; the value itself never goes to the audit log or the process log. */
export async function auditSensitiveRead(ctx: GatewayContext, operation: string, cluster: string): Promise<void> {
  try {
    await ctx.audit.sensitiveRead({ requestId: ctx.requestId, principal: ctx.principal, userAgent: ctx.userAgent, cluster, operation, target: undefined, input: { cluster }, decision: decisionRecord(currentDecision()) });
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    ctx.logger.error({ err, operation }, 'sensitive read could not be audited');
    throw new GatewayError('AUDIT_UNAVAILABLE', 'the audit log cannot record this read, so the secret was not returned');
  }
}
