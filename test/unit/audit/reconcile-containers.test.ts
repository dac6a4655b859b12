// The reconciliation rules of standalone containers (src/audit/container-rules.ts): run,
// stop, start, remove, read on the intent's engine; exec is never read back.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reconcileIntent, type ObjectState, type OpenIntent } from '../../../src/audit/reconcile.ts';
import { INTENT_AT, NO_HISTORY, afterIntent, before, engine, event, history, intent } from '../../support/reconcile-fakes.ts';

const ID = 'c0ffee'.padEnd(64, '0');
const onW1 = (operation: string, target: string, input: Record<string, string | number> = {}): OpenIntent => intent(operation, target, { engine: 'w1', ...input });
const ev = (action: string, at = afterIntent, id = ID, name = 'web') => event('container', action, id, { name }, at);
const NEVER = new Date('0001-01-01T00:00:00Z');
/** A container the engine finds by its name and by its ID, as dockerd does. */
const both = (key: string, state: ObjectState) => ({ [`${key}/web`]: state, [`${key}/${ID}`]: state });

describe('containerRun', () => {
  test('created and started on the named engine after the intent -> succeeded with its ID, read on that engine', async () => {
    const e = engine({}, false, history(), { w1: history(ev('create'), ev('start')) });
    const r = await reconcileIntent(onW1('containerRun', 'web', { name: 'web' }), e);
    assert.equal(r.outcome, 'succeeded');
    assert.deepEqual(r.objectIds, [ID]);
    assert.match(r.reason, /container web created \(c0ffee0+\) after the intent; it no longer exists; it was started after the intent/);
    assert.ok(e.reads.includes('events:prod@w1'), JSON.stringify(e.reads));
    assert.ok(e.reads.includes('container:prod@w1/web'), JSON.stringify(e.reads));
    assert.ok(!e.reads.some((x) => x.startsWith('container:prod@-')), 'not read on the manager endpoint');
  });

  test('without an engine in the input the container is read on the cluster manager endpoint', async () => {
    const e = engine({ container: both('prod@-', { exists: true, id: ID, createdAt: afterIntent, running: true, startedAt: afterIntent }) });
    const r = await reconcileIntent(intent('containerRun', 'web', { name: 'web' }), e);
    assert.equal(r.outcome, 'succeeded');
    assert.deepEqual(r.objectIds, [ID]);
    assert.match(r.reason, /the container web exists \(c0ffee/);
  });

  test('absent, and a complete history shows no creation -> failed; an incomplete one -> unknown', async () => {
    const failed = await reconcileIntent(onW1('containerRun', 'web'), engine({}, false, NO_HISTORY, { w1: history() }));
    assert.equal(failed.outcome, 'failed');
    assert.match(failed.reason, /no container named web exists, and the engine's events since the intent show none created/);
    const partial = await reconcileIntent(onW1('containerRun', 'web'), engine({}, false, history(), { w1: NO_HISTORY }));
    assert.equal(partial.outcome, 'unknown');
    assert.match(partial.reason, /does not reach back/);
  });

  test('a same-named container older than the intent -> unknown', async () => {
    const e = engine({ container: { 'prod@w1/web': { exists: true, id: ID, createdAt: before, running: true, startedAt: before } } });
    const r = await reconcileIntent(onW1('containerRun', 'web'), e);
    assert.equal(r.outcome, 'unknown');
    assert.match(r.reason, /created before the intent/);
  });

  test('created but never started -> unknown with its ID; created and removed without a start -> failed', async () => {
    const left = engine({ container: both('prod@w1', { exists: true, id: ID, createdAt: afterIntent, running: false, startedAt: NEVER }) }, false, NO_HISTORY, { w1: history(ev('create')) });
    const r = await reconcileIntent(onW1('containerRun', 'web'), left);
    assert.equal(r.outcome, 'unknown');
    assert.deepEqual(r.objectIds, [ID]);
    assert.match(r.reason, /no start of it since the intent: the run stopped between its create and its start/);
    const undone = engine({}, false, NO_HISTORY, { w1: history(ev('create'), ev('destroy')) });
    const f = await reconcileIntent(onW1('containerRun', 'web'), undone);
    assert.equal(f.outcome, 'failed');
    assert.match(f.reason, /removed again without a start/);
  });

  test('an engine that cannot be read -> unknown, to be retried', async () => {
    const r = await reconcileIntent(onW1('containerRun', 'web'), engine({}, true));
    assert.equal(r.outcome, 'unknown');
    assert.equal(r.engineUnreadable, true);
  });
});

describe('containerStop', () => {
  const exited = { exists: true as const, id: ID, createdAt: before, running: false, startedAt: before, finishedAt: afterIntent };
  const running = { exists: true as const, id: ID, createdAt: before, running: true, startedAt: before, finishedAt: NEVER };

  test('a stop event in the window -> succeeded with the ID (matched by the existing container\'s ID)', async () => {
    const e = engine({ container: { 'prod@w1/web': exited } }, false, NO_HISTORY, { w1: history(ev('kill'), ev('die'), ev('stop')) });
    const r = await reconcileIntent(onW1('containerStop', '/web'), e);
    assert.equal(r.outcome, 'succeeded');
    assert.deepEqual(r.objectIds, [ID]);
    assert.match(r.reason, /container web \(c0ffee0+\) stopped after the intent/);
  });

  test('running since before the intent -> failed (complete history, or its start time); exited before the intent -> failed', async () => {
    assert.equal((await reconcileIntent(onW1('containerStop', 'web'), engine({ container: { 'prod@w1/web': running } }, false, NO_HISTORY, { w1: history() }))).outcome, 'failed');
    const byStart = await reconcileIntent(onW1('containerStop', 'web'), engine({ container: { 'prod@w1/web': running } }));
    assert.equal(byStart.outcome, 'failed');
    assert.match(byStart.reason, /running since before the intent/);
    const already = await reconcileIntent(onW1('containerStop', 'web'), engine({ container: { 'prod@w1/web': { ...exited, finishedAt: before } } }));
    assert.equal(already.outcome, 'failed');
    assert.match(already.reason, /already exited before the intent/);
  });

  test('exited after the intent without a stop event: failed in a complete history (it exited by itself), unknown in an incomplete one', async () => {
    const complete = await reconcileIntent(onW1('containerStop', 'web'), engine({ container: { 'prod@w1/web': exited } }, false, NO_HISTORY, { w1: history(ev('die')) }));
    assert.equal(complete.outcome, 'failed');
    assert.match(complete.reason, /no stop of it \(it exited by itself or was killed\)/);
    const incomplete = await reconcileIntent(onW1('containerStop', 'web'), engine({ container: { 'prod@w1/web': exited } }));
    assert.equal(incomplete.outcome, 'unknown');
    assert.match(incomplete.reason, /whether by this stop cannot be told/);
  });

  test('running again, started after the intent, history incomplete -> unknown; gone without a stop event -> unknown', async () => {
    const restarted = await reconcileIntent(onW1('containerStop', 'web'), engine({ container: { 'prod@w1/web': { ...running, startedAt: afterIntent } } }));
    assert.equal(restarted.outcome, 'unknown');
    assert.match(restarted.reason, /started again after the intent/);
    const gone = await reconcileIntent(onW1('containerStop', 'web'), engine({}, false, NO_HISTORY, { w1: history() }));
    assert.equal(gone.outcome, 'unknown');
    assert.match(gone.reason, /no longer exists/);
  });

  test('a young intent whose container still runs -> unknown: the stop may still be waiting for the container to exit', async () => {
    const young: OpenIntent = { ...onW1('containerStop', 'web', { timeout: 60 }), recordedAt: new Date() };
    const r = await reconcileIntent(young, engine({ container: { 'prod@w1/web': running } }, false, NO_HISTORY, { w1: history() }));
    assert.equal(r.outcome, 'unknown');
    assert.match(r.reason, /may still be waiting/);
  });
});

describe('containerStart', () => {
  const stoppedBefore = { exists: true as const, id: ID, createdAt: before, running: false, startedAt: before, finishedAt: before };

  test('a start event in the window -> succeeded; one after an exit in the window -> unknown (a restart policy)', async () => {
    const ok = await reconcileIntent(onW1('containerStart', 'web'), engine({ container: { 'prod@w1/web': { ...stoppedBefore, running: true, startedAt: afterIntent } } }, false, NO_HISTORY, { w1: history(ev('start')) }));
    assert.equal(ok.outcome, 'succeeded');
    assert.deepEqual(ok.objectIds, [ID]);
    const restarted = await reconcileIntent(onW1('containerStart', 'web'), engine({ container: { 'prod@w1/web': { ...stoppedBefore, running: true } } }, false, NO_HISTORY, { w1: history(ev('die'), ev('start')) }));
    assert.equal(restarted.outcome, 'unknown');
    assert.match(restarted.reason, /restart policy/);
  });

  test('no start in a complete history, or not started since the intent -> failed; started after it, history incomplete -> unknown', async () => {
    assert.equal((await reconcileIntent(onW1('containerStart', 'web'), engine({ container: { 'prod@w1/web': stoppedBefore } }, false, NO_HISTORY, { w1: history() }))).outcome, 'failed');
    const byState = await reconcileIntent(onW1('containerStart', 'web'), engine({ container: { 'prod@w1/web': stoppedBefore } }));
    assert.equal(byState.outcome, 'failed');
    assert.match(byState.reason, /has not started since the intent/);
    const later = await reconcileIntent(onW1('containerStart', 'web'), engine({ container: { 'prod@w1/web': { ...stoppedBefore, running: true, startedAt: afterIntent } } }));
    assert.equal(later.outcome, 'unknown');
    assert.match(later.reason, /does not reach back/);
  });
});

describe('containerRemove and containerExec', () => {
  test('containerRemove: gone -> succeeded with the destroyed ID; still there -> failed', async () => {
    const gone = await reconcileIntent(onW1('containerRemove', 'web'), engine({}, false, NO_HISTORY, { w1: history(ev('destroy')) }));
    assert.equal(gone.outcome, 'succeeded');
    assert.deepEqual(gone.objectIds, [ID]);
    assert.match(gone.reason, /no container web exists any more \(the engine's events show the removal/);
    const kept = await reconcileIntent(onW1('containerRemove', 'web'), engine({ container: { 'prod@w1/web': { exists: true, id: ID } } }));
    assert.equal(kept.outcome, 'failed');
  });

  test('containerExec stays unknown, saying why, and reads nothing', async () => {
    const e = engine({});
    const r = await reconcileIntent(onW1('containerExec', 'web'), e);
    assert.equal(r.outcome, 'unknown');
    assert.match(r.reason, /an exec cannot be read back from the engine/);
    assert.deepEqual(e.reads, []);
  });

  test('a container on an engine the gateway no longer has -> unknown with the reason, not retried', async () => {
    const e = engine({});
    const missingEngine = { ...e, container: async () => Promise.reject(new Error('engine "w9" is not configured')) };
    const r = await reconcileIntent(intent('containerRemove', 'web', { engine: 'w9' }), missingEngine);
    assert.equal(r.outcome, 'unknown');
    assert.equal(r.engineUnreadable, undefined);
    assert.match(r.reason, /could not be checked.*w9/);
  });
});

test('the intent time used is the intent\'s own', () => {
  assert.equal(onW1('containerRun', 'web').recordedAt, INTENT_AT);
});
