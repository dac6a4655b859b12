// Three gateway processes on one store, with the background-job leadership faked: only the
// leader of rollout-tracking resumes the rollouts left open (src/http/rollout-resumption.ts),
// the others leave them alone; when leadership moves, the new leader concludes what is still
// open, exactly once in all.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { after, afterEach, beforeEach, describe, test } from 'node:test';
import pino from 'pino';
import type { Leadership } from '../../../src/db/leadership.ts';
import { resumeRolloutsWhileLeading, ROLLOUT_TRACKING_JOB, type RolloutResumption } from '../../../src/http/rollout-resumption.ts';
import type { RolloutStore } from '../../../src/rollouts/rollout-store.ts';
import { newRollout } from '../../../src/rollouts/new-rollout.ts';
import { RolloutService } from '../../../src/rollouts/rollout-service.ts';
import { pgliteBackend } from './backends.ts';
import { holdTasksStarting, releaseTasks, startTrackerHarness, until, watchUntil, type TrackerHarness } from './tracker-harness.ts';

/** A leadership the test hands over: `give()` makes this process the leader and tells its listeners. */
function fakeLeadership(leading: boolean): Pick<Leadership, 'leads' | 'onGained'> & { give(): void; take(): void } {
  const listeners: ((job: string) => void)[] = [];
  let leads = leading;
  return {
    leads: (job) => leads && job === ROLLOUT_TRACKING_JOB,
    onGained: (listener) => void listeners.push(listener),
    give() {
      leads = true;
      for (const l of listeners) l(ROLLOUT_TRACKING_JOB);
    },
    take() {
      leads = false;
    },
  };
}

const backend = pgliteBackend();
describe('rollout tracking under the background-job leadership (three processes, one database)', () => {
  let h: TrackerHarness;
  let store: () => RolloutStore;
  const resumptions: RolloutResumption[] = [];
  beforeEach(async () => {
    h = await startTrackerHarness();
    store = await backend.open();
  });
  afterEach(async () => {
    for (const r of resumptions.splice(0)) r.stop();
    await h.close();
  });
  after(() => backend.close());

  /** A rollout started by a process that then stopped: open in the store, tracked by nobody. */
  const leftOpen = async (name: string) => {
    const gone = h.service(store());
    const service = await h.createService(name);
    holdTasksStarting(h.engine, service.ID);
    const started = await gone.start({ client: h.registry.cluster('fake'), kind: 'CREATE', service, before: null, startedBy: 'oidc:alice' });
    await watchUntil(gone, started.id, (r) => r.status === 'IN_PROGRESS');
    await gone.stop();
    return { id: started.id, serviceId: service.ID, gone };
  };
  const process = async (leading: boolean, rescanMs = 20) => {
    const rollouts = h.service(store());
    const leadership = fakeLeadership(leading);
    resumptions.push(await resumeRolloutsWhileLeading(rollouts, leadership, pino({ level: 'silent' }), rescanMs));
    return { rollouts, leadership };
  };
  const concludedBy = (services: RolloutService[]) => services.map((s) => h.concluded.get(s)!.map((r) => [r.id, r.conclusion]));

  test('only the leader resumes an open rollout; it concludes it once, the other two never touch it', async () => {
    const open = await leftOpen('left-open');
    const [a, b, c] = [await process(false), await process(true), await process(false)];
    releaseTasks(h.engine, open.serviceId);
    // The leader resumed it at start-up: it sees the tasks running and verifies.
    await watchUntil(b.rollouts, open.id, (r) => r.status === 'VERIFYING');
    h.clock.ms += 6_000;
    await until(() => h.concluded.get(b.rollouts)!.length > 0);
    // Several rescans later nothing more: the non-leaders did not track it (their listeners were never told).
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([a, b, c].map((p) => p.rollouts.stop()));
    assert.deepEqual(concludedBy([a.rollouts, b.rollouts, c.rollouts]), [[], [[open.id, 'SUCCEEDED']], []]);
    assert.deepEqual(h.concluded.get(open.gone), []);
    assert.equal((await b.rollouts.get(open.id))?.conclusion, 'SUCCEEDED');
  });

  test('a rollout left open after the start-up is picked up by the leader on its next rescan', async () => {
    const [a, b] = [await process(true), await process(false)];
    const open = await leftOpen('opened-later');
    releaseTasks(h.engine, open.serviceId);
    // Read from the store (a watcher would track it itself): the leader's rescan found it and saw the tasks running.
    for (let i = 0; (await a.rollouts.get(open.id))?.status !== 'VERIFYING'; i++) {
      assert.ok(i < 1_000, 'the leader did not pick the rollout up');
      await new Promise((r) => setTimeout(r, 10));
    }
    h.clock.ms += 6_000;
    await until(() => h.concluded.get(a.rollouts)!.length > 0);
    await Promise.all([a, b].map((p) => p.rollouts.stop()));
    assert.deepEqual(concludedBy([a.rollouts, b.rollouts]), [[[open.id, 'SUCCEEDED']], []]);
  });

  test('when leadership moves, the new leader resumes what is still open (not before)', async () => {
    // Long rescans: only the hand-over itself can make the heir resume.
    const [a, b] = [await process(false, 60_000), await process(false, 60_000)];
    const open = await leftOpen('handed-over');
    releaseTasks(h.engine, open.serviceId);
    h.clock.ms += 6_000;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await a.rollouts.get(open.id))?.concludedAt, null, 'concluded while nobody led rollout-tracking');
    b.leadership.give();
    await watchUntil(b.rollouts, open.id, (r) => r.status === 'VERIFYING');
    h.clock.ms += 6_000;
    await until(() => h.concluded.get(b.rollouts)!.length > 0);
    await Promise.all([a, b].map((p) => p.rollouts.stop()));
    assert.deepEqual(concludedBy([a.rollouts, b.rollouts]), [[], [[open.id, 'SUCCEEDED']]]);
  });

  test('an open rollout of a cluster this gateway does not configure is left open, and said so once, not at every rescan', async () => {
    const service = await h.createService('elsewhere');
    const id = randomUUID();
    await store().insert(newRollout({
      id, cluster: 'not-configured-here', kind: 'CREATE', service, before: null,
      startedBy: 'oidc:alice', nowMs: h.clock.ms, deadlineSeconds: null, nodeCount: 1,
    }));
    const lines: { msg?: string }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as { msg?: string });
        done();
      },
    });
    const rollouts = new RolloutService({ store: store(), registry: h.registry, logger: pino({ level: 'warn' }, sink), pollMs: 10, now: () => h.clock.ms });
    let rescans = 0;
    const counting = { resume: async () => { rescans++; await rollouts.resume(); } };
    resumptions.push(await resumeRolloutsWhileLeading(counting, fakeLeadership(true), pino({ level: 'silent' }), 10));
    await until(() => rescans >= 5);
    await rollouts.stop();
    assert.equal(lines.filter((l) => l.msg?.includes('not tracked here')).length, 1, JSON.stringify(lines));
    assert.equal((await rollouts.get(id))?.concludedAt, null);
  });
});
