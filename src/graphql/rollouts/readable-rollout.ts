// Who may read a rollout: whoever may read its service on its cluster. The service may be gone,
// so the decision uses the labels the service had when the rollout started (kept with it),
// under the caller's read scope there (the one that filters every service list and lookup).
// A rollout the caller may not read is NOT_FOUND, exactly as one that does not exist.
import { inScope } from '../../auth/access-decision.ts';
import { notFound } from '../../errors/gateway-error.ts';
import type { RolloutRecord } from '../../rollouts/rollouts.ts';
import type { GatewayContext } from '../context.ts';

export function mayReadRollout(ctx: Pick<GatewayContext, 'authority'>, rollout: Pick<RolloutRecord, 'cluster' | 'serviceLabels'>): boolean {
  return inScope(ctx.authority.readScope(rollout.cluster), rollout.serviceLabels);
}

/** The rollout `id`, if the caller may read it; NOT_FOUND otherwise (any text: the store answers null for one that is not a UUID). */
export async function readableRollout(ctx: Pick<GatewayContext, 'authority' | 'rollouts'>, id: string): Promise<RolloutRecord> {
  const rollout = await ctx.rollouts.get(id);
  if (!rollout || !mayReadRollout(ctx, rollout)) throw notFound('rollout', id);
  return rollout;
}
