// `rolloutUpdated(id)`: the rollout now, then each change, ending after its conclusion, from
// the one tracker the gateway runs for it (ctx.rollouts.watch), whoever subscribes. The
// caller's right to read it is checked once, first: the labels that decide it are the
// service's at the start and do not change.
import type { Resolvers } from '../../generated/graphql.ts';
import type { RolloutRecord } from '../../rollouts/rollouts.ts';
import { readableRollout } from './readable-rollout.ts';
import { toRolloutModel } from './rollout-model.ts';

export const rolloutSubscription: Resolvers['Subscription'] = {
  rolloutUpdated: {
    subscribe: async (_root, { id }, ctx) => {
      await readableRollout(ctx, id);
      return ctx.rollouts.watch(id);
    },
    resolve: (rollout: RolloutRecord) => toRolloutModel(rollout),
  },
};
