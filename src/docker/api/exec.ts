// Thin Engine calls for exec instances (`docker exec`): create one in a container, start it
// attached (its output as a stream), inspect it for its exit code.
import type { ExecCreateBody, ExecCreateResponse, ExecInspect, ExecStartBody } from '../engine-api/index.ts';
import type { EngineApi, StreamingEngineApi } from '../endpoint.ts';
import { objectPath } from './engine-path.ts';

/** `POST /containers/{ref}/exec`: creates the instance; nothing runs yet. */
export function createExec(api: EngineApi, container: string, body: ExecCreateBody): Promise<ExecCreateResponse> {
  return api.request<ExecCreateResponse>({ method: 'POST', path: objectPath('container', container, 'exec'), body });
}

/** `POST /exec/{id}/start` attached: the multiplexed output, until the command ends (or `signal` stops the reading). */
export function startExec(api: StreamingEngineApi, id: string, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
  const body: ExecStartBody = { Detach: false, Tty: false };
  return api.stream({ method: 'POST', path: objectPath('exec', id, 'start'), body }, signal);
}

/** `GET /exec/{id}/json`. */
export function inspectExec(api: EngineApi, id: string): Promise<ExecInspect> {
  return api.request<ExecInspect>({ method: 'GET', path: objectPath('exec', id, 'json') });
}
