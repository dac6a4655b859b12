// The fake engine's routing vocabulary, shared by the server and the route modules.
import type http from 'node:http';
import type { FakeSwarm } from './state.ts';

export type Method = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'HEAD';

/** One request as the engine received it (path without the `/v1.xx` prefix). */
export interface RecordedRequest {
  method: Method;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export interface RouteRequest extends RecordedRequest {
  /** `:name` segments of the matched pattern, decoded. */
  params: Record<string, string>;
  /** The Engine's JSON `filters` query parameter, as name -> values. */
  filters: Record<string, string[]>;
  state: FakeSwarm;
}

/** What a handler may return besides a plain JSON value. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json',
  ) {}
}

/** Returned by a handler: the connection is closed without an answer (the engine may or may not have acted). */
export const HANG_UP = Symbol('hang up');

/** A route handler: returns JSON (status 200), a Reply, or throws an EngineError. */
export type Handler = (req: RouteRequest) => unknown;

export interface Router {
  get(pattern: string, handler: Handler): void;
  post(pattern: string, handler: Handler): void;
  delete(pattern: string, handler: Handler): void;
  put(pattern: string, handler: Handler): void;
  head(pattern: string, handler: Handler): void;
}

/** A module registering the routes of one resource. */
export type RouteModule = (router: Router) => void;

