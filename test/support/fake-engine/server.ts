// A fake Docker Engine: an in-memory swarm (state.ts) served as the Engine API over HTTP
// on a unix socket in a temp dir, so the real gateway can be tested in-process without
// root or dockerd. Route modules (routes/*.ts) answer as dockerd does for what the gateway
// calls; every request is logged so tests assert what the engine was asked.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DEFAULT_ROUTES } from './routes/index.ts';
import { badRequest, EngineError } from './errors.ts';
import { HANG_UP, Reply, type Handler, type Method, type RecordedRequest, type RouteModule, type Router } from './router.ts';
import { FakeSwarm } from './state.ts';

export { HANG_UP, Reply, type Handler, type Method, type RecordedRequest, type RouteModule, type RouteRequest, type Router } from './router.ts';
export { badRequest, conflict, EngineError, notFound, notInSwarm, outOfSequence } from './errors.ts';

interface Route {
  method: Method;
  pattern: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

function compile(method: Method, pattern: string, handler: Handler): Route {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((seg) => {
      if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(seg.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { method, pattern, regex: new RegExp(`^${source}$`), names, handler };
}

const VERSION_PREFIX = /^\/v1\.\d+(?=\/)/;

export interface FakeEngineOptions {
  /** The swarm to serve; default: a fresh one-manager swarm (FakeSwarm.create). */
  state?: FakeSwarm;
  /** Route modules; default: every module in routes/index.ts. */
  routes?: RouteModule[];
}

export interface FakeEngine {
  /** `unix://<socket>`, for a gateway config's manager or engine URL. */
  readonly url: string;
  readonly socketPath: string;
  readonly state: FakeSwarm;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  /** The requests other than GET/HEAD (what changed, or tried to change, something). */
  writes(): RecordedRequest[];
  /** Forgets the requests logged so far. */
  clearRequests(): void;
  /**
   * Answers `method pattern` with `handler` ahead of the normal routes (to inject a
   * refusal, a conflict, a slow answer); returns a function that removes it.
   */
  override(method: Method, pattern: string, handler: Handler): () => void;
  close(): Promise<void>;
}

export async function startFakeEngine(options: FakeEngineOptions = {}): Promise<FakeEngine> {
  const state = options.state ?? FakeSwarm.create();
  const routes: Route[] = [];
  const overrides: Route[] = [];
  const add = (method: Method) => (pattern: string, handler: Handler) => void routes.push(compile(method, pattern, handler));
  const router: Router = { get: add('GET'), post: add('POST'), delete: add('DELETE'), put: add('PUT'), head: add('HEAD') };
  for (const register of options.routes ?? DEFAULT_ROUTES) register(router);

  const requests: RecordedRequest[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-fake-engine-'));
  const socketPath = path.join(dir, 'engine.sock');

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://engine');
        const pathname = url.pathname.replace(VERSION_PREFIX, '');
        const query = Object.fromEntries(url.searchParams);
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = raw.trim() === '' ? undefined : JSON.parse(raw);
        } catch {
          return send(res, new EngineError(400, 'invalid JSON'));
        }
        const method = (req.method ?? 'GET') as Method;
        const recorded: RecordedRequest = { method, path: pathname, query, body, headers: req.headers };
        requests.push(recorded);
        const match = findRoute([...overrides, ...routes], method, pathname);
        if (!match) return send(res, new EngineError(404, 'page not found'));
        let filters: Record<string, string[]>;
        try {
          filters = parseFilters(query.filters);
        } catch (err) {
          return send(res, err);
        }
        try {
          send(res, await match.route.handler({ ...recorded, params: match.params, filters, state }));
        } catch (err) {
          send(res, err);
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });

  return {
    url: `unix://${socketPath}`,
    socketPath,
    state,
    requests,
    writes: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD'),
    clearRequests: () => void requests.splice(0),
    override(method, pattern, handler) {
      const route = compile(method, pattern, handler);
      overrides.unshift(route);
      return () => {
        const i = overrides.indexOf(route);
        if (i >= 0) overrides.splice(i, 1);
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function findRoute(routes: Route[], method: Method, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = route.regex.exec(pathname);
    if (!m) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
    return { route, params };
  }
  return null;
}

/**
 * The Engine's `filters` parameter: `{"name":{"web":true}}` (the CLI's form) or the older
 * `{"name":["web"]}`; a broken one is a 400, as dockerd answers it.
 */
export function parseFilters(text: string | undefined): Record<string, string[]> {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest(`invalid filter: ${text}`);
  }
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
    if (Array.isArray(values)) out[name] = values.map(String);
    else if (values && typeof values === 'object') out[name] = Object.keys(values).filter((k) => (values as Record<string, unknown>)[k]);
    else throw badRequest(`invalid filter: ${text}`);
  }
  return out;
}

function send(res: http.ServerResponse, result: unknown): void {
  if (result === HANG_UP) {
    res.socket?.destroy();
    return;
  }
  if (result instanceof EngineError) return write(res, result.status, { message: result.message });
  if (result instanceof Error) return write(res, 500, { message: `fake engine: ${result.message}` });
  if (result instanceof Reply) {
    if (result.body instanceof Readable) {
      // A stream (`GET /events` without `until`): open until the engine ends it or the client goes.
      const body = result.body;
      res.writeHead(result.status, { 'content-type': result.contentType });
      res.flushHeaders();
      res.on('close', () => body.destroy());
      body.pipe(res);
      return;
    }
    if (result.contentType === 'application/json') return write(res, result.status, result.body);
    res.writeHead(result.status, { 'content-type': result.contentType });
    res.end(result.body as Buffer | string);
    return;
  }
  write(res, 200, result);
}

function write(res: http.ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(`${JSON.stringify(body)}\n`);
}
