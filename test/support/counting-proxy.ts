// A unix-socket proxy in front of an engine that records each HTTP request line passing
// through, so a test can count the Engine calls a GraphQL query costs, and that can hold
// back the engine's answers: the answer to a request whose line matches `hold` is never
// passed on (the engine has received and acted on the request; the client sees no answer
// and times out), and `holdAll` withholds every answer (an engine that accepts connections
// but answers nothing). Holding makes "the engine may have acted, no answer came" happen
// on purpose.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REQUEST_LINE = /(?:^|\r\n)((?:GET|POST|PUT|DELETE|HEAD) \S+) HTTP\/1\.[01]\r\n/g;

export interface CountingProxy {
  /** `unix://...` address to configure the gateway with. */
  host: string;
  /** Request lines seen so far, e.g. `GET /services?status=true`. */
  requests: string[];
  reset(): void;
  /** Answers to requests whose line (`POST /v1.41/networks/create?`) matches are withheld. */
  hold(pattern: RegExp | null): void;
  /** Withholds every answer while true. */
  holdAll(on: boolean): void;
  /** Request lines whose answers were withheld so far. */
  held: string[];
  close(): Promise<void>;
}

export async function countingProxy(targetSocket: string): Promise<CountingProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sgp-'));
  const socketPath = path.join(dir, 'proxy.sock');
  const requests: string[] = [];
  const held: string[] = [];
  let pattern: RegExp | null = null;
  let all = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetSocket);
    sockets.add(client).add(upstream);
    /** Once a held request went through this connection, nothing more comes back on it. */
    let withheld = false;
    client.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) {
        const line = decodeURIComponent(m[1]!);
        requests.push(line);
        if (all || pattern?.test(line)) {
          withheld = true;
          held.push(line);
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!withheld && !all) client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    host: `unix://${socketPath}`,
    requests,
    reset: () => void requests.splice(0),
    held,
    hold: (p) => void (pattern = p),
    holdAll: (on) => void (all = on),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
