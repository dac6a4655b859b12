// The gateway's own configuration as GraphQL: clusters and named engines.
import type { Resolvers } from '../generated/graphql.ts';
import type { EngineInfo } from '../docker/engine-json.ts';

export const clusterResolvers: Resolvers = {
  Query: {
    clusters: (_root, _args, ctx) =>
      ctx.registry.clusterNames().map((name) => {
        const client = ctx.registry.cluster(name);
        return { name, isDefault: name === ctx.registry.defaultCluster, endpoints: client.endpoints.map((e) => e.url) };
      }),
    engines: (_root, _args, ctx) =>
      Promise.all(
        ctx.registry.allEngines().map(async (engine) => {
          try {
            const info = await engine.endpoint.request<EngineInfo>({ method: 'GET', path: '/info' });
            return { name: engine.name, endpoint: engine.endpoint.url, swarmState: info.Swarm?.LocalNodeState || 'inactive', nodeId: info.Swarm?.NodeID || null };
          } catch {
            return { name: engine.name, endpoint: engine.endpoint.url, swarmState: 'unreachable', nodeId: null };
          }
        }),
      ),
  },
};
