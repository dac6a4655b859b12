// A unix-socket proxy in front of an engine that records each HTTP request line passing
// through, so a test can count the Engine calls a GraphQL query costs.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REQUEST_LINE = /(?:^|\r\n)(GET|POST|PUT|DELETE|HEAD) (\S+) HTTP\/1\.[01]\r\n/g;

export interface CountingProxy {
  /** `unix://...` address to configure the gateway with. */
  host: string;
  /** Request lines seen so far, e.g. `GET /services?status=true`. */
  requests: string[];
  reset(): void;
  close(): Promise<void>;
}

export async function countingProxy(targetSocket: string): Promise<CountingProxy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sgp-'));
  const socketPath = path.join(dir, 'proxy.sock');
  const requests: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetSocket);
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('latin1').matchAll(REQUEST_LINE)) requests.push(`${m[1]} ${decodeURIComponent(m[2]!)}`);
    });
    client.pipe(upstream).pipe(client);
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
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
