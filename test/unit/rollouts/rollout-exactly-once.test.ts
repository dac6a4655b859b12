// Two gateway processes on one store: a rollout both track is concluded by one of them and
// its listeners run once in all; a rollout left open by a stopped process is concluded by
// the next one's resume().
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import type { RolloutStore } from '../../../src/rollouts/rollout-store.ts';
import { memoryBackend, pgliteBackend } from './backends.ts';
import { holdTasksStarting, releaseTasks, startTrackerHarness, until, watchUntil, type TrackerHarness } from './tracker-harness.ts';

for (const backend of [memoryBackend(), pgliteBackend()]) {
  describe(`rollouts across processes (${backend.name} store)`, () => {
    let h: TrackerHarness;
    let store: () => RolloutStore;
    beforeEach(async () => {
      h = await startTrackerHarness();
      store = await backend.open();
    });
    afterEach(() => h.close());
    after(() => backend.close());

    const allConcluded = () => [...h.concluded.values()].flat();

    test('two trackers of one rollout: it is concluded once, one process runs the listeners', async () => {
      const a = h.service(store());
      const b = h.service(store());
      const service = await h.createService('raced');
      holdTasksStarting(h.engine, service.ID);
      const started = await a.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      // B learns of it as a second process does: its start-up resume (and a watcher of its own).
      await b.resume();
      await Promise.all([watchUntil(a, started.id, (r) => r.status === 'IN_PROGRESS'), watchUntil(b, started.id, (r) => r.status === 'IN_PROGRESS')]);
      releaseTasks(h.engine, service.ID);
      await Promise.all([watchUntil(a, started.id, (r) => r.status === 'VERIFYING'), watchUntil(b, started.id, (r) => r.status === 'VERIFYING')]);
      // Both see the monitor period pass on the same tick boundary.
      h.clock.ms += 6_000;
      const [fromA, fromB] = await Promise.all([a.waitForConclusion(started.id, 10_000), b.waitForConclusion(started.id, 10_000)]);
      assert.equal(fromA.conclusion, 'SUCCEEDED');
      assert.equal(fromB.conclusion, 'SUCCEEDED');
      assert.equal(fromA.concludedAt?.getTime(), fromB.concludedAt?.getTime());
      await until(() => allConcluded().length > 0);
      // Any late second conclusion would have been told by now: both loops have stopped.
      await Promise.all([a.stop(), b.stop()]);
      assert.deepEqual(allConcluded().map((r) => [r.id, r.conclusion]), [[started.id, 'SUCCEEDED']]);
    });

    test('a start in one process supersedes what another tracks: the other stops and nobody concludes it twice', async () => {
      const a = h.service(store());
      const b = h.service(store());
      const client = h.registry.cluster('fake');
      const service = await h.createService('contested');
      holdTasksStarting(h.engine, service.ID);
      const first = await a.start({ client, kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      await watchUntil(a, first.id, (r) => r.status === 'IN_PROGRESS');
      const second = await b.start({ client, kind: 'UPDATE', service, before: service, startedBy: 'oidc:bob' });
      assert.equal((await a.waitForConclusion(first.id, 10_000)).conclusion, 'SUPERSEDED');
      await until(() => allConcluded().length > 0);
      await Promise.all([a.stop(), b.stop()]);
      assert.deepEqual(allConcluded().map((r) => [r.id, r.conclusion, r.supersededBy]), [[first.id, 'SUPERSEDED', second.id]]);
    });

    test('a rollout left open by a stopped gateway is concluded after the restart (resume)', async () => {
      const before = h.service(store());
      const service = await h.createService('restarted');
      holdTasksStarting(h.engine, service.ID);
      const started = await before.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      await watchUntil(before, started.id, (r) => r.status === 'IN_PROGRESS');
      await before.stop();
      assert.equal((await before.get(started.id))?.concludedAt, null);
      releaseTasks(h.engine, service.ID);

      const after = h.service(store());
      await after.resume();
      const verifying = await watchUntil(after, started.id, (r) => r.status === 'VERIFYING');
      assert.equal(verifying.at(-1)!.running, 1);
      h.clock.ms += 6_000;
      assert.equal((await after.waitForConclusion(started.id, 10_000)).conclusion, 'SUCCEEDED');
      await until(() => allConcluded().length > 0);
      assert.deepEqual(h.concluded.get(before), []);
      assert.deepEqual(h.concluded.get(after)!.map((r) => r.id), [started.id]);
    });
  });
}
