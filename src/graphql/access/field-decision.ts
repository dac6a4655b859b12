// The access decision of the root field being resolved. The field guard puts it on the
// context it hands that field's resolver (a shallow copy per field: query root fields run
// concurrently on one request context, so the decision cannot live on that one).
import type { AllowedDecision, Scope } from '../../auth/access-decision.ts';
import { GatewayError } from '../../errors/gateway-error.ts';

/** The decision that let the current root field run; FORBIDDEN outside a guarded root field (deny by default). */
export function fieldDecision(ctx: { decision: AllowedDecision | null }): AllowedDecision {
  if (!ctx.decision) throw new GatewayError('FORBIDDEN', 'no access decision was made for this operation');
  return ctx.decision;
}

/** The objects the current root field reaches (its decision's label scope). */
export function operationScope(ctx: { decision: AllowedDecision | null }): Scope {
  return fieldDecision(ctx).scope;
}
