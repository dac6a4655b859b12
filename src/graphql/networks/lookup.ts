// Finds the network a reference names (ID, name or unique ID prefix, as `docker network
// inspect` accepts): among the cluster's networks (`loaders.networks()`, without stale local
// copies of removed swarm networks), or as a named engine sees it. Reads, networkConnect,
// networkDisconnect and containerRun all resolve references here, so they agree.
import { inspectNetwork } from '../../docker/api/networks.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import { isNotFound, notFound } from '../../errors/gateway-error.ts';
import type { ContainerHost } from '../containers/container-host.ts';

export async function findNetwork(loaders: ClusterLoaders, ref: string): Promise<EngineNetwork> {
  const network = await loaders.network(ref);
  if (!network) throw notFound('network', ref);
  return network;
}

/**
 * The network as the host's engine sees it, or null. On the manager endpoint, the cluster's
 * list. On a named engine its own local networks come first, because a local name such as
 * "bridge" names a different network on every engine (the manager's "bridge" is not the one
 * a worker's container is attached to); then the swarm's, and last what only that engine
 * knows (a swarm network the cluster's list does not show).
 */
export async function networkOnHost(loaders: ClusterLoaders, host: Pick<ContainerHost, 'api' | 'engine'>, ref: string): Promise<EngineNetwork | null> {
  if (!host.engine) return loaders.network(ref);
  const onEngine = await inspectNetwork(host.api, ref).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err)));
  if (onEngine && onEngine.Scope !== 'swarm') return onEngine;
  return (await loaders.network(ref)) ?? onEngine;
}
