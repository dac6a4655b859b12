// The gateway's own configuration as GraphQL: clusters and named engines (their endpoints
// only for an unscoped admin).
import type { EngineSwarmState, Resolvers } from '../generated/graphql.ts';
import type { Info as EngineInfo } from '../docker/engine-api/index.ts';

// Endpoint URLs and socket paths say where the engines are (hosts, ports, files): an
// unscoped admin's business only (`Capability.endpoints`).

export const clusterResolvers: Resolvers = {
  Query: {
    /** Only the clusters some grant of the caller covers: the others are not its business. */
    clusters: (_root, _args, ctx) =>
      ctx.registry.clusterNames().filter((name) => ctx.authority.decide('Query.clusters', name).allowed).map((name) => {
        const client = ctx.registry.cluster(name);
        return { name, isDefault: name === ctx.registry.defaultCluster, endpoints: ctx.authority.can('endpoints', name) ? client.endpoints.map((e) => e.url) : [] };
      }),
    /** Likewise only the engines of clusters where the caller may list engines (one outside any cluster: an all-clusters grant). */
    engines: (_root, _args, ctx) =>
      Promise.all(
        ctx.registry.allEngines().filter((engine) => ctx.authority.decide('Query.engines', engine.cluster).allowed).map(async (engine) => {
          const endpoint = ctx.authority.can('endpoints', engine.cluster) ? engine.endpoint.url : null;
          try {
            const info = await engine.endpoint.request<EngineInfo>({ method: 'GET', path: '/info' });
            return { name: engine.name, endpoint, swarmState: (info.Swarm?.LocalNodeState || 'inactive') as EngineSwarmState, nodeId: info.Swarm?.NodeID || null };
          } catch {
            return { name: engine.name, endpoint, swarmState: 'unreachable' as const, nodeId: null };
          }
        }),
      ),
  },
};
