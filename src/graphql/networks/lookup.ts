// Finds the network a query names (ID, name or unique ID prefix, as `docker network
// inspect` accepts) among the cluster's networks (`loaders.networks()`, without stale local
// copies of removed swarm networks).
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import { notFound } from '../../errors/gateway-error.ts';

export async function findNetwork(loaders: ClusterLoaders, ref: string): Promise<EngineNetwork> {
  const network = await loaders.network(ref);
  if (!network) throw notFound('network', ref);
  return network;
}
