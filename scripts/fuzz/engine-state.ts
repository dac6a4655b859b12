// A fingerprint of what the fuzzer's swarm holds, read from the manager's Engine API
// directly (not through the gateway): services and nodes with their versions, networks,
// the swarm's version. Task and container state, and local networks (docker_gwbridge
// appears with the first task), are left out: they move by themselves.
import http from 'node:http';

function engineGet(socketPath: string, path: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path: `/v1.41${path}`, method: 'GET', timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`engine GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

type Versioned = { ID?: string; Id?: string; Name?: string; Scope?: string; Version?: { Index?: number }; Spec?: unknown };

export async function engineFingerprint(socketPath: string): Promise<string> {
  const [services, networks, nodes, swarm] = (await Promise.all(['/services', '/networks', '/nodes', '/swarm'].map((p) => engineGet(socketPath, p)))) as [Versioned[], Versioned[], Versioned[], Versioned];
  const list = (items: Versioned[], withVersion: boolean) =>
    // An engine that answers an error instead of a list (the swarm is gone) shows as that answer.
    !Array.isArray(items) ? [JSON.stringify(items)] : items.map((i) => `${i.ID ?? i.Id}:${i.Name ?? ''}${withVersion ? `@${i.Version?.Index}` : ''}`).sort();
  return JSON.stringify({ services: list(services, true), networks: list(networks.filter((n) => n.Scope === 'swarm'), false), nodes: !Array.isArray(nodes) ? [JSON.stringify(nodes)] : nodes.map((n) => `${n.ID}:${JSON.stringify(n.Spec)}`).sort(), swarm: swarm.Version?.Index });
}
