// observeRollout's time-based verdicts: TIMED_OUT at the deadline with what it waited for
// (docker/cli#663 waits forever), and NO_ELIGIBLE_NODES once every task still to run has been
// pending as unschedulable for 5 s.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRollout } from '../../../../src/docker/rollout/index.ts';
import { node, service, T0, task, tracking } from './engine-json.ts';

const nodes = [node('node1')];
const NO_NODE = 'no suitable node (scheduling constraints not satisfied on 1 node)';
const pending = (slot: number) => task({ Slot: slot, state: 'pending', err: NO_NODE, NodeID: '' });

describe('observeRollout: deadline', () => {
  test('at the deadline, not converged: TIMED_OUT saying what it waited for', () => {
    const tasks = [task({ Slot: 1 }), task({ Slot: 2, state: 'starting' }), task({ Slot: 3, state: 'preparing' })];
    const t = tracking({ deadlineMs: T0 + 60_000 });
    assert.equal(observeRollout(t, service(), tasks, nodes, T0 + 59_999).conclusion, null);
    const o = observeRollout(t, service(), tasks, nodes, T0 + 60_000);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'TIMED_OUT']);
    assert.equal(o.reason, 'the deadline passed while waiting: 1 of 3 tasks running; slot 2: starting; slot 3: preparing');
  });

  test('converged but still in the monitor period at the deadline: TIMED_OUT', () => {
    const tasks = [1, 2, 3].map((slot) => task({ Slot: slot }));
    const o = observeRollout(tracking({ deadlineMs: T0 + 1000, convergedAtMs: T0 }), service(), tasks, nodes, T0 + 1000);
    assert.equal(o.conclusion, 'TIMED_OUT');
  });

  test('converged and monitored by the deadline: SUCCEEDED wins over the deadline', () => {
    const tasks = [1, 2, 3].map((slot) => task({ Slot: slot }));
    const o = observeRollout(tracking({ deadlineMs: T0 + 5000, convergedAtMs: T0 }), service(), tasks, nodes, T0 + 9000);
    assert.equal(o.conclusion, 'SUCCEEDED');
  });

  test('a large service: the reason lists three slots and how many more', () => {
    const s = service({ spec: { Mode: { Replicated: { Replicas: 6 } } } });
    const tasks = [1, 2, 3, 4, 5, 6].map((slot) => task({ Slot: slot, state: 'assigned' }));
    const o = observeRollout(tracking({ deadlineMs: T0 }), s, tasks, nodes, T0);
    assert.equal(o.reason, 'the deadline passed while waiting: 0 of 6 tasks running; slot 1: assigned; slot 2: assigned; slot 3: assigned; 3 more');
  });
});

