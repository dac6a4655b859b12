// `diagnostics(cluster)`: the overlay guide's checks. The swarm is read from the engine;
// nodes, networks and running tasks come from the watched state (or, reading the engine,
// one call each): at most four Engine reads, whatever the size of the swarm.
import type { RequiredPort, Resolvers } from '../../generated/graphql.ts';
import { runDiagnostics, type Port } from '../../docker/diagnostics/index.ts';

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
      const { requiredPorts, checks } = runDiagnostics({ swarm, nodes, networks, tasks });
      return { cluster: loaders.client.name, requiredPorts: requiredPorts.map(toRequiredPort), checks };
    },
  },
};

/** A required port in the schema's words (the protocol as the PortProtocol enum). */
function toRequiredPort(port: Port): RequiredPort {
  return { port: port.port, protocol: port.protocol === 'tcp' ? 'TCP' : 'UDP', purpose: port.purpose };
}
