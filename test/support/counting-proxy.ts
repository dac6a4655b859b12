// A unix-socket proxy in front of an engine that records each HTTP request line passing
// through, so a test can count the Engine calls a GraphQL query costs, and that can hold
// back the engine's answers: the answer to a request whose line matches `hold` is never
// passed on (the engine has received and acted on the request; the client sees no answer
// and times out), and `holdAll` withholds every answer (an engine that accepts connections
// but answers nothing). Holding makes "the engine may have acted, no answer came" happen
// on purpose.
// It can also cut long-lived streams: `breakStreams` destroys the open connections whose
// latest request is the event stream (`GET .../events`), as a network failure or a manager
// restart would, and `refuse` hangs up on every request matching a pattern before the
// engine sees it, so that a client cannot open such a stream again until it is lifted, and
// `stallStreams` keeps back what the engine sends on event streams (late events).
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REQUEST_LINE = /(?:^|\r\n)((?:GET|POST|PUT|DELETE|HEAD) \S+) HTTP\/1\.[01]\r\n/g;
/** The Engine's event stream: `GET /v1.41/events?filters=...`. */
export const EVENTS_REQUEST = /^GET \S*\/events(\?|$)/;

export interface CountingProxy {
  /** `unix://...` address to configure the gateway with. */
  host: string;
  /** Request lines seen so far, e.g. `GET /services?status=true`. */
  requests: string[];
  /** The same request lines with the time each was seen (Date.now()), in order. */
  timeline: { line: string; at: number }[];
  /** Forgets `requests` and `timeline`. */
  reset(): void;
  /** When the latest request line matching `pattern` was seen (Date.now()), or null; `timeline` only, so since the last reset. */
  lastSeen(pattern: RegExp): number | null;
  /** Answers to requests whose line (`POST /v1.41/networks/create?`) matches are withheld. */
  hold(pattern: RegExp | null): void;
  /** Withholds every answer while true. */
  holdAll(on: boolean): void;
  /** Request lines whose answers were withheld so far. */
  held: string[];
  /**
   * Destroys every open connection whose latest request matches `pattern` (default: the
   * event stream), on both sides; returns how many were cut.
   */
  breakStreams(pattern?: RegExp): number;
  /**
   * While set, a request whose line matches is not passed on: its connection is closed at
   * once (the client sees the socket hang up). null lets such requests through again.
   */
  refuse(pattern: RegExp | null): void;
  /** Request lines refused so far (not in `requests`: the engine never saw them). */
  refused: string[];
  /**
   * While true, what the engine sends on event-stream connections is kept back; set to
   * false, it is passed on in order: events that arrive late, on a stream that stays open.
   */
  stallStreams(on: boolean): void;
  close(): Promise<void>;
}

interface Connection {
  client: net.Socket;
  upstream: net.Socket;
  /** The latest request line sent on this connection (keep-alive connections carry several). */
  lastLine: string | null;
  /** What the engine sent while streams were stalled, not passed on yet. */
  backlog: Buffer[];
}

export async function countingProxy(targetSocket: string): Promise<CountingProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sgp-'));
  const socketPath = path.join(dir, 'proxy.sock');
  const requests: string[] = [];
  const timeline: { line: string; at: number }[] = [];
  const held: string[] = [];
  const refused: string[] = [];
  let pattern: RegExp | null = null;
  let refusing: RegExp | null = null;
  let all = false;
  let stalled = false;
  const isStream = (c: Connection) => c.lastLine !== null && EVENTS_REQUEST.test(c.lastLine);
  const connections = new Set<Connection>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetSocket);
    const conn: Connection = { client, upstream, lastLine: null, backlog: [] };
    connections.add(conn);
    /** Once a held request went through this connection, nothing more comes back on it. */
    let withheld = false;
    const end = () => {
      client.destroy();
      upstream.destroy();
      connections.delete(conn);
    };
    client.on('data', (chunk: Buffer) => {
      const lines = [...chunk.toString('latin1').matchAll(REQUEST_LINE)].map((m) => decodeURIComponent(m[1]!));
      const refusedLine = refusing && lines.find((l) => refusing!.test(l));
      if (refusedLine) {
        refused.push(refusedLine);
        end();
        return;
      }
      for (const line of lines) {
        requests.push(line);
        timeline.push({ line, at: Date.now() });
        conn.lastLine = line;
        if (all || pattern?.test(line)) {
          withheld = true;
          held.push(line);
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (withheld || all) return;
      if (stalled && isStream(conn)) conn.backlog.push(chunk);
      else client.write(chunk);
    });
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    host: `unix://${socketPath}`,
    requests,
    timeline,
    reset: () => {
      requests.splice(0);
      timeline.splice(0);
    },
    lastSeen: (p) => timeline.findLast((t) => p.test(t.line))?.at ?? null,
    held,
    hold: (p) => void (pattern = p),
    holdAll: (on) => void (all = on),
    breakStreams: (streams = EVENTS_REQUEST) => {
      const cut = [...connections].filter((c) => c.lastLine !== null && streams.test(c.lastLine));
      for (const c of cut) {
        c.client.destroy();
        c.upstream.destroy();
        connections.delete(c);
      }
      return cut.length;
    },
    refuse: (p) => void (refusing = p),
    refused,
    stallStreams: (on) => {
      stalled = on;
      if (on) return;
      for (const c of connections) for (const chunk of c.backlog.splice(0)) c.client.write(chunk);
    },
    close: async () => {
      for (const c of connections) {
        c.client.destroy();
        c.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
