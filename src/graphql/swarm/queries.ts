// Reads of the swarm: inspect, quorum, and the two secrets (join tokens, unlock key).
import type { QueryResolvers, SwarmResolvers } from '../../generated/graphql.ts';
import { inspectSwarm, swarmUnlockKey } from '../../docker/api/swarm.ts';
import { listNodes } from '../../docker/api/nodes.ts';
import { quorumFromNodes, quorumWithoutLeader } from '../../docker/model/quorum.ts';
import { toSwarmModel, UNREAD_SWARM } from '../../docker/model/swarm.ts';
import type { SwarmModel } from '../../docker/model/types.ts';
import { lastKnownSwarm, quorumLossOf, rememberSwarm, type QuorumLoss } from '../../docker/quorum-loss.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { engineOfModel } from './swarm-target.ts';
import { auditSensitiveRead } from './sensitive-read.ts';

/** How long `GET /swarm` may take before the gateway checks whether the quorum is lost. */
const QUORUM_CHECK_AFTER_MS = 1_000;

/** A swarm read while it had no leader carries the managers' view for its quorum. */
type QuorumLossModel = SwarmModel & { quorumLoss?: QuorumLoss };

export const swarmQueries: Pick<QueryResolvers, 'swarm' | 'swarmJoinTokens' | 'swarmUnlockKey'> = {
  async swarm(_root, { cluster }, ctx) {
    const loaders = ctx.loaders(cluster);
    const client = loaders.client;
    const inspected = loaders.swarm().then((swarm) => {
      rememberSwarm(client, swarm);
      return toSwarmModel(client.name, swarm);
    });
    // Without a leader `GET /swarm` hangs until the engine timeout: when it has not answered
    // soon, or failed for that reason, ask a manager's own view (`/info`) whether that is it.
    const viewIfLost = async (): Promise<QuorumLossModel> => {
      const loss = await quorumLossOf(client);
      if (!loss) return inspected;
      return { ...toSwarmModel(client.name, lastKnownSwarm(client) ?? UNREAD_SWARM), quorumLoss: loss };
    };
    const slow = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), QUORUM_CHECK_AFTER_MS).unref());
    try {
      const first = await Promise.race([inspected, slow]);
      return first === 'slow' ? await viewIfLost() : first;
    } catch (err) {
      if (err instanceof GatewayError && err.code === 'SWARM_QUORUM_LOST') return viewIfLost();
      throw err;
    }
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
    const loss = (parent as QuorumLossModel).quorumLoss;
    if (loss) return quorumWithoutLeader(loss.managers, loss.reachableManagers, loss.message);
    const engine = engineOfModel(parent);
    const nodes = engine ? await listNodes(ctx.registry.engine(engine).endpoint) : await ctx.loaders(parent.cluster).nodes();
    return quorumFromNodes(nodes);
  },
};
