// A swarm that has lost its Raft quorum, seen from the managers the gateway still reaches.
// Without a leader no manager can read cluster state: `GET /nodes` and `/services` answer
// 500 "The swarm does not have a leader", and `GET /swarm` hangs (checked on Engine 20.10).
// `GET /info` is answered from the node's own state and still tells the Raft members it
// knows (`Swarm.RemoteManagers`) and the engine's error, so the quorum can be reported.
import type { ClusterClient } from './cluster-client.ts';
import type { Info, Swarm } from './engine-api/index.ts';
import { QUORUM_LOST_MESSAGE } from './engine-errors.ts';

/** How long an endpoint's `/info` may take while the managers are counted. */
const INFO_TIMEOUT_MS = 2_000;

export interface QuorumLoss {
  /** The engine's message (`Swarm.Error` of `/info`). */
  message: string;
  /** Raft members the reachable manager knows of. */
  managers: number;
  /** Of those, the managers among the cluster's endpoints that answer the gateway. */
  reachableManagers: number;
}

type InfoSwarm = NonNullable<Info['Swarm']> & { Error?: string };

/** The quorum loss `/info` of the cluster shows, or null when it shows none. */
export async function quorumLossOf(client: ClusterClient): Promise<QuorumLoss | null> {
  const info = await client.request<Info>({ method: 'GET', path: '/info' });
  const swarm = info.Swarm as InfoSwarm | undefined;
  if (!swarm?.ControlAvailable || !QUORUM_LOST_MESSAGE.test(swarm.Error ?? '')) return null;
  const members = new Set((swarm.RemoteManagers ?? []).map((m) => m.NodeID));
  // Every endpoint, each asked itself: which of the members the gateway can reach.
  const views = await Promise.all(
    client.endpoints.map((e) => e.request<Info>({ method: 'GET', path: '/info', timeoutMs: INFO_TIMEOUT_MS }).catch(() => null)),
  );
  const reachable = new Set(views.flatMap((v) => (v?.Swarm?.ControlAvailable && v.Swarm.NodeID && members.has(v.Swarm.NodeID) ? [v.Swarm.NodeID] : [])));
  return { message: swarm.Error!, managers: members.size, reachableManagers: reachable.size };
}

/** Each cluster's last `GET /swarm`, to describe the swarm while no manager can read it. */
const lastSwarm = new WeakMap<ClusterClient, Swarm>();

export function rememberSwarm(client: ClusterClient, swarm: Swarm): void {
  const { JoinTokens: _secrets, ...kept } = swarm;
  lastSwarm.set(client, kept);
}

export function lastKnownSwarm(client: ClusterClient): Swarm | undefined {
  return lastSwarm.get(client);
}
