// Thin Engine API calls about swarm services (`docker service ...`). Each takes anything
// that sends Engine requests: a cluster's client (with manager failover) or an endpoint.
import type { Service, ServiceCreateResponse, ServiceSpec, ServiceUpdateResponse } from '../engine-api/index.ts';
import type { EngineApi } from '../endpoint.ts';
import { engineTimestampOf } from '../engine-time.ts';
import { objectPath } from './engine-path.ts';

/** `docker service inspect` (by ID or name; the Engine resolves both). */
export function inspectService(api: EngineApi, ref: string): Promise<Service> {
  return api.request<Service>({ method: 'GET', path: objectPath('service', ref), query: { insertDefaults: false } });
}

/** `docker service ls --filter label=K=V` (every service when no label is given). */
export function listServices(api: EngineApi, labels: string[] = []): Promise<Service[]> {
  const query = labels.length ? { filters: JSON.stringify({ label: labels }) } : undefined;
  return api.request<Service[]>({ method: 'GET', path: '/services', ...(query ? { query } : {}) });
}

/** `POST /services/create` with a body built by src/docker/mapping/service-spec.ts. */
export function createService(api: EngineApi, spec: ServiceSpec): Promise<ServiceCreateResponse> {
  return api.request<ServiceCreateResponse>({ method: 'POST', path: '/services/create', body: spec });
}

/**
 * `POST /services/{id}/update?version=V` with a whole spec (the Engine replaces it).
 * `rollback: 'previous'` makes the Engine restore PreviousSpec, as `docker service
 * rollback` asks it to (the body is then the current spec, unchanged).
 */
export async function updateService(
  api: EngineApi,
  id: string,
  version: number,
  spec: ServiceSpec,
  opts: { rollback?: 'previous' } = {},
): Promise<ServiceUpdateResponse> {
  const result = await api.request<ServiceUpdateResponse | Buffer>({
    method: 'POST',
    path: objectPath('service', id, 'update'),
    query: { version, rollback: opts.rollback },
    body: spec,
  });
  return Buffer.isBuffer(result) ? {} : result;
}

/** `docker service rm`. */
export async function removeService(api: EngineApi, id: string): Promise<void> {
  await api.request<void>({ method: 'DELETE', path: objectPath('service', id) });
}

export interface ServiceLogsOptions {
  /** Lines per task from the end. */
  tail: number;
  /** Only lines after this instant (RFC 3339). */
  since?: string | null;
}

/**
 * `GET /services/{id}/logs` as `docker service logs --tail N --timestamps --details`
 * sends it: the raw body (a multiplexed stream, see src/docker/service-logs.ts).
 */
export async function serviceLogs(api: EngineApi, id: string, opts: ServiceLogsOptions): Promise<Buffer> {
  const body = await api.request<unknown>({
    method: 'GET',
    path: objectPath('service', id, 'logs'),
    query: { stdout: 1, stderr: 1, tail: opts.tail, timestamps: 1, details: 1, since: opts.since ? engineTimestampOf(opts.since) : undefined },
  });
  if (Buffer.isBuffer(body)) return body;
  // docker-modem parses a body that happens to be valid JSON; give it back as text.
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}
