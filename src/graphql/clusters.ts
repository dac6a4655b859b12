// The gateway's own configuration as GraphQL: clusters and named engines (their endpoints
// only for an unscoped admin).
import type { Resolvers } from '../generated/graphql.ts';
import type { EngineInfo } from '../docker/engine-json.ts';
import { decide } from '../auth/access-decision.ts';
import type { GatewayContext } from './context.ts';

/** Endpoint URLs and socket paths say where the engines are (hosts, ports, files): an unscoped admin's business only. */
function seesEndpoints(ctx: GatewayContext, cluster: string | undefined): boolean {
  return decide(ctx.principal, 'Capability.endpoints', cluster).allowed;
}

export const clusterResolvers: Resolvers = {
  Query: {
    /** Only the clusters some grant of the caller covers: the others are not its business. */
    clusters: (_root, _args, ctx) =>
      ctx.registry.clusterNames().filter((name) => decide(ctx.principal, 'Query.clusters', name).allowed).map((name) => {
        const client = ctx.registry.cluster(name);
        return { name, isDefault: name === ctx.registry.defaultCluster, endpoints: seesEndpoints(ctx, name) ? client.endpoints.map((e) => e.url) : [] };
      }),
    /** Likewise only the engines of clusters where the caller may list engines (one outside any cluster: an all-clusters grant). */
    engines: (_root, _args, ctx) =>
      Promise.all(
        ctx.registry.allEngines().filter((engine) => decide(ctx.principal, 'Query.engines', engine.cluster).allowed).map(async (engine) => {
          const endpoint = seesEndpoints(ctx, engine.cluster) ? engine.endpoint.url : null;
          try {
            const info = await engine.endpoint.request<EngineInfo>({ method: 'GET', path: '/info' });
            return { name: engine.name, endpoint, swarmState: info.Swarm?.LocalNodeState || 'inactive', nodeId: info.Swarm?.NodeID || null };
          } catch {
            return { name: engine.name, endpoint, swarmState: 'unreachable', nodeId: null };
          }
        }),
      ),
  },
};
