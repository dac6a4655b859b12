// `diagnostics(cluster)`: the overlay guide's checks. Four Engine reads in all (swarm,
// nodes, networks, running tasks), whatever the size of the swarm.
import type { Resolvers } from '../../generated/graphql.ts';
import { runDiagnostics } from '../../docker/diagnostics/index.ts';

export const diagnosticsResolvers: Resolvers = {
  Query: {
    async diagnostics(_root, { cluster }, ctx) {
      const loaders = ctx.loaders(cluster);
      const [swarm, nodes, networks, tasks] = await Promise.all([
        loaders.swarm(),
        loaders.nodes(),
        loaders.networks(),
        loaders.tasks({ 'desired-state': ['running'] }),
      ]);
      return { cluster: loaders.client.name, ...runDiagnostics({ swarm, nodes, networks, tasks }) };
    },
  },
};
