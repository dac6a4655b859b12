// Raw Engine API calls over the manager's unix socket, with node's own HTTP client and a
// keep-alive agent: the floor any client of the Engine pays, with no gateway in between.
import http from 'node:http';
import { DOCKER_API_VERSION } from '../../test/support/swarm.ts';

export interface EngineHttp {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** The dashboard's raw floor: /services, /tasks, /nodes and /networks, in parallel, parsed. */
  floor(): Promise<void>;
  close(): void;
}

export const FLOOR_PATHS = ['/services', '/tasks', '/nodes', '/networks'];

export function engineHttp(socketPath: string): EngineHttp {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const request = <T>(method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; body: T }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        { socketPath, agent, method, path: `/v${DOCKER_API_VERSION}${path}`, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T });
            } catch (err) {
              reject(new Error(`${method} ${path}: ${res.statusCode} ${text.slice(0, 200)} (${String(err)})`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    request,
    async floor() {
      await Promise.all(FLOOR_PATHS.map((p) => request('GET', p)));
    },
    close: () => agent.destroy(),
  };
}
