// Rollout fields beyond the stored record: the service as it is now.
import type { RolloutResolvers } from '../../generated/graphql.ts';
import { isNotFound } from '../../errors/gateway-error.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import type { RolloutModel } from './rollout-model.ts';

export const rolloutFields: RolloutResolvers = {
  /** Through the request's loaders (the caller's read scope): null once removed, out of scope, or its cluster is no longer configured. */
  async service(parent, _args, ctx) {
    const { cluster, serviceId } = parent as RolloutModel;
    try {
      const service = await ctx.loaders(cluster).service(serviceId);
      return service ? toServiceModel(cluster, service) : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  },
};
