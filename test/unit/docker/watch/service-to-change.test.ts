// How a mutation finds the service it changes by name: the watched state's ID for that
// name, inspected and trusted only while it still has the name; otherwise the engine's list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClusterClient } from '../../../../src/docker/cluster-client.ts';
import { ClusterLoaders } from '../../../../src/docker/loaders.ts';
import type { WatchedCluster } from '../../../../src/docker/watch/watched-cluster.ts';
import { GatewayError } from '../../../../src/errors/gateway-error.ts';

type Svc = { ID: string; Spec: { Name: string } };

function engineWith(services: Svc[], calls: string[]): ClusterClient {
  return {
    name: 'c',
    async request({ path }: { path: string }) {
      calls.push(path);
      if (path === '/services') return services;
      const found = services.find((s) => path === `/services/${s.ID}`);
      if (found) return found;
      throw new GatewayError('NOT_FOUND', 'no such service');
    },
  } as unknown as ClusterClient;
}

const hinting = (id: string | null) => ({ serviceIdNamed: () => id, changed() {}, current: async () => null }) as unknown as WatchedCluster;

test('a name the watched state knows costs one inspect and no service list', async () => {
  const calls: string[] = [];
  const loaders = new ClusterLoaders(engineWith([{ ID: 'a1', Spec: { Name: 'web' } }], calls), null, hinting('a1'));
  loaders.readEngine();
  assert.equal((await loaders.serviceToChange('web'))?.ID, 'a1');
  assert.deepEqual(calls, ['/services/a1']);
});

test('a hint gone stale (removed, or the name now another service\'s) falls back to the engine\'s list', async () => {
  for (const engine of [
    [{ ID: 'b2', Spec: { Name: 'web' } }], // a1 removed, web made again as b2
    [{ ID: 'a1', Spec: { Name: 'old-web' } }, { ID: 'b2', Spec: { Name: 'web' } }], // a1 is named otherwise now
  ]) {
    const calls: string[] = [];
    const loaders = new ClusterLoaders(engineWith(engine, calls), null, hinting('a1'));
    loaders.readEngine();
    assert.equal((await loaders.serviceToChange('web'))?.ID, 'b2');
    assert.deepEqual(calls, ['/services/a1', '/services', '/services/b2']);
  }
});

test('a name the watched state does not know is found in the engine\'s list', async () => {
  const calls: string[] = [];
  const loaders = new ClusterLoaders(engineWith([{ ID: 'c3', Spec: { Name: 'fresh' } }], calls), null, hinting(null));
  loaders.readEngine();
  assert.equal((await loaders.serviceToChange('fresh'))?.ID, 'c3');
  assert.deepEqual(calls, ['/services', '/services/c3']);
});
