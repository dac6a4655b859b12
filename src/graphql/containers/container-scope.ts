// Which containers a label-scoped caller reaches. Containers are read from engines, not
// through the cluster's loaders, so the scope is applied here: a container is in scope
// when its own labels match (a standalone container started with `--label team=payments`),
// or when it is a task of a service in scope (swarm puts `com.docker.swarm.service.id` on
// every task's container). Anything else is treated as absent.
import { inScope, type Scope } from '../../auth/access-decision.ts';
import { listContainers } from '../../docker/api/containers.ts';
import type { ContainerSummary as EngineContainerSummary } from '../../docker/engine-api/index.ts';
import type { EngineApi } from '../../docker/endpoint.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { PREDEFINED_NETWORKS } from '../../docker/model/network.ts';
import type { ContainerNetworkAttachment, NetworkContainer } from '../../generated/graphql.ts';

type Labels = Record<string, string> | null | undefined;

export const SERVICE_ID_LABEL = 'com.docker.swarm.service.id';

/**
 * The items whose container labels are in `scope`. The services of `loaders` (the
 * cluster the containers belong to) are listed only when a task container needs them.
 */
export async function containersInScope<T>(items: readonly T[], labelsOf: (item: T) => Labels, scope: Scope, loaders: () => ClusterLoaders): Promise<T[]> {
  if (scope.all) return [...items];
  const needService = items.some((i) => !inScope(scope, labelsOf(i)) && labelsOf(i)?.[SERVICE_ID_LABEL]);
  const services = needService ? new Map((await loaders().services()).map((s) => [s.ID, s.Spec.Labels])) : new Map<string, Labels>();
  return items.filter((i) => {
    const labels = labelsOf(i);
    if (inScope(scope, labels)) return true;
    const serviceId = labels?.[SERVICE_ID_LABEL];
    return serviceId !== undefined && services.has(serviceId) && inScope(scope, services.get(serviceId));
  });
}

export async function containerInScope(labels: Labels, scope: Scope, loaders: () => ClusterLoaders): Promise<boolean> {
  return (await containersInScope([labels], (l) => l, scope, loaders)).length === 1;
}

/** An engine's containers, listed once per request, cluster and engine (labels for Network.containers): the loaders are per request and cluster. */
const engineContainers = new WeakMap<ClusterLoaders, Map<EngineApi, Promise<EngineContainerSummary[]>>>();

function containersOfEngine(loaders: ClusterLoaders, api: EngineApi): Promise<EngineContainerSummary[]> {
  let lists = engineContainers.get(loaders);
  if (!lists) engineContainers.set(loaders, (lists = new Map()));
  let list = lists.get(api);
  if (!list) {
    list = listContainers(api, { all: true, filters: {} });
    lists.set(api, list);
  }
  return list;
}

/** A container ID, as opposed to the network's own endpoints (`lb-<network>`, `ingress-sbox`). */
const CONTAINER_ID = /^[0-9a-f]{64}$/;

/**
 * Network.containers for the caller: to a label-scoped reader, the containers in its read
 * scope (`readScope`, on the loaders' cluster), their labels read from the engine that
 * answered (`api`: the manager endpoint, or a named engine); the network's own endpoints
 * stay. Unscoped readers cost no extra call.
 */
export async function networkContainersInScope(
  readScope: Scope,
  loaders: ClusterLoaders,
  containers: NetworkContainer[],
  api: EngineApi = loaders.client,
): Promise<NetworkContainer[]> {
  if (readScope.all || containers.length === 0) return containers;
  const labels = new Map((await containersOfEngine(loaders, api)).map((c) => [c.Id, c.Labels]));
  const visible = new Set(
    (await containersInScope([...labels.keys()], (id) => labels.get(id), readScope, () => loaders)),
  );
  return containers.filter((c) => !CONTAINER_ID.test(c.id) || visible.has(c.id));
}

/**
 * An in-scope object's attachments may name networks the caller cannot read: to a
 * label-scoped reader (`readScope`, on the loaders' cluster), those show their ID in place
 * of their name (the pre-defined `bridge`, `host` and `none`, the same on every engine, keep theirs).
 */
export async function maskNetworkNames<A extends Pick<ContainerNetworkAttachment, 'networkId' | 'networkName'>>(
  readScope: Scope,
  loaders: ClusterLoaders,
  attachments: A[],
): Promise<A[]> {
  if (readScope.all || attachments.length === 0) return attachments;
  const readable = new Set((await loaders.networks()).map((n) => n.Id));
  return attachments.map((a) => (readable.has(a.networkId) || PREDEFINED_NETWORKS.has(a.networkName) ? a : { ...a, networkName: a.networkId }));
}
