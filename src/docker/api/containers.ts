// Thin Engine calls for containers. They take any Engine API client: the cluster's
// manager endpoint (a ClusterClient) or one configured engine (an EngineEndpoint),
// because a standalone container lives on one engine, not in the swarm.
import type { ContainerInspect, ContainerSummary } from '../engine-api/index.ts';
import type { EngineApi } from '../endpoint.ts';
import { objectPath } from './engine-path.ts';

/** Engine filters for `GET /containers/json` (`docker ps --filter`). */
export interface ContainerListFilters {
  name?: string[];
  label?: string[];
  network?: string[];
}

/** `docker ps [--all] [--filter ...]`. */
export function listContainers(api: EngineApi, opts: { all: boolean; filters: ContainerListFilters }): Promise<ContainerSummary[]> {
  const filters = Object.fromEntries(Object.entries(opts.filters).filter(([, v]) => v && v.length > 0));
  return api.request<ContainerSummary[]>({
    method: 'GET',
    path: '/containers/json',
    query: { all: opts.all, filters: Object.keys(filters).length ? JSON.stringify(filters) : undefined },
  });
}

/** `docker inspect CONTAINER` (ID, unambiguous ID prefix, or name); NOT_FOUND when absent. */
export function inspectContainer(api: EngineApi, ref: string): Promise<ContainerInspect> {
  return api.request<ContainerInspect>({ method: 'GET', path: objectPath('container', ref, 'json') });
}
