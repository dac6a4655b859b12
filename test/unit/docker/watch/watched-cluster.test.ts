// The watched cluster state against a scripted engine (a fake ClusterClient): what it
// serves, when it reads the engine, and when it refuses to serve from memory.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import type { ClusterClient } from '../../../../src/docker/cluster-client.ts';
import { GatewayError } from '../../../../src/errors/gateway-error.ts';
import { WatchedCluster } from '../../../../src/docker/watch/watched-cluster.ts';

interface Scripted {
  services: Map<string, { ID: string; Spec: { Name: string; Labels?: Record<string, string> } }>;
  calls: string[];
  streams: PassThrough[];
  /** When set, `GET /tasks` fails with this error. */
  tasksFail: Error | null;
  /** When set, `GET /events` cannot be opened. */
  eventsRefused: boolean;
}

function scriptedEngine(): { client: ClusterClient; engine: Scripted } {
  const engine: Scripted = { services: new Map(), calls: [], streams: [], tasksFail: null, eventsRefused: false };
  const client = {
    name: 'fake',
    async request({ method, path }: { method: string; path: string }) {
      engine.calls.push(`${method} ${path}`);
      await new Promise((r) => setImmediate(r));
      if (path === '/services') return [...engine.services.values()];
      if (path === '/nodes') return [{ ID: 'n1', Description: { Hostname: 'one' } }];
      if (path === '/networks') return [{ Id: 'net1', Name: 'ingress' }];
      if (path === '/tasks') {
        if (engine.tasksFail) throw engine.tasksFail;
        return [...engine.services.keys()].map((id) => ({ ID: `t-${id}`, ServiceID: id, NodeID: 'n1', DesiredState: 'running', Status: { State: 'running' } }));
      }
      const service = /^\/services\/(.+)$/.exec(path);
      if (service) {
        const found = engine.services.get(service[1]!);
        if (!found) throw new GatewayError('NOT_FOUND', 'no such service');
        return found;
      }
      throw new Error(`unexpected ${path}`);
    },
    async stream({ path }: { path: string }) {
      engine.calls.push(`STREAM ${path}`);
      if (engine.eventsRefused) throw new GatewayError('ENGINE_UNAVAILABLE', 'refused');
      const s = new PassThrough();
      engine.streams.push(s);
      return s;
    },
  } as unknown as ClusterClient;
  return { client, engine };
}

const watchers: WatchedCluster[] = [];
after(() => watchers.forEach((w) => w.close()));

function watcher(client: ClusterClient, taskMaxAgeMs = 60_000): WatchedCluster {
  const w = new WatchedCluster(client, { resyncMs: 600_000, taskMaxAgeMs });
  watchers.push(w);
  return w;
}

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

function serviceEvent(id: string, action: string): string {
  return `${JSON.stringify({ Type: 'service', Action: action, Actor: { ID: id }, time: 1, timeNano: Date.now() * 1e6 })}\n`;
}

test('the first read goes to the engine (null); once the stream is open and listed, reads come from memory without Engine calls', async () => {
  const { client, engine } = scriptedEngine();
  engine.services.set('s1', { ID: 's1', Spec: { Name: 'web' } });
  const w = watcher(client);
  assert.equal(await w.current(), null);
  await until('synced', () => w.synced);
  const first = await w.current();
  assert.deepEqual(first?.services.map((s) => s.ID), ['s1']);
  assert.equal(first?.tasks.byService.get('s1')?.length, 1);
  engine.calls.length = 0;
  for (let i = 0; i < 20; i++) await w.current();
  assert.deepEqual(engine.calls, [], 'reads within the task bound make no Engine call');
});

test('events are applied by inspecting what they name: an update is read back, a removal drops the service', async () => {
  const { client, engine } = scriptedEngine();
  engine.services.set('s1', { ID: 's1', Spec: { Name: 'web' } });
  const w = watcher(client);
  await w.current();
  await until('synced', () => w.synced);
  engine.services.set('s2', { ID: 's2', Spec: { Name: 'api' } });
  engine.streams[0]!.write(serviceEvent('s2', 'create'));
  await until('s2 appears', async () => (await w.current())?.services.some((s) => s.ID === 's2') === true);
  engine.services.delete('s1');
  engine.streams[0]!.write(serviceEvent('s1', 'remove'));
  await until('s1 is gone', async () => (await w.current())?.services.every((s) => s.ID !== 's1') === true);
  assert.ok(engine.calls.includes('GET /services/s2') && engine.calls.includes('GET /services/s1'));
});

test('many concurrent readers share one task poll; an old list is polled again', async () => {
  const { client, engine } = scriptedEngine();
  const w = watcher(client, 50);
  await w.current();
  await until('synced', () => w.synced);
  await new Promise((r) => setTimeout(r, 60));
  engine.calls.length = 0;
  await Promise.all(Array.from({ length: 100 }, () => w.current()));
  assert.deepEqual(engine.calls, ['GET /tasks'], '100 readers, one poll');
});

test('a change through the gateway: the next read waits for a resync started after it and sees the change', async () => {
  const { client, engine } = scriptedEngine();
  const w = watcher(client);
  await w.current();
  await until('synced', () => w.synced);
  engine.services.set('s9', { ID: 's9', Spec: { Name: 'new' } });
  w.changed(); // no event has arrived: only the resync can show it
  const snapshot = await w.current();
  assert.ok(snapshot?.services.some((s) => s.ID === 's9'));
});

test('when the events stream breaks, reads go to the engine until a new stream is open and a resync after it completed', async () => {
  const { client, engine } = scriptedEngine();
  const w = watcher(client);
  await w.current();
  await until('synced', () => w.synced);
  engine.eventsRefused = true;
  engine.streams[0]!.destroy(new Error('connection reset'));
  await until('unsynced', () => !w.synced);
  assert.equal(await w.current(), null, 'no read from memory while no stream is open');
  engine.services.set('late', { ID: 'late', Spec: { Name: 'made-while-down' } });
  const listsBefore = engine.calls.filter((c) => c === 'GET /services').length;
  engine.eventsRefused = false;
  await until('synced again', () => w.synced, 5_000);
  assert.ok(engine.calls.filter((c) => c === 'GET /services').length > listsBefore, 'a full resync after reconnecting');
  assert.ok((await w.current())?.services.some((s) => s.ID === 'late'));
});

test('a failing task poll fails the read (the engine is not answering), it does not serve old state', async () => {
  const { client, engine } = scriptedEngine();
  const w = watcher(client, 20);
  await w.current();
  await until('synced', () => w.synced);
  await new Promise((r) => setTimeout(r, 30));
  engine.tasksFail = new GatewayError('ENGINE_UNAVAILABLE', 'engine timed out');
  await assert.rejects(w.current(), (e: unknown) => e instanceof GatewayError && e.code === 'ENGINE_UNAVAILABLE');
});
