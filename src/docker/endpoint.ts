// One Engine API endpoint (a unix socket or tcp+TLS address) with a per-request timeout.
// All calls go through `request`, so errors and timeouts are handled in one place.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import type DockerModem from 'docker-modem';
import Docker from 'dockerode';
import type { EndpointOptions } from './connection-options.ts';
import { outcomeOf, routeOf, type EngineCallListeners } from './engine-calls.ts';
import { mapEngineError } from './engine-errors.ts';

export interface EngineRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  /** Path without query, e.g. `/networks/create`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Headers such as X-Registry-Auth. */
  headers?: Record<string, string>;
  /** Overrides the endpoint's timeout for slow calls (swarm join, leave). */
  timeoutMs?: number;
}

/** Anything that sends Engine requests: one endpoint, or a cluster's client with failover. */
export interface EngineApi {
  request<T>(req: EngineRequest): Promise<T>;
}

/** One that also opens streaming responses (an endpoint, or a cluster's client): container logs and exec output are read as they come. */
export interface StreamingEngineApi extends EngineApi {
  stream(req: EngineRequest, signal: AbortSignal): Promise<NodeJS.ReadableStream>;
}

/** The one method of docker-modem the gateway uses (dockerode's own modem). */
type Modem = Pick<DockerModem, 'dial'>;

/**
 * No redirect is followed. docker-modem sends requests through its own wrapper of Node's
 * http/https that follows up to five redirects to wherever the Location says: dockerd
 * answers a path with ".." or "//" with a 301 whose cleaned path's first segment then
 * becomes a TCP host, the follow-up's errors have no listener (the process ends), and a
 * Location with another scheme throws inside the response handler. The modem takes no
 * option for it, so its wrapper is replaced by Node's own modules (resolved through
 * dockerode, so that it is the modem dockerode uses): a 3xx then reaches the modem as any
 * other status it was not told to accept, and engine-errors.ts reports it.
 */
const requireFromDockerode = createRequire(createRequire(import.meta.url).resolve('dockerode'));
Object.assign(requireFromDockerode('docker-modem/lib/http.js') as object, { http, https });

/** Every status the Engine may answer; docker-modem rejects those not listed as `true`. */
const OK_STATUS: Record<number, boolean | string> = { 200: true, 201: true, 204: true, 304: true };

export class EngineEndpoint {
  readonly url: string;
  readonly timeoutMs: number;
  private readonly modem: Modem;

  private readonly calls: EngineCallListeners | undefined;

  /** `calls` hears of every request this endpoint sends (the registry's, for /metrics). */
  constructor(config: EndpointOptions, timeoutMs: number, calls?: EngineCallListeners) {
    this.url = config.url;
    this.timeoutMs = timeoutMs;
    this.calls = calls;
    const docker = new Docker(dockerOptions(config));
    this.modem = docker.modem;
  }

  /**
   * Opens a long-lived streaming response (events, followed logs). The timeout covers only
   * the wait for the response headers; the stream then lasts until `signal` aborts.
   */
  stream(req: EngineRequest, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
    return send<NodeJS.ReadableStream>(this.modem, this.url, req, req.timeoutMs ?? this.timeoutMs, signal, this.observer(req));
  }

  /** Sends one request; resolves with parsed JSON (or a Buffer for non-JSON bodies). */
  request<T>(req: EngineRequest): Promise<T> {
    return send<T>(this.modem, this.url, req, req.timeoutMs ?? this.timeoutMs, undefined, this.observer(req));
  }

  private observer(req: EngineRequest): SendObserver | undefined {
    const calls = this.calls;
    if (!calls) return undefined;
    const started = performance.now();
    return (outcome) => calls.emit({ method: req.method, route: routeOf(req.path), outcome, seconds: (performance.now() - started) / 1000 });
  }
}

/** Told once how a request ended (engine-calls.ts outcomeOf): for a stream, when its headers came. */
export type SendObserver = (outcome: string) => void;

/**
 * The one way a request reaches an engine: the query without undefined values, a body sent
 * as JSON, a timeout that aborts the request and reports ETIMEDOUT_GATEWAY (so the caller
 * learns the request may have been sent), and every failure mapped by engine-errors.ts.
 * With `streamUntil` the response is a stream, and the signal aborts it later; the timeout
 * then covers only the wait for the response headers.
 */
export function send<T>(modem: Modem, url: string, req: EngineRequest, timeoutMs: number, streamUntil?: AbortSignal, observe?: SendObserver): Promise<T> {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) query[k] = String(v);
  const hasBody = req.body !== undefined;
  return new Promise<T>((resolve, reject) => {
    const controller = new AbortController();
    const abort = () => controller.abort();
    streamUntil?.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(() => {
      controller.abort();
      observe?.(outcomeOf({ code: 'ETIMEDOUT_GATEWAY' }));
      reject(mapEngineError(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_GATEWAY' }), url));
    }, timeoutMs);
    modem.dial(
      {
        path: `${req.path}?`,
        method: req.method,
        options: { _query: query, ...(hasBody ? { _body: req.body } : streamUntil ? {} : { _body: {} }) },
        ...(streamUntil ? { isStream: true } : { allowEmpty: hasBody }),
        headers: hasBody ? { 'Content-Type': 'application/json', ...req.headers } : req.headers,
        statusCodes: OK_STATUS,
        abortSignal: controller.signal,
      },
      (err, data) => {
        clearTimeout(timer);
        if (err) {
          streamUntil?.removeEventListener('abort', abort);
          // Aborted: the timeout has answered already, or the stream's reader went away.
          if (!controller.signal.aborted) {
            observe?.(outcomeOf(err));
            reject(mapEngineError(err, url));
          }
          return;
        }
        if (!controller.signal.aborted) observe?.(outcomeOf(undefined));
        // After a timeout this settles nothing: the promise was rejected already.
        resolve(data as T);
      },
    );
  });
}

function dockerOptions(config: EndpointOptions): Docker.DockerOptions {
  const url = new URL(config.url);
  if (url.protocol === 'unix:') return { socketPath: url.pathname };
  const tls = config.tls;
  return {
    host: url.hostname,
    port: Number(url.port),
    protocol: tls ? 'https' : 'http',
    ...(tls ? { ca: readFileSync(tls.ca), cert: readFileSync(tls.cert), key: readFileSync(tls.key) } : {}),
  };
}
