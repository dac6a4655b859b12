// Every Engine API call as a fact for whoever counts or traces them (the gateway's /metrics and
// its spans): its method, its route with every variable part replaced, how it ended and how
// long it took. The route keeps only words of the Engine API's own paths, so no ID or name a
// caller sent can become a metric label or a span attribute (a label per object would grow
// without bound, and would leak names).
import { NOT_SENT_CODES } from './engine-errors.ts';

export interface EngineCall {
  method: string;
  /** The path with every segment that is not an Engine API word as `{id}`: `/services/{id}/update`. */
  route: string;
  /** `ok` (the engine accepted it: 200, 201, 204 or 304), the HTTP status of a refusal, or `timeout`, `unreachable` (never sent), `failed`. */
  outcome: string;
  seconds: number;
}

export type EngineCallListener = (call: EngineCall) => void;

/**
 * Told as a call is sent (synchronously, in the caller's async context, so a tracer can see
 * which request sent it); returns what to tell once it ended. A span per call is one.
 */
export type EngineCallWatcher = (call: Pick<EngineCall, 'method' | 'route'>) => (outcome: string) => void;

/** The listeners of one registry's calls (one per gateway, so two gateways in a process count apart). */
export class EngineCallListeners {
  private readonly listeners = new Set<EngineCallListener>();

  /** Adds a listener; returns its removal. */
  add(listener: EngineCallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private readonly watchers = new Set<EngineCallWatcher>();

  /** Adds a watcher of each call's start and end; returns its removal. */
  watch(watcher: EngineCallWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** A call is being sent: returns what to call with its outcome (emit's listeners are told then too). */
  started(method: string, route: string): (outcome: string, seconds: number) => void {
    const ends: ((outcome: string) => void)[] = [];
    for (const watcher of this.watchers) {
      try {
        ends.push(watcher({ method, route }));
      } catch {
        // ignored: watching is best effort
      }
    }
    return (outcome, seconds) => {
      for (const end of ends) {
        try {
          end(outcome);
        } catch {
          // ignored
        }
      }
      this.emit({ method, route, outcome, seconds });
    };
  }

  emit(call: EngineCall): void {
    // A listener that throws must not fail the request it is told about.
    for (const listener of this.listeners) {
      try {
        listener(call);
      } catch {
        // ignored: counting is best effort
      }
    }
  }
}

/** The path words of the Engine API the gateway may call (moby's api/server/router/*). */
const ROUTE_WORDS = new Set([
  '_ping', 'archive', 'attach', 'changes', 'configs', 'connect', 'containers', 'create', 'demote', 'df', 'disconnect', 'distribution',
  'events', 'exec', 'export', 'history', 'images', 'info', 'init', 'inspect', 'join', 'json', 'kill', 'leave', 'logs', 'networks',
  'nodes', 'pause', 'plugins', 'prune', 'rename', 'resize', 'restart', 'secrets', 'services', 'start', 'stats', 'stop', 'swarm',
  'system', 'tasks', 'top', 'unlock', 'unlockkey', 'unpause', 'update', 'version', 'volumes', 'wait',
]);

/** `/services/abc123/update` -> `/services/{id}/update`; a versioned prefix (`/v1.41`) is dropped. */
export function routeOf(path: string): string {
  const segments = path.split('?')[0]!.split('/').filter((s) => s !== '');
  if (segments[0] && /^v[0-9]+\.[0-9]+$/.test(segments[0])) segments.shift();
  return `/${segments.map((s) => (ROUTE_WORDS.has(s) ? s : '{id}')).join('/')}`;
}

/** How a request ended, from docker-modem's error (undefined: it succeeded; the modem does not say with which status). */
export function outcomeOf(err: unknown): string {
  if (err === undefined || err === null) return 'ok';
  const e = err as { statusCode?: unknown; code?: unknown };
  if (typeof e.statusCode === 'number') return String(e.statusCode);
  if (e.code === 'ETIMEDOUT_GATEWAY') return 'timeout';
  if (typeof e.code === 'string' && NOT_SENT_CODES.has(e.code)) return 'unreachable';
  return 'failed';
}
