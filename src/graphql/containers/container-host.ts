// Where a container lives: a configured engine (`engine` argument) or, by default, the
// cluster's manager endpoint. Containers are per engine, so this picks one engine's API.
import type { StreamingEngineApi } from '../../docker/endpoint.ts';
import type { ContainerSource } from '../../docker/model/container.ts';
import type { EngineRegistry } from '../../docker/registry.ts';

export interface ContainerHost extends ContainerSource {
  api: StreamingEngineApi;
}

/** Throws NOT_FOUND for a cluster or engine that is not configured. */
export function containerHost(registry: EngineRegistry, cluster: string | null | undefined, engine: string | null | undefined): ContainerHost {
  if (engine) {
    const named = registry.engine(engine);
    const clusterName = named.cluster ?? registry.cluster(cluster).name;
    return { api: named.endpoint, cluster: clusterName, engine: named.name };
  }
  const client = registry.cluster(cluster);
  return { api: client, cluster: client.name, engine: null };
}
