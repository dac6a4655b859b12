// Reads of the swarm: inspect, quorum, and the two secrets (join tokens, unlock key).
import type { QueryResolvers, SwarmResolvers } from '../../generated/graphql.ts';
import { inspectSwarm, swarmUnlockKey } from '../../docker/api/swarm.ts';
import { listNodes } from '../../docker/api/nodes.ts';
import { quorumFromNodes } from '../../docker/model/quorum.ts';
import { toSwarmModel } from '../../docker/model/swarm.ts';
import { engineOfModel } from './swarm-target.ts';
import { auditSensitiveRead } from './sensitive-read.ts';

export const swarmQueries: Pick<QueryResolvers, 'swarm' | 'swarmJoinTokens' | 'swarmUnlockKey'> = {
  async swarm(_root, { cluster }, ctx) {
    const loaders = ctx.loaders(cluster);
    return toSwarmModel(loaders.client.name, await loaders.swarm());
  },

  async swarmJoinTokens(_root, { cluster }, ctx) {
    const client = ctx.registry.cluster(cluster);
    const swarm = await inspectSwarm(client);
    const tokens = swarm.JoinTokens;
    if (!tokens?.Worker || !tokens.Manager) {
      throw new Error(`cluster "${client.name}" answered GET /swarm without join tokens`);
    }
    await auditSensitiveRead(ctx, 'swarmJoinTokens', client.name);
    return { worker: tokens.Worker, manager: tokens.Manager };
  },

  async swarmUnlockKey(_root, { cluster }, ctx) {
    const client = ctx.registry.cluster(cluster);
    const key = await swarmUnlockKey(client);
    await auditSensitiveRead(ctx, 'swarmUnlockKey', client.name);
    return key || null;
  },
};

export const swarmFields: SwarmResolvers = {
  /** A swarm read from a configured engine (swarmInit) takes its nodes from that engine. */
  async quorum(parent, _args, ctx) {
    const engine = engineOfModel(parent);
    const nodes = engine ? await listNodes(ctx.registry.engine(engine).endpoint) : await ctx.loaders(parent.cluster).nodes();
    return quorumFromNodes(nodes);
  },
};
