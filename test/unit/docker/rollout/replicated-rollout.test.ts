// observeRollout for replicated services: docker/cli's slot rules, running vs starting, the
// monitor period after convergence, scale to 0, QUEUED before any task of the change.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRollout } from '../../../../src/docker/rollout/index.ts';
import { node, service, T0, task, template, threeRunning, tracking } from './engine-json.ts';

const nodes = [node('node1')];

describe('observeRollout: replicated services', () => {
  test('all replicas running: VERIFYING first, converged time recorded', () => {
    const o = observeRollout(tracking(), service(), threeRunning(), nodes, T0 + 1000);
    assert.equal(o.status, 'VERIFYING');
    assert.equal(o.conclusion, null);
    assert.deepEqual([o.desired, o.running, o.upToDate, o.failed], [3, 3, 3, 0]);
    assert.equal(o.next.convergedAtMs, T0 + 1000);
    assert.match(o.reason!, /3 of 3 tasks running; verifying they stay up \(5 s more\)/);
    assert.deepEqual(o.slots.map((s) => s.slot), [1, 2, 3]);
  });

  test('SUCCEEDED once the 5 s default monitor has passed since convergence', () => {
    const t = tracking({ convergedAtMs: T0 + 1000 });
    assert.equal(observeRollout(t, service(), threeRunning(), nodes, T0 + 5999).status, 'VERIFYING');
    const o = observeRollout(t, service(), threeRunning(), nodes, T0 + 6000);
    assert.equal(o.status, 'COMPLETED');
    assert.equal(o.conclusion, 'SUCCEEDED');
  });

  test('UpdateConfig.Monitor sets the verification period', () => {
    const s = service({ spec: { UpdateConfig: { Parallelism: 1, Monitor: 20e9, MaxFailureRatio: 0, Order: 'stop-first' } } });
    const t = tracking({ convergedAtMs: T0 });
    assert.equal(observeRollout(t, s, threeRunning(), nodes, T0 + 19_000).status, 'VERIFYING');
    assert.equal(observeRollout(t, s, threeRunning(), nodes, T0 + 20_000).conclusion, 'SUCCEEDED');
  });

  test('starting (health check not passed yet) is not running', () => {
    const tasks = [task({ Slot: 1 }), task({ Slot: 2, state: 'starting' }), task({ Slot: 3 })];
    const o = observeRollout(tracking(), service(), tasks, nodes, T0 + 1000);
    assert.equal(o.status, 'IN_PROGRESS');
    assert.equal(o.running, 2);
    assert.equal(o.next.convergedAtMs, null);
    assert.equal(o.reason, '2 of 3 tasks running; slot 2: starting');
  });

  test('falling out of convergence resets the converged time (the CLI\'s "detected task failure")', () => {
    const tasks = [task({ Slot: 1 }), task({ Slot: 2, state: 'failed', desired: 'shutdown', err: 'task: non-zero exit (1)' }), task({ Slot: 3 })];
    const o = observeRollout(tracking({ convergedAtMs: T0 }), service(), tasks, nodes, T0 + 10_000);
    assert.equal(o.conclusion, null);
    assert.equal(o.next.convergedAtMs, null);
    assert.equal(o.failed, 1);
    assert.match(o.reason!, /slot 2: failed \(task: non-zero exit \(1\)\)/);
  });

  test('tasks of the previous spec are not up to date and do not count', () => {
    const old = [1, 2, 3].map((slot) => task({ Slot: slot, Spec: template('sg-busybox:old') }));
    const o = observeRollout(tracking(), service(), old, nodes, T0 + 1000);
    assert.equal(o.status, 'QUEUED');
    assert.equal(o.running, 0);
    assert.equal(o.upToDate, 0);
    assert.deepEqual(o.slots.map((s) => [s.slot, s.upToDate]), [[1, false], [2, false], [3, false]]);
  });

  test('a rolling update half way: new tasks count, old ones are shown as such', () => {
    const tasks = [
      task({ Slot: 1 }),
      task({ Slot: 1, Spec: template('sg-busybox:old'), state: 'shutdown', desired: 'shutdown' }),
      task({ Slot: 2, Spec: template('sg-busybox:old') }),
      task({ Slot: 3, Spec: template('sg-busybox:old') }),
    ];
    const o = observeRollout(tracking(), service(), tasks, nodes, T0 + 1000);
    assert.equal(o.status, 'IN_PROGRESS');
    assert.deepEqual([o.running, o.upToDate], [1, 1]);
    assert.deepEqual(o.slots.map((s) => [s.slot, s.upToDate]), [[1, true], [2, false], [3, false]]);
    assert.equal(o.reason, '1 of 3 tasks running; slot 2: running, previous spec; slot 3: running, previous spec');
  });

  test('start-first tie: same desired state, the lower observed state (the new task starting) stands for the slot', () => {
    const starting = task({ Slot: 1, state: 'starting' });
    const tasks = [task({ Slot: 1 }), starting, task({ Slot: 2 }), task({ Slot: 3 })];
    const o = observeRollout(tracking(), service(), tasks, nodes, T0 + 1000);
    assert.equal(o.running, 2);
    assert.equal(o.slots[0]!.taskId, starting.ID);
  });

  test('a restart: the task meant to run (lowest desired state) stands for the slot, not the failed one', () => {
    const tasks = [task({ Slot: 1, state: 'failed', desired: 'shutdown' }), task({ Slot: 1 }), task({ Slot: 2 }), task({ Slot: 3 })];
    const o = observeRollout(tracking(), service(), tasks, nodes, T0 + 1000);
    assert.equal(o.running, 3);
    assert.equal(o.status, 'VERIFYING');
  });

  test('a task running with desired state shutdown is not counted as running', () => {
    const tasks = [task({ Slot: 1 }), task({ Slot: 2 }), task({ Slot: 3, desired: 'shutdown' })];
    const o = observeRollout(tracking(), service(), tasks, nodes, T0 + 1000);
    assert.equal(o.running, 2);
  });

  test('tasks on a node that is down are skipped', () => {
    const tasks = [task({ Slot: 1 }), task({ Slot: 2 }), task({ Slot: 3, NodeID: 'node2' })];
    const o = observeRollout(tracking(), service(), tasks, [node('node1'), node('node2', { state: 'down' })], T0 + 1000);
    assert.equal(o.running, 2);
    assert.equal(o.conclusion, null);
  });

  test('tasks in states the rules do not know (remove, orphaned) are skipped', () => {
    const tasks = [task({ Slot: 1 }), task({ Slot: 2 }), task({ Slot: 3, state: 'orphaned' })];
    assert.equal(observeRollout(tracking(), service(), tasks, nodes, T0 + 1000).running, 2);
  });

  test('tasks of another service are ignored', () => {
    const tasks = [...threeRunning(), task({ Slot: 4, ServiceID: 'other' })];
    const o = observeRollout(tracking(), service(), tasks, nodes, T0 + 1000);
    assert.equal(o.slots.length, 3);
  });

  test('scale down: slots being removed do not count', () => {
    const s = service({ spec: { Mode: { Replicated: { Replicas: 2 } } } });
    const tasks = [task({ Slot: 1 }), task({ Slot: 2 }), task({ Slot: 3, desired: 'remove' })];
    const o = observeRollout(tracking({ kind: 'SCALE' }), s, tasks, nodes, T0 + 1000);
    assert.deepEqual([o.desired, o.running], [2, 2]);
    assert.equal(o.status, 'VERIFYING');
  });

  test('scale to 0: converged only when no task of the service is alive', () => {
    const s = service({ spec: { Mode: { Replicated: { Replicas: 0 } } } });
    const stopping = [task({ Slot: 1, desired: 'shutdown' }), task({ Slot: 2, state: 'shutdown', desired: 'shutdown' })];
    const o1 = observeRollout(tracking({ kind: 'SCALE' }), s, stopping, nodes, T0 + 1000);
    assert.equal(o1.status, 'IN_PROGRESS');
    assert.equal(o1.reason, '1 task still to stop; slot 1: running');
    const stopped = [task({ Slot: 1, state: 'shutdown', desired: 'shutdown' })];
    const o2 = observeRollout(tracking({ kind: 'SCALE' }), s, stopped, nodes, T0 + 2000);
    assert.equal(o2.status, 'VERIFYING');
    assert.equal(o2.desired, 0);
    assert.equal(o2.reason, 'no task running (scaled to 0); verifying none starts again (5 s more)');
  });

  test('no task yet after a create: QUEUED', () => {
    const o = observeRollout(tracking({ kind: 'CREATE' }), service(), [], nodes, T0 + 100);
    assert.equal(o.status, 'QUEUED');
    assert.equal(o.reason, '0 of 3 tasks running');
  });

  test('once a conclusion is set the status is COMPLETED', () => {
    const o = observeRollout(tracking({ convergedAtMs: T0 }), service(), threeRunning(), nodes, T0 + 60_000);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'SUCCEEDED']);
  });

  test('the removed service: FAILED', () => {
    const o = observeRollout(tracking(), null, [], nodes, T0 + 100);
    assert.deepEqual([o.status, o.conclusion, o.reason], ['COMPLETED', 'FAILED', 'the service was removed']);
  });

  test('Replicas left out means 1', () => {
    const s = service({ spec: { Mode: { Replicated: {} } } });
    assert.equal(observeRollout(tracking(), s, [task({ Slot: 1 })], nodes, T0).desired, 1);
  });
});
