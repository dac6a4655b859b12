// Reads of containers on one engine (`docker ps`, `docker inspect`): the cluster's
// manager endpoint by default, or a configured engine. A label-scoped caller sees only the
// containers in its scope (container-scope.ts); others are answered as missing.
import type { ContainerResolvers, QueryResolvers } from '../../generated/graphql.ts';
import { inspectContainer, listContainers } from '../../docker/api/containers.ts';
import type { ContainerInspect as EngineContainer } from '../../docker/engine-api/index.ts';
import { containerFromInspect, containerFromSummary, isSummaryModel } from '../../docker/model/container.ts';
import { isNotFound, notFound } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';
import { operationScope } from '../access/field-decision.ts';
import { nameKey, paginate } from '../pagination.ts';
import { assertEngineInCluster } from '../access/engine-cluster.ts';
import { containerHost } from './container-host.ts';
import { containerInScope, containersInScope, maskNetworkNames } from './container-scope.ts';

export const containerQueries: Pick<QueryResolvers, 'containers' | 'container'> = {
  async containers(_root, { cluster, engine, filter, first, after }, ctx) {
    assertEngineInCluster(ctx.registry, engine, cluster);
    const host = containerHost(ctx.registry, cluster, engine);
    const summaries = await listContainers(host.api, {
      all: filter?.all ?? false,
      filters: {
        name: filter?.name ? [filter.name] : [],
        label: filter?.label ?? [],
        network: filter?.network ? [filter.network] : [],
      },
    });
    const standaloneOnly = filter?.standaloneOnly ?? true;
    const reachable = await containersInScope(summaries, (s) => s.Labels, operationScope(ctx), () => ctx.loaders(host.cluster));
    const models = reachable.map((s) => containerFromSummary(s, host)).filter((c) => !standaloneOnly || c.taskId === null);
    return paginate(models, (c) => nameKey(c.name, c.id), { first, after });
  },

  async container(_root, { cluster, engine, id }, ctx) {
    assertEngineInCluster(ctx.registry, engine, cluster);
    const host = containerHost(ctx.registry, cluster, engine);
    let json: EngineContainer;
    try {
      json = await inspectContainer(host.api, id);
    } catch (err) {
      if (isNotFound(err)) throw notFound('container', id);
      throw err;
    }
    // Out of the caller's label scope: answered as a missing one.
    if (!(await containerInScope(json.Config?.Labels, operationScope(ctx), () => ctx.loaders(host.cluster)))) throw notFound('container', id);
    return containerFromInspect(json, host);
  },
};

/** Inspects per request (the request's context, which nested fields share) and container, so a field asked twice costs one call. */
const inspections = new WeakMap<Pick<GatewayContext, 'registry'>, Map<string, Promise<EngineContainer>>>();

function inspectOnce(ctx: Pick<GatewayContext, 'registry'>, cluster: string, engine: string | null, id: string): Promise<EngineContainer> {
  let cache = inspections.get(ctx);
  if (!cache) inspections.set(ctx, (cache = new Map()));
  const key = `${engine ?? `cluster:${cluster}`}/${id}`;
  let p = cache.get(key);
  if (!p) {
    p = inspectContainer(containerHost(ctx.registry, cluster, engine).api, id);
    cache.set(key, p);
  }
  return p;
}

export const containerFields: ContainerResolvers = {
  /** The list leaves out aliases; a listed container is inspected when its networks are asked for. */
  async networks(parent, _args, ctx) {
    const readScope = ctx.authority.readScope(parent.cluster);
    if (!isSummaryModel(parent)) return maskNetworkNames(readScope, ctx.loaders(parent.cluster), parent.networks);
    const json = await inspectOnce(ctx, parent.cluster, parent.engine, parent.id);
    return maskNetworkNames(readScope, ctx.loaders(parent.cluster), containerFromInspect(json, { cluster: parent.cluster, engine: parent.engine }).networks);
  },
};
