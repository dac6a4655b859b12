// Thin Engine API calls about swarm nodes (`docker node ...`).
import type { Node, NodeSpec } from '../engine-api/index.ts';
import type { EngineApi } from '../endpoint.ts';
import { objectPath } from './engine-path.ts';

export const listNodes = (api: EngineApi): Promise<Node[]> => api.request<Node[]>({ method: 'GET', path: '/nodes' });

export const inspectNode = (api: EngineApi, id: string): Promise<Node> =>
  api.request<Node>({ method: 'GET', path: objectPath('node', id) });

/** `POST /nodes/{id}/update?version=N` with a whole node spec (src/docker/mapping/node-update.ts; the Engine replaces it). */
export const updateNode = (api: EngineApi, id: string, version: number, spec: NodeSpec): Promise<void> =>
  api.request<void>({ method: 'POST', path: objectPath('node', id, 'update'), query: { version }, body: spec });

export const removeNode = (api: EngineApi, id: string, force: boolean): Promise<void> =>
  api.request<void>({ method: 'DELETE', path: objectPath('node', id), query: { force } });
