// Reads of secrets and configs: the lists with `docker secret ls --filter` semantics (applied
// here, to the one list of the request), one object, and `usedBy`.
import type { ConfigResolvers, QueryResolvers, SecretResolvers, StoredObjectFilter } from '../../generated/graphql.ts';
import type { Config, Secret } from '../../docker/engine-api/index.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import type { ConfigModel, SecretModel } from '../../docker/model/stored-object.ts';
import { notFound } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';
import { nameKey, paginate } from '../pagination.ts';
import { matchesLabel } from '../networks/network-filter.ts';
import { findInScope, listInScope } from './lookup.ts';
import { CONFIGS, SECRETS, type ReferenceReader, type StoredKindInfo } from './stored-kinds.ts';
import { references } from './usage.ts';

function matchesFilter(o: Secret | Config, filter: StoredObjectFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.name && !o.Spec.Name.includes(filter.name)) return false;
  return (filter.label ?? []).every((selector) => matchesLabel(o.Spec.Labels, selector));
}

async function list<T extends Secret | Config, M extends SecretModel | ConfigModel>(
  ctx: GatewayContext,
  info: StoredKindInfo<T, M>,
  args: { cluster?: string | null; filter?: StoredObjectFilter | null; first?: number | null; after?: string | null },
) {
  const cluster = ctx.loaders(args.cluster).client.name;
  const objects = (await listInScope(ctx, info, cluster, ctx.authority.readScope(cluster))).filter((o) => matchesFilter(o, args.filter));
  return paginate(objects.map((o) => info.toModel(cluster, o)), (m) => nameKey(m.name, m.id), args);
}

async function one<T extends Secret | Config, M extends SecretModel | ConfigModel>(ctx: GatewayContext, info: StoredKindInfo<T, M>, clusterArg: string | null | undefined, id: string): Promise<M> {
  const cluster = ctx.loaders(clusterArg).client.name;
  const found = await findInScope(ctx, info, cluster, ctx.authority.readScope(cluster), id);
  if (!found) throw notFound(info.kind, id);
  return info.toModel(cluster, found);
}

export const storedObjectQueries: Pick<QueryResolvers, 'secrets' | 'secret' | 'configs' | 'config'> = {
  secrets: (_root, args, ctx) => list(ctx, SECRETS, args),
  secret: (_root, { cluster, id }, ctx) => one(ctx, SECRETS, cluster, id),
  configs: (_root, args, ctx) => list(ctx, CONFIGS, args),
  config: (_root, { cluster, id }, ctx) => one(ctx, CONFIGS, cluster, id),
};

/** From the one (read-scoped) service list of the request. */
async function usedBy(ctx: GatewayContext, info: ReferenceReader, parent: SecretModel | ConfigModel) {
  const services = await ctx.loaders(parent.cluster).services();
  return services.filter((s) => references(info, s, parent.id)).map((s) => toServiceModel(parent.cluster, s));
}

export const secretFields: SecretResolvers = {
  usedBy: (parent, _args, ctx) => usedBy(ctx, SECRETS, parent as SecretModel),
};

export const configFields: ConfigResolvers = {
  usedBy: (parent, _args, ctx) => usedBy(ctx, CONFIGS, parent as ConfigModel),
};
