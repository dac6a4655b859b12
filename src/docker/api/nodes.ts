// Thin Engine API calls about swarm nodes (`docker node ...`).
import type { EngineNode } from '../engine-json.ts';
import type { EngineApi } from '../endpoint.ts';
import { objectPath } from './engine-path.ts';

export const listNodes = (api: EngineApi): Promise<EngineNode[]> => api.request<EngineNode[]>({ method: 'GET', path: '/nodes' });

export const inspectNode = (api: EngineApi, id: string): Promise<EngineNode> =>
  api.request<EngineNode>({ method: 'GET', path: objectPath('node', id) });

/** `POST /nodes/{id}/update?version=N` with a whole node spec (src/docker/mapping/node-update.ts; the Engine replaces it). */
export const updateNode = (api: EngineApi, id: string, version: number, spec: unknown): Promise<unknown> =>
  api.request<unknown>({ method: 'POST', path: objectPath('node', id, 'update'), query: { version }, body: spec });

export const removeNode = (api: EngineApi, id: string, force: boolean): Promise<unknown> =>
  api.request<unknown>({ method: 'DELETE', path: objectPath('node', id), query: { force } });
