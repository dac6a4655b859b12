// A swarm network just created is returned once the allocator has given it its driver
// state (the manager answers `Options: null` until then); local networks are not waited on.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectAllocatedNetwork } from '../../../src/docker/api/networks.ts';
import type { EngineApi } from '../../../src/docker/endpoint.ts';
import type { Network as EngineNetwork } from '../../../src/docker/engine-api/index.ts';

function fakeEngine(answers: Partial<EngineNetwork>[]): EngineApi & { calls: number } {
  const api = {
    calls: 0,
    async request<T>(): Promise<T> {
      const answer = answers[Math.min(api.calls, answers.length - 1)]!;
      api.calls++;
      return { Name: 'n', Id: 'id1', Driver: 'overlay', ...answer } as T;
    },
  };
  return api;
}

test('an unallocated swarm network is read again until its options are there', async () => {
  const options = { encrypted: '', 'com.docker.network.driver.overlay.vxlanid_list': '4097' };
  const api = fakeEngine([{ Scope: 'swarm', Options: null }, { Scope: 'swarm', Options: null }, { Scope: 'swarm', Options: options }]);
  const network = await inspectAllocatedNetwork(api, 'id1');
  assert.deepEqual(network.Options, options);
  assert.equal(api.calls, 3);
});

test('a local network is returned at once', async () => {
  const api = fakeEngine([{ Scope: 'local', Options: null }]);
  const network = await inspectAllocatedNetwork(api, 'id1');
  assert.equal(network.Options, null);
  assert.equal(api.calls, 1);
});
