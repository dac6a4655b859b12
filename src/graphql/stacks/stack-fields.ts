// The Stack type's fields: its readable objects from the request's one grouping of the
// cluster (stack-objects.ts), and the latest rollout of each of its services.
import type { StackResolvers } from '../../generated/graphql.ts';
import { toNetworkModel } from '../../docker/model/network.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import { toRolloutModel } from '../rollouts/rollout-model.ts';
import { CONFIGS, SECRETS } from '../secrets/stored-kinds.ts';
import { stackObjects } from './stack-objects.ts';

export const stackFields: StackResolvers = {
  async services(parent, _args, ctx) {
    return (await stackObjects(ctx, parent.cluster, parent.name)).services.map((s) => toServiceModel(parent.cluster, s));
  },
  async networks(parent, _args, ctx) {
    return (await stackObjects(ctx, parent.cluster, parent.name)).networks.map((n) => toNetworkModel(n, parent.cluster, false));
  },
  async secrets(parent, _args, ctx) {
    return (await stackObjects(ctx, parent.cluster, parent.name)).secrets.map((s) => SECRETS.toModel(parent.cluster, s));
  },
  async configs(parent, _args, ctx) {
    return (await stackObjects(ctx, parent.cluster, parent.name)).configs.map((c) => CONFIGS.toModel(parent.cluster, c));
  },
  /** A readable service's rollouts are readable (readable-rollout.ts): one store read per service, its newest. */
  async rollouts(parent, _args, ctx) {
    const { services } = await stackObjects(ctx, parent.cluster, parent.name);
    const pages = await Promise.all(services.map((s) => ctx.rollouts.listForService(parent.cluster, s.ID, { first: 1 })));
    const latest = pages.flatMap((p) => p.items.slice(0, 1));
    latest.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || (a.id < b.id ? 1 : -1));
    return latest.map(toRolloutModel);
  },
};
