// ClusterClient's manager failover against fake Engine endpoints: small HTTP servers on
// unix sockets that answer like a manager, a demoted node, or a hung engine.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClusterClient } from '../../../src/docker/cluster-client.ts';
import { EngineRequestError } from '../../../src/docker/engine-errors.ts';
import { GatewayError } from '../../../src/errors/gateway-error.ts';

type Behaviour = 'manager' | 'not-manager' | 'hang' | 'conflict' | 'leaving' | 'no-such-object';

interface FakeEngine {
  url: string;
  requests: string[];
  server: http.Server;
}

const dir = mkdtempSync(path.join(tmpdir(), 'sg-cc-'));
const engines: FakeEngine[] = [];

async function fakeEngine(name: string, behaviour: Behaviour): Promise<FakeEngine> {
  const socket = path.join(dir, `${name}.sock`);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    // The client's own health probes (GET /info, every 2 s) are not counted: tests count what they send.
    if (!req.url?.startsWith('/info')) requests.push(`${req.method} ${req.url?.split('?')[0]}`);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (behaviour === 'hang') return; // never answers
    if (behaviour === 'not-manager') {
      return json(503, { message: 'This node is not a swarm manager. Worker nodes can\'t be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.' });
    }
    if (behaviour === 'conflict') return json(409, { message: 'network with name x already exists' });
    // A dockerd shutting down: its swarm component is gone, so it finds swarm objects nowhere.
    if (behaviour === 'leaving') return req.url?.startsWith('/info') ? json(200, { Swarm: { ControlAvailable: false } }) : json(404, { message: 'network x not found' });
    if (behaviour === 'no-such-object' && !req.url?.startsWith('/info')) return json(404, { message: 'network x not found' });
    if (req.url?.startsWith('/info')) return json(200, { Swarm: { ControlAvailable: true } }); // the health probe
    return json(200, { ID: `swarm-from-${name}`, Version: { Index: 1 } });
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  const engine = { url: `unix://${socket}`, requests, server };
  engines.push(engine);
  return engine;
}

const missing = (name: string) => `unix://${path.join(dir, `${name}-missing.sock`)}`;

// A timeout a loaded machine does not reach for a fake endpoint's answer (300 ms was, for
// a healthy one, once): only the hung endpoint is meant to time out.
function client(urls: string[], timeoutMs = 2_000): ClusterClient {
  return new ClusterClient({ name: 'fake', managers: urls.map((url) => ({ url })) }, timeoutMs);
}

