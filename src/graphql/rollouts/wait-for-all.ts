// `wait` on a mutation that starts several rollouts (stackDeploy, secretRotate/configRotate): after runMutation returned
// (the outcome is on record), every rollout followed to its conclusion, at most `wait` seconds,
// as afterWait does for one. A failure to wait is logged and the rollout answered as it was:
// the change itself was made.
import type { GatewayContext } from '../context.ts';
import { toRolloutModel, type RolloutModel } from './rollout-model.ts';

export async function waitForAll(ctx: GatewayContext, rollouts: RolloutModel[], waitSeconds: number | null | undefined): Promise<RolloutModel[]> {
  if (!waitSeconds) return rollouts;
  return Promise.all(
    rollouts.map(async (r) => {
      if (r.conclusion !== null) return r;
      try {
        return toRolloutModel(await ctx.rollouts.waitForConclusion(r.id, waitSeconds * 1000));
      } catch (err) {
        ctx.logger.error({ err, rolloutId: r.id }, 'waiting for a rollout failed');
        return r;
      }
    }),
  );
}
