// The rollout stores' own promises, on memory and PGlite: pages newest first with a cursor,
// a conclusion taken once, no progress written over a conclusion, unknown IDs read as absent.
import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { GatewayError } from '../../../src/errors/gateway-error.ts';
import type { RolloutStore, StoredRollout } from '../../../src/rollouts/rollout-store.ts';
import { progressOf } from '../../../src/rollouts/rollout-store.ts';
import { newRollout } from '../../../src/rollouts/new-rollout.ts';
import type { Service } from '../../../src/docker/engine-api/index.ts';
import { memoryBackend, pgliteBackend } from './backends.ts';

const T0 = Date.parse('2026-12-03T06:00:00Z');

function serviceNamed(id: string, version = 20): Service {
  return {
    ID: id, Version: { Index: version }, CreatedAt: '', UpdatedAt: '',
    Spec: { Name: `svc-${id}`, Labels: { team: 'payments' }, TaskTemplate: {}, Mode: { Replicated: { Replicas: 2 } } },
  } as unknown as Service;
}

function rolloutAt(id: string, serviceId: string, ms: number): StoredRollout {
  return newRollout({ id, cluster: 'c1', kind: 'UPDATE', service: serviceNamed(serviceId), before: null, startedBy: 'oidc:alice', nowMs: ms, deadlineSeconds: 60, nodeCount: 1 });
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

for (const backend of [memoryBackend(), pgliteBackend()]) {
  describe(`rollout store (${backend.name})`, () => {
    let store: RolloutStore;
    beforeEach(async () => {
      store = (await backend.open())();
    });
    after(() => backend.close());

    test('a service\'s rollouts page newest first; after names the last of the previous page', async () => {
      for (let i = 1; i <= 5; i++) await store.insert(rolloutAt(uuid(i), 'svc-a', T0 + i));
      await store.insert(rolloutAt(uuid(9), 'svc-b', T0 + 9));
      const first = await store.listForService('c1', 'svc-a', { first: 2 });
      assert.deepEqual(first.items.map((r) => r.id), [uuid(5), uuid(4)]);
      assert.equal(first.totalCount, 5);
      assert.equal(first.hasNextPage, true);
      const last = await store.listForService('c1', 'svc-a', { first: 2, after: uuid(2) });
      assert.deepEqual(last.items.map((r) => r.id), [uuid(1)]);
      assert.equal(last.hasNextPage, false);
      assert.equal('tracking' in last.items[0]!, false);
      await assert.rejects(store.listForService('c1', 'svc-a', { first: 2, after: uuid(9) }), (e) => e instanceof GatewayError && e.code === 'BAD_REQUEST');
      assert.equal((await store.listForService('c2', 'svc-a', { first: 2 })).totalCount, 0);
    });

    test('latestStart: when the service\'s newest rollout started, null before its first', async () => {
      assert.equal(await store.latestStart('c1', 'svc-a'), null);
      for (let i = 1; i <= 3; i++) await store.insert(rolloutAt(uuid(i), 'svc-a', T0 + i));
      await store.insert(rolloutAt(uuid(9), 'svc-b', T0 + 9));
      assert.equal((await store.latestStart('c1', 'svc-a'))?.getTime(), T0 + 3);
      assert.equal((await store.latestStart('c1', 'svc-b'))?.getTime(), T0 + 9);
    });

    test('a rollout reads back as stored, labels and deadline included; an unknown or malformed ID is absent', async () => {
      const r = rolloutAt(uuid(1), 'svc-a', T0);
      await store.insert(r);
      const back = await store.get(uuid(1));
      assert.deepEqual(back, r);
      assert.equal(back?.deadline.getTime(), T0 + 60_000);
      assert.deepEqual(back?.serviceLabels, { team: 'payments' });
      assert.equal(await store.get(uuid(2)), null);
      assert.equal(await store.get('not-a-uuid'), null);
    });

    test('a conclusion is taken once; progress is not written over it', async () => {
      const r = rolloutAt(uuid(1), 'svc-a', T0);
      await store.insert(r);
      const progress = { ...progressOf(r), status: 'IN_PROGRESS' as const, desired: 2, running: 1 };
      assert.equal(await store.saveProgress(r.id, progress, r.tracking), true);
      assert.equal((await store.get(r.id))?.running, 1);
      const update = { progress: { ...progress, status: 'COMPLETED' as const, running: 2, reason: 'done' }, conclusion: 'SUCCEEDED' as const, tracking: r.tracking, concludedAt: new Date(T0 + 5_000), supersededBy: null };
      assert.equal(await store.conclude(r.id, update), true);
      assert.equal(await store.conclude(r.id, { ...update, conclusion: 'TIMED_OUT' }), false);
      assert.equal(await store.saveProgress(r.id, { ...progress, running: 0 }, r.tracking), false);
      const stored = await store.get(r.id);
      assert.equal(stored?.conclusion, 'SUCCEEDED');
      assert.equal(stored?.running, 2);
      assert.equal(stored?.reason, 'done');
      assert.deepEqual(await store.unconcluded(), []);
    });

    test('unconcluded lists every open rollout, or one service\'s', async () => {
      await store.insert(rolloutAt(uuid(1), 'svc-a', T0));
      await store.insert(rolloutAt(uuid(2), 'svc-b', T0 + 1));
      assert.deepEqual((await store.unconcluded()).map((r) => r.id).sort(), [uuid(1), uuid(2)]);
      assert.deepEqual((await store.unconcluded({ cluster: 'c1', serviceId: 'svc-b' })).map((r) => r.id), [uuid(2)]);
    });
  });
}
