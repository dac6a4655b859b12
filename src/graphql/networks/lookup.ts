// The networks of a cluster as the gateway shows them, and finding one by what a query
// or mutation names (ID, name or unique ID prefix, as `docker network inspect` accepts).
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { EngineNetwork } from '../../docker/engine-json.ts';
import { notFound } from '../../errors/gateway-error.ts';

/** The cluster's networks (the loaders drop stale local copies of removed swarm networks). */
export function clusterNetworks(loaders: ClusterLoaders): Promise<EngineNetwork[]> {
  return loaders.networks();
}

/** A network by exact ID, then name, then unique ID prefix; null when none matches. */
export function lookupNetwork(loaders: ClusterLoaders, ref: string): Promise<EngineNetwork | null> {
  return loaders.network(ref);
}

export async function findNetwork(loaders: ClusterLoaders, ref: string): Promise<EngineNetwork> {
  const network = await lookupNetwork(loaders, ref);
  if (!network) throw notFound('network', ref);
  return network;
}
