// The rollout service over a fake engine, on both stores: tracked to its verdict by the
// cluster's one loop, superseded by a newer start, timed out at its deadline, not concluded
// by an engine that cannot be read, and watched to its end.
import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import type { RolloutStore } from '../../../src/rollouts/rollout-store.ts';
import { HANG_UP } from '../../support/fake-engine/server.ts';
import { memoryBackend, pgliteBackend } from './backends.ts';
import { holdTasksStarting, releaseTasks, startTrackerHarness, until, watchUntil, type TrackerHarness } from './tracker-harness.ts';

for (const backend of [memoryBackend(), pgliteBackend()]) {
  describe(`rollout tracking (${backend.name} store)`, () => {
    let h: TrackerHarness;
    let store: () => RolloutStore;
    beforeEach(async () => {
      h = await startTrackerHarness();
      store = await backend.open();
    });
    afterEach(() => h.close());
    after(() => backend.close());

    test('a create is tracked to SUCCEEDED through VERIFYING, the listener told once', async () => {
      const rollouts = h.service(store());
      const service = await h.createService('web');
      const started = await rollouts.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      assert.equal(started.status, 'QUEUED');
      assert.equal(started.serviceName, 'web');
      assert.equal(started.serviceVersion, service.Version.Index);
      const verifying = await watchUntil(rollouts, started.id, (r) => r.status === 'VERIFYING');
      assert.equal(verifying.at(-1)!.running, 1);
      assert.equal(verifying.at(-1)!.conclusion, null);
      // The monitor period (5 s in the spec) passes on the rollout's clock.
      h.clock.ms += 6_000;
      const done = await rollouts.waitForConclusion(started.id, 10_000);
      assert.equal(done.conclusion, 'SUCCEEDED');
      assert.equal(done.status, 'COMPLETED');
      assert.ok(done.concludedAt);
      assert.deepEqual((await rollouts.get(started.id))?.conclusion, 'SUCCEEDED');
      await until(() => h.concluded.get(rollouts)!.length > 0);
      assert.deepEqual(h.concluded.get(rollouts)!.map((r) => [r.id, r.conclusion]), [[started.id, 'SUCCEEDED']]);
    });

    test('a second start supersedes the service\'s open rollout (exactly once, naming the newer one)', async () => {
      const rollouts = h.service(store());
      const client = h.registry.cluster('fake');
      const service = await h.createService('api');
      holdTasksStarting(h.engine, service.ID);
      const first = await rollouts.start({ client, kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      await watchUntil(rollouts, first.id, (r) => r.status === 'IN_PROGRESS');
      const second = await rollouts.start({ client, kind: 'REDEPLOY', service, before: service, startedBy: 'oidc:bob' });
      const old = await rollouts.get(first.id);
      assert.equal(old?.conclusion, 'SUPERSEDED');
      assert.equal(old?.supersededBy, second.id);
      assert.match(old?.reason ?? '', new RegExp(second.id));
      assert.equal((await rollouts.get(second.id))?.conclusion, null);
      await until(() => h.concluded.get(rollouts)!.length > 0);
      assert.deepEqual(h.concluded.get(rollouts)!.map((r) => [r.id, r.conclusion]), [[first.id, 'SUPERSEDED']]);
      const page = await rollouts.listForService('fake', service.ID, { first: 10 });
      assert.deepEqual(page.items.map((r) => r.id), [second.id, first.id]);
      assert.equal(page.totalCount, 2);
      assert.equal(page.hasNextPage, false);
    });

    test('the deadline concludes TIMED_OUT with what it waited for', async () => {
      const rollouts = h.service(store());
      const service = await h.createService('slow');
      holdTasksStarting(h.engine, service.ID);
      const started = await rollouts.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice', deadlineSeconds: 30 });
      assert.equal(started.deadline.getTime() - started.startedAt.getTime(), 30_000);
      await watchUntil(rollouts, started.id, (r) => r.status === 'IN_PROGRESS');
      h.clock.ms += 31_000;
      const done = await rollouts.waitForConclusion(started.id, 10_000);
      assert.equal(done.conclusion, 'TIMED_OUT');
      assert.ok(done.reason);
    });

    test('an engine that cannot be read concludes nothing; tracking goes on once it answers', async () => {
      const rollouts = h.service(store());
      const service = await h.createService('steady');
      const started = await rollouts.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      await watchUntil(rollouts, started.id, (r) => r.status === 'VERIFYING');
      const restore = h.engine.override('GET', '/nodes', () => HANG_UP);
      const failedReads = h.reads('/nodes');
      // Past the monitor period, but the engine does not answer: no verdict from missing facts.
      h.clock.ms += 6_000;
      await until(() => h.reads('/nodes') >= failedReads + 3);
      assert.equal((await rollouts.get(started.id))?.concludedAt, null);
      restore();
      const done = await rollouts.waitForConclusion(started.id, 10_000);
      assert.equal(done.conclusion, 'SUCCEEDED');
    });

    test('the deadline still holds while the engine cannot be read: TIMED_OUT, saying so', async () => {
      const rollouts = h.service(store());
      const service = await h.createService('unreachable');
      holdTasksStarting(h.engine, service.ID);
      const started = await rollouts.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice', deadlineSeconds: 20 });
      await watchUntil(rollouts, started.id, (r) => r.status === 'IN_PROGRESS');
      h.engine.override('GET', '/tasks', () => HANG_UP);
      h.clock.ms += 21_000;
      const done = await rollouts.waitForConclusion(started.id, 10_000);
      assert.equal(done.conclusion, 'TIMED_OUT');
      assert.match(done.reason ?? '', /engine could not be read/);
    });

    test('a removed service concludes FAILED', async () => {
      const rollouts = h.service(store());
      const service = await h.createService('gone');
      holdTasksStarting(h.engine, service.ID);
      const started = await rollouts.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      await watchUntil(rollouts, started.id, (r) => r.status === 'IN_PROGRESS');
      h.engine.state.removeService(h.engine.state.services.get(service.ID)!);
      const done = await rollouts.waitForConclusion(started.id, 10_000);
      assert.equal(done.conclusion, 'FAILED');
    });

    test('a removed service does not stall the others on its cluster: it concludes FAILED, they go on to their verdict', async () => {
      // dockerd answers GET /tasks with 404 when its service filter names a service that is
      // gone, so one removed service must not make the whole tick unreadable.
      const rollouts = h.service(store());
      const client = h.registry.cluster('fake');
      const gone = await h.createService('removed-one');
      const kept = await h.createService('kept-one');
      holdTasksStarting(h.engine, gone.ID);
      const a = await rollouts.start({ client, kind: 'CREATE', service: gone, before: null, startedBy: 'oidc:alice' });
      const b = await rollouts.start({ client, kind: 'CREATE', service: kept, before: null, startedBy: 'oidc:alice' });
      await watchUntil(rollouts, a.id, (r) => r.status === 'IN_PROGRESS');
      h.engine.state.removeService(h.engine.state.services.get(gone.ID)!);
      const failed = await rollouts.waitForConclusion(a.id, 10_000);
      assert.deepEqual([failed.conclusion, failed.reason], ['FAILED', 'the service was removed']);
      await watchUntil(rollouts, b.id, (r) => r.status === 'VERIFYING');
      h.clock.ms += 6_000;
      assert.equal((await rollouts.waitForConclusion(b.id, 10_000)).conclusion, 'SUCCEEDED');
    });

    test('endWaits: a wait in progress answers at once with the rollout as it stands, and so does a later one', async () => {
      const rollouts = h.service(store());
      const service = await h.createService('held');
      holdTasksStarting(h.engine, service.ID);
      const started = await rollouts.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      const waiting = rollouts.waitForConclusion(started.id, 600_000);
      await watchUntil(rollouts, started.id, (r) => r.status === 'IN_PROGRESS');
      rollouts.endWaits();
      const answered = await Promise.race([waiting, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
      assert.ok(answered, 'the wait answered once the waits were ended');
      assert.deepEqual([answered.id, answered.conclusion], [started.id, null]);
      const later = await Promise.race([rollouts.waitForConclusion(started.id, 600_000), new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
      assert.equal(later?.conclusion, null);
      assert.equal(later?.id, started.id);
    });

    test('watch yields the rollout, each change, and ends after the conclusion; return() ends it at once', async () => {
      const rollouts = h.service(store());
      const service = await h.createService('watched');
      holdTasksStarting(h.engine, service.ID);
      const started = await rollouts.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
      // One watcher stops early: its listener goes with it.
      const early = rollouts.watch(started.id);
      assert.equal((await early.next()).value?.id, started.id);
      assert.deepEqual(await early.return!(), { value: undefined, done: true });
      assert.deepEqual(await early.next(), { value: undefined, done: true });

      const seen: string[] = [];
      const reading = (async () => {
        for await (const r of rollouts.watch(started.id)) seen.push(`${r.status}/${r.conclusion ?? '-'}`);
      })();
      await until(() => seen.includes('IN_PROGRESS/-'));
      releaseTasks(h.engine, service.ID);
      await until(() => seen.includes('VERIFYING/-'));
      h.clock.ms += 6_000;
      await reading; // the loop ends by itself after the conclusion
      assert.equal(seen.at(-1), 'COMPLETED/SUCCEEDED');
      assert.ok(seen.indexOf('IN_PROGRESS/-') < seen.indexOf('VERIFYING/-'));
      assert.equal(rollouts.watchedRollouts, 0);
    });

    test('one loop per cluster: each tick reads the nodes once, the tasks once and each tracked service once', async () => {
      const rollouts = h.service(store());
      const client = h.registry.cluster('fake');
      const a = await h.createService('a');
      const b = await h.createService('b');
      holdTasksStarting(h.engine, a.ID);
      holdTasksStarting(h.engine, b.ID);
      const ra = await rollouts.start({ client, kind: 'CREATE', service: a, before: null, startedBy: 'oidc:alice' });
      const rb = await rollouts.start({ client, kind: 'CREATE', service: b, before: null, startedBy: 'oidc:alice' });
      // Three watchers of one rollout add no reads.
      const watchers = [rollouts.watch(ra.id), rollouts.watch(ra.id), rollouts.watch(rb.id)];
      await Promise.all(watchers.map((w) => w.next()));
      await until(() => h.reads('/nodes') >= 5);
      await rollouts.stop(); // waits for the tick in flight
      const nodes = h.reads('/nodes');
      assert.equal(h.reads('/tasks'), nodes);
      // Each service was also inspected once by the harness, as a mutation reads it back.
      assert.equal(h.reads(`/services/${a.ID}`), nodes + 1);
      assert.equal(h.reads(`/services/${b.ID}`), nodes + 1);
      const tasksQuery = h.engine.requests.find((r) => r.path === '/tasks')!.query;
      assert.deepEqual(JSON.parse(String(tasksQuery.filters)).service.sort(), [a.ID, b.ID].sort());
      await Promise.all(watchers.map((w) => w.return!()));
    });
  });
}
