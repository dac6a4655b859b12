// Thin Engine calls for containers. They take any Engine API client: the cluster's
// manager endpoint (a ClusterClient) or one configured engine (an EngineEndpoint),
// because a standalone container lives on one engine, not in the swarm.
import type { ContainerInspect, ContainerSummary } from '../engine-api/index.ts';
import type { EngineApi, StreamingEngineApi } from '../endpoint.ts';
import { engineTimestampOf } from '../engine-time.ts';
import { objectPath } from './engine-path.ts';
import type { ContainerCreateBody, ContainerCreateResponse } from '../engine-api/container-create.ts';
import { checkedReference } from '../../validate/references.ts';

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

/** `docker create --name NAME ...` (`POST /containers/create?name=`): the body from src/docker/mapping/container-create.ts. */
export function createContainer(api: EngineApi, name: string, body: ContainerCreateBody): Promise<ContainerCreateResponse> {
  return api.request<ContainerCreateResponse>({ method: 'POST', path: '/containers/create', query: { name: checkedReference('container', name) }, body });
}

/** `docker start CONTAINER`; the engine answers 304 (no error) for one already running. */
export async function startContainer(api: EngineApi, ref: string): Promise<void> {
  await api.request<unknown>({ method: 'POST', path: objectPath('container', ref, 'start') });
}

/** `docker stop [--time T] CONTAINER`; without a timeout, the container's own (`StopTimeout`, else 10 s). */
export async function stopContainer(api: EngineApi, ref: string, timeoutSeconds: number | null, requestTimeoutMs?: number): Promise<void> {
  await api.request<unknown>({
    method: 'POST',
    path: objectPath('container', ref, 'stop'),
    query: { t: timeoutSeconds ?? undefined },
    ...(requestTimeoutMs !== undefined ? { timeoutMs: requestTimeoutMs } : {}),
  });
}

/** `docker rm [--force] [--volumes] CONTAINER`. */
export async function removeContainer(api: EngineApi, ref: string, opts: { force: boolean; volumes: boolean }): Promise<void> {
  await api.request<unknown>({ method: 'DELETE', path: objectPath('container', ref), query: { force: opts.force, v: opts.volumes } });
}

export interface ContainerLogsQuery {
  /** Lines from the end. */
  tail: number;
  /** Only lines after this instant (RFC 3339). */
  since?: string | null;
  stdout: boolean;
  stderr: boolean;
}

/** `docker logs --tail N [--since T] --timestamps CONTAINER` (`GET /containers/{ref}/logs`): the body as a stream (multiplexed unless the container has a TTY). */
export function containerLogsStream(api: StreamingEngineApi, ref: string, opts: ContainerLogsQuery, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
  return api.stream(
    {
      method: 'GET',
      path: objectPath('container', ref, 'logs'),
      query: { stdout: opts.stdout, stderr: opts.stderr, tail: opts.tail, timestamps: true, since: opts.since ? engineTimestampOf(opts.since) : undefined },
    },
    signal,
  );
}
