// `swarmJoin`: a configured engine joins a cluster's swarm. The gateway reads the join
// token from the cluster itself and hands it to the engine; the token is never returned,
// logged or put in an error (engine errors are scrubbed of it).
import type { MutationResolvers, NodeRole } from '../../generated/graphql.ts';
import type { Logger } from 'pino';
import { engineInfo, inspectSwarm, joinSwarm } from '../../docker/api/swarm.ts';
import { inspectNode, listNodes } from '../../docker/api/nodes.ts';
import type { ClusterClient } from '../../docker/cluster-client.ts';
import type { Node as EngineNode } from '../../docker/engine-api/index.ts';
import { toNodeModel } from '../../docker/model/node.ts';
import type { NodeModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { GatewayError, isNotFound } from '../../errors/gateway-error.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { checkJoinAddresses } from './address-input.ts';
import { refuseIfInSwarm } from './engine-state.ts';
import { withoutSecrets } from './redact-secrets.ts';
import { swarmTarget } from './swarm-target.ts';

type Payload = { node: NodeModel | null; userErrors: UserErrorInit[] };

/** How long to wait for the new node to show up Ready in the managers' node list. */
const APPEAR_TIMEOUT_MS = 30_000;
const POLL_MS = 500;

export const swarmJoin: NonNullable<MutationResolvers['swarmJoin']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'swarmJoin', cluster: input.cluster ?? null, target: input.engine, input }, { node: null }, async () => {
    rejectIfAny(checkJoinAddresses(input));
    const client = ctx.registry.cluster(input.cluster);
    const target = swarmTarget(ctx.registry, { engine: input.engine });
    await refuseIfInSwarm(target.api, `engine "${input.engine}"`, ['input', 'engine'], 'make it leave first (swarmLeave)');

    const role: NodeRole = input.role ?? 'WORKER';
    const swarm = await inspectSwarm(client);
    const token = role === 'MANAGER' ? swarm.JoinTokens?.Manager : swarm.JoinTokens?.Worker;
    if (!token) throw new GatewayError('NOT_A_SWARM_MANAGER', `cluster "${client.name}" did not give its join tokens (is the endpoint a manager?)`);
    const remoteAddrs = input.remoteAddrs?.length ? [...input.remoteAddrs] : await managerAddresses(client);

    try {
      await joinSwarm(target.api, { joinToken: token, remoteAddrs, listenAddr: input.listenAddr, advertiseAddr: input.advertiseAddr, dataPathAddr: input.dataPathAddr });
    } catch (err) {
      throw withoutSecrets(err, [token]);
    }
    const nodeId = (await engineInfo(target.api)).Swarm?.NodeID;
    if (!nodeId) throw new GatewayError('INTERNAL', `engine "${input.engine}" accepted the join but reports no node ID`);
    const node = await nodeAsClusterSeesIt(ctx.logger, client, nodeId);
    return { payload: { node: node ? toNodeModel(client.name, node) : null }, objectIds: [nodeId] };
  });

/** The managers' Raft addresses, leader first, from the nodes list (or `/info` RemoteManagers). */
async function managerAddresses(client: ClusterClient): Promise<string[]> {
  const nodes = await listNodes(client);
  const managers = nodes
    .filter((n) => n.ManagerStatus?.Addr && n.ManagerStatus.Reachability !== 'unreachable')
    .sort((a, b) => Number(b.ManagerStatus?.Leader === true) - Number(a.ManagerStatus?.Leader === true))
    .map((n) => n.ManagerStatus!.Addr!);
  if (managers.length > 0) return managers;
  const info = await engineInfo(client);
  const remote = (info.Swarm?.RemoteManagers ?? []).map((m) => m.Addr);
  if (remote.length > 0) return remote;
  throw new GatewayError('NOT_A_SWARM_MANAGER', `cluster "${client.name}" reports no manager addresses to join through`);
}

/** Waits briefly until the managers list the node as Ready; returns it as last seen. */
async function nodeAsClusterSeesIt(logger: Logger, client: ClusterClient, nodeId: string): Promise<EngineNode | null> {
  const deadline = Date.now() + APPEAR_TIMEOUT_MS;
  let last: EngineNode | null = null;
  for (;;) {
    try {
      last = await inspectNode(client, nodeId);
      if (last.Status.State === 'ready') return last;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (Date.now() > deadline) {
      logger.warn({ nodeId, state: last?.Status.State ?? 'not listed' }, 'joined node not Ready in time; returning it as last seen');
      return last;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
