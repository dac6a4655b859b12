// Rollouts: `rollout(id)`, `Service.rollouts`, `rolloutUpdated(id)` and the Rollout type's
// fields; the mutations that start them are the services' (services/changed-service.ts).
import type { Resolvers } from '../../generated/graphql.ts';
import { rolloutFields } from './rollout-fields.ts';
import { rolloutQuery, serviceRollouts } from './rollout-queries.ts';
import { rolloutSubscription } from './rollout-subscription.ts';

export const rolloutsResolvers: Resolvers = {
  Query: { rollout: rolloutQuery },
  Service: { rollouts: serviceRollouts },
  Rollout: rolloutFields,
  Subscription: rolloutSubscription,
};
