// An engine's own view of the networks (`networks(engine:)`): what `docker network ls` on that
// host lists, its local networks and the swarm networks it has joined. A worker lists a swarm
// network only while a task or container there is attached; a manager also keeps stale local
// copies of swarm networks the swarm no longer has (Docker 20.10's old `ingress`), which are
// left out, as in the cluster's list, by keeping only swarm networks the cluster still has.
import type { Scope } from '../../auth/access-decision.ts';
import { inScope } from '../../auth/access-decision.ts';
import { inspectNetwork, listNetworks } from '../../docker/api/networks.ts';
import type { EngineApi } from '../../docker/endpoint.ts';
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { GatewayContext } from '../context.ts';

/**
 * The engine's networks the read scope reaches: its local ones by their labels, swarm ones
 * when the cluster's (read-scoped) list has them.
 */
export async function engineNetworks(loaders: ClusterLoaders, api: EngineApi, readScope: Scope): Promise<EngineNetwork[]> {
  const [listed, cluster] = await Promise.all([listNetworks(api), loaders.networks()]);
  const swarm = new Set(cluster.map((n) => n.Id));
  return listed.filter((n) => (n.Scope === 'swarm' ? swarm.has(n.Id) : inScope(readScope, n.Labels)));
}

/** Verbose inspects on named engines, once per request, engine and network (a network's containers and peers share one). */
const inspections = new WeakMap<GatewayContext, Map<string, Promise<EngineNetwork>>>();

export function inspectOnEngine(ctx: GatewayContext, engine: string, api: EngineApi, id: string): Promise<EngineNetwork> {
  let cache = inspections.get(ctx);
  if (!cache) inspections.set(ctx, (cache = new Map()));
  const key = `${engine}/${id}`;
  let p = cache.get(key);
  if (!p) {
    p = inspectNetwork(api, id, true);
    cache.set(key, p);
  }
  return p;
}