describe('ClusterClient failover (fake endpoints)', () => {
  let manager: FakeEngine;
  let manager2: FakeEngine;
  let demoted: FakeEngine;
  let hung: FakeEngine;
  let conflict: FakeEngine;
  let leaving: FakeEngine;
  let missingObject: FakeEngine;

  before(async () => {
    manager = await fakeEngine('manager', 'manager');
    manager2 = await fakeEngine('manager2', 'manager');
    demoted = await fakeEngine('demoted', 'not-manager');
    hung = await fakeEngine('hung', 'hang');
    conflict = await fakeEngine('conflict', 'conflict');
    leaving = await fakeEngine('leaving', 'leaving');
    missingObject = await fakeEngine('no-such-object', 'no-such-object');
  });

  after(async () => {
    for (const e of engines) {
      e.server.closeAllConnections();
      await new Promise<void>((resolve) => e.server.close(() => resolve()));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('a read skips an endpoint whose socket is missing', async () => {
    const c = client([missing('a'), manager.url]);
    const before = manager.requests.length;
    const swarm = await c.request<{ ID: string }>({ method: 'GET', path: '/swarm' });
    assert.equal(swarm.ID, 'swarm-from-manager');
    await c.request({ method: 'GET', path: '/swarm' });
    assert.equal(manager.requests.length - before, 2);
    c.close();
  });

  test('a node that is no longer a manager is skipped, for reads and writes', async () => {
    const c = client([demoted.url, manager.url]);
    const swarm = await c.request<{ ID: string }>({ method: 'POST', path: '/swarm/update', body: {} });
    assert.equal(swarm.ID, 'swarm-from-manager');
    assert.deepEqual(demoted.requests.slice(-1), ['POST /swarm/update']);
    // The demoted node is marked down: the next request goes to the manager first.
    const seen = demoted.requests.length;
    await c.request({ method: 'GET', path: '/nodes' });
    assert.equal(demoted.requests.length, seen);
    c.close();
  });

  test('a read that timed out is retried on the next endpoint', async () => {
    const c = client([hung.url, manager2.url]);
    const swarm = await c.request<{ ID: string }>({ method: 'GET', path: '/swarm' });
    assert.equal(swarm.ID, 'swarm-from-manager2');
  });

  test('a write that timed out is not sent again elsewhere (it may have been applied)', async () => {
    const c = client([hung.url, manager2.url]);
    const before = manager2.requests.length;
    await assert.rejects(c.request({ method: 'POST', path: '/services/create', body: {} }), (err: unknown) => {
      assert.ok(err instanceof GatewayError);
      assert.equal(err.code, 'ENGINE_UNAVAILABLE');
      assert.match(err.message, /did not answer in time/);
      return true;
    });
    assert.equal(manager2.requests.length, before);
  });

  test('concurrent reads each walk the list: none skips the healthy manager after another one failed over', async () => {
    // Staggered reads all meet the hung first endpoint; the first to give up fails over to
    // the manager. A shared "preferred" index made the later ones start their next attempt
    // past the manager (at the missing endpoint, then the hung one again) and fail.
    // A timeout that a busy machine (the unit suite runs files in parallel) does not reach for the manager's answer.
    const c = client([hung.url, manager.url, missing('f')], 1_000);
    const reads = Array.from({ length: 8 }, (_, i) =>
      new Promise((r) => setTimeout(r, i * 25)).then(() => c.request<{ ID: string }>({ method: 'GET', path: '/swarm' })),
    );
    const results = await Promise.allSettled(reads);
    assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value.ID : String(r.reason))), Array(8).fill('swarm-from-manager'));
    c.close();
  });

  test('an endpoint that timed out is marked down: the next write goes to the next manager first', async () => {
    const c = client([hung.url, manager2.url]);
    await assert.rejects(c.request({ method: 'POST', path: '/services/create', body: {} }), (err: unknown) => err instanceof GatewayError && err.code === 'ENGINE_UNAVAILABLE');
    const writesToHung = () => hung.requests.filter((r) => r.startsWith('POST ')).length;
    const hungBefore = writesToHung();
    const answered = await c.request<{ ID: string }>({ method: 'POST', path: '/services/create', body: {} });
    assert.equal(answered.ID, 'swarm-from-manager2');
    assert.equal(writesToHung(), hungBefore);
    c.close();
  });

  test('a 404 from a node that is no working manager now (shutting down) is failed over, for reads and writes', async () => {
    const c = client([leaving.url, manager.url]);
    assert.equal((await c.request<{ ID: string }>({ method: 'GET', path: '/networks/x' })).ID, 'swarm-from-manager');
    assert.equal((await client([leaving.url, manager.url]).request<{ ID: string }>({ method: 'DELETE', path: '/networks/x' })).ID, 'swarm-from-manager');
    // A working manager's 404 is the answer.
    await assert.rejects(client([missingObject.url, manager.url]).request({ method: 'GET', path: '/networks/x' }), (err: unknown) => err instanceof GatewayError && err.code === 'NOT_FOUND');
    c.close();
  });

  test("an engine's own refusal (409) is returned, not failed over", async () => {
    const c = client([conflict.url, manager.url]);
    const before = manager.requests.length;
    await assert.rejects(c.request({ method: 'POST', path: '/networks/create', body: {} }), (err: unknown) => {
      assert.ok(err instanceof EngineRequestError);
      assert.equal(err.status, 409);
      return true;
    });
    assert.equal(manager.requests.length, before);
  });

  test('no endpoint answering: ENGINE_UNAVAILABLE naming the cluster', async () => {
    const c = client([missing('b'), missing('c')]);
    await assert.rejects(c.request({ method: 'GET', path: '/swarm' }), (err: unknown) => {
      assert.ok(err instanceof GatewayError);
      assert.equal(err.code, 'ENGINE_UNAVAILABLE');
      assert.match(err.message, /no manager endpoint of cluster "fake" answered/);
      return true;
    });
  });

  test('a single endpoint that is not a manager: NOT_A_SWARM_MANAGER', async () => {
    const c = client([demoted.url]);
    await assert.rejects(c.request({ method: 'GET', path: '/swarm' }), (err: unknown) => err instanceof GatewayError && err.code === 'NOT_A_SWARM_MANAGER');
  });

  test('ready() is true when some endpoint answers as a manager, false otherwise', async () => {
    assert.equal(await client([missing('d'), demoted.url, manager.url]).ready(), true);
    assert.equal(await client([missing('e'), demoted.url]).ready(), false);
  });
});