describe('observeRollout: unschedulable tasks', () => {
  test('every remaining task pending with "no suitable node" for 5 s: NO_ELIGIBLE_NODES with the engine\'s error', () => {
    const tasks = [task({ Slot: 1 }), pending(2), pending(3)];
    const o1 = observeRollout(tracking(), service(), tasks, nodes, T0 + 1000);
    assert.equal(o1.conclusion, null);
    assert.equal(o1.next.unschedulableSinceMs, T0 + 1000);
    const o2 = observeRollout(o1.next, service(), tasks, nodes, T0 + 5999);
    assert.equal(o2.conclusion, null);
    assert.equal(o2.next.unschedulableSinceMs, T0 + 1000);
    const o3 = observeRollout(o2.next, service(), tasks, nodes, T0 + 6000);
    assert.deepEqual([o3.status, o3.conclusion, o3.reason], ['COMPLETED', 'NO_ELIGIBLE_NODES', NO_NODE]);
  });

  test('one remaining task still on its way: no verdict, the clock is reset', () => {
    const tasks = [task({ Slot: 1 }), pending(2), task({ Slot: 3, state: 'preparing' })];
    const o = observeRollout(tracking({ unschedulableSinceMs: T0 }), service(), tasks, nodes, T0 + 60_000 - 1);
    assert.equal(o.conclusion, null);
    assert.equal(o.next.unschedulableSinceMs, null);
  });

  test('pending without the scheduler\'s error (e.g. waiting for a network) is not unschedulable', () => {
    const tasks = [task({ Slot: 1, state: 'pending', NodeID: '' })];
    const s = service({ spec: { Mode: { Replicated: { Replicas: 1 } } } });
    const o = observeRollout(tracking({ unschedulableSinceMs: T0 }), s, tasks, nodes, T0 + 10_000);
    assert.equal(o.conclusion, null);
  });

  test('a task waiting for the node a stopping task still holds (stop-first, host-mode port) is not unschedulable until that task has stopped', () => {
    // Seen on a real swarm: httpd as PID 1 ignores SIGTERM, so the old task takes its whole
    // stop grace period (10 s) to end, and meanwhile the scheduler says the host-mode port is
    // in use on every node; it places the new task once the old one is gone.
    const PORT = 'no suitable node (host-mode port already in use on 3 nodes)';
    const old = { ContainerSpec: { Image: 'sg-busybox:old' }, ForceUpdate: 0 };
    const stopping = task({ Slot: 1, desired: 'shutdown', state: 'running', Spec: old });
    const waiting = task({ Slot: 1, state: 'pending', err: PORT, NodeID: '' });
    const others = [2, 3].map((slot) => task({ Slot: slot, Spec: old }));
    const o1 = observeRollout(tracking(), service(), [stopping, waiting, ...others], nodes, T0 + 1000);
    const o2 = observeRollout(o1.next, service(), [stopping, waiting, ...others], nodes, T0 + 12_000);
    assert.deepEqual([o2.status, o2.conclusion, o2.next.unschedulableSinceMs], ['IN_PROGRESS', null, null]);
    // Once the old task has stopped, the scheduler's answer counts again (and the grace starts then).
    const stopped = { ...stopping, Status: { ...stopping.Status, State: 'shutdown' } };
    const o3 = observeRollout(o2.next, service(), [stopped, waiting, ...others], nodes, T0 + 13_000);
    assert.deepEqual([o3.conclusion, o3.next.unschedulableSinceMs], [null, T0 + 13_000]);
    const o4 = observeRollout(o3.next, service(), [stopped, waiting, ...others], nodes, T0 + 18_000);
    assert.deepEqual([o4.conclusion, o4.reason], ['NO_ELIGIBLE_NODES', PORT]);
  });

  test('unschedulable tasks of the previous spec do not count', () => {
    const old = { ContainerSpec: { Image: 'sg-busybox:old' }, ForceUpdate: 0 };
    const tasks = [task({ Slot: 1 }), task({ Slot: 2, state: 'pending', err: NO_NODE, NodeID: '', Spec: old })];
    const s = service({ spec: { Mode: { Replicated: { Replicas: 2 } } } });
    const o = observeRollout(tracking({ unschedulableSinceMs: T0 }), s, tasks, nodes, T0 + 10_000);
    assert.equal(o.conclusion, null);
  });
});

describe('observeRollout: unschedulable tasks of other modes', () => {
  test('a replicated job whose task cannot be placed: NO_ELIGIBLE_NODES after 5 s', () => {
    const s = service({ spec: { Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } } }, JobStatus: { JobIteration: {} } });
    const tasks = [task({ state: 'pending', desired: 'complete', err: NO_NODE, NodeID: '', JobIteration: {} })];
    const o = observeRollout(tracking({ kind: 'CREATE', unschedulableSinceMs: T0 }), s, tasks, nodes, T0 + 5000);
    assert.deepEqual([o.conclusion, o.reason], ['NO_ELIGIBLE_NODES', NO_NODE]);
  });

  test('a global service whose only eligible node lacks resources: NO_ELIGIBLE_NODES after 5 s', () => {
    const s = service({ spec: { Mode: { Global: {} } } });
    const tasks = [task({ state: 'pending', err: 'no suitable node (insufficient resources on 1 node)' })];
    const o = observeRollout(tracking({ kind: 'CREATE', unschedulableSinceMs: T0 }), s, tasks, nodes, T0 + 5000);
    assert.equal(o.conclusion, 'NO_ELIGIBLE_NODES');
  });

  test('a global service with an eligible node still without its task: no verdict yet', () => {
    const s = service({ spec: { Mode: { Global: {} } } });
    const tasks = [task({ state: 'pending', err: NO_NODE })];
    const o = observeRollout(tracking({ kind: 'CREATE', unschedulableSinceMs: T0 }), s, tasks, [node('node1'), node('node2')], T0 + 5000);
    assert.equal(o.conclusion, null);
  });
});
