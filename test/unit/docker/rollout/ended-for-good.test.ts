// observeRollout and tasks that ended for good: a one-shot service (its command exits) whose
// restart policy starts no other task can never converge; FAILED at once instead of waiting
// for the deadline (docker/cli#5299 hangs there). Unless the swarm's update may still judge it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRollout } from '../../../../src/docker/rollout/index.ts';
import type { RestartPolicy, Service } from '../../../../src/docker/engine-api/index.ts';
import { node, service, T0, task, template, tracking } from './engine-json.ts';

const nodes = [node('node1')];
const oneShot = (RestartPolicy: RestartPolicy | undefined, over: Partial<Service> = {}) =>
  service({ spec: { Mode: { Replicated: { Replicas: 2 } }, TaskTemplate: { ...template(), ...(RestartPolicy ? { RestartPolicy } : {}) } }, ...over });
const at = (second: number) => `2026-12-03T05:00:0${second}Z`;
/** Tasks carry the spec they were made from: the one-shot's, with its restart policy. */
const observe = (s: Service, tasks: ReturnType<typeof task>[], t = tracking()) =>
  observeRollout(t, s, tasks.map((x) => ({ ...x, Spec: s.Spec.TaskTemplate })), nodes, T0);
const ended = (slot: number, state: string, second = 1) => task({ Slot: slot, state, desired: 'shutdown', Status: { State: state, Timestamp: at(second) } });

describe('observeRollout: tasks that ended for good', () => {
  test('restart condition none, a task completed: FAILED naming the slot and the policy', () => {
    const o = observe(oneShot({ Condition: 'none' }), [task({ Slot: 1 }), ended(2, 'complete')], tracking({ kind: 'CREATE' }));
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'FAILED']);
    assert.equal(o.reason, 'the service cannot converge: slot 2: complete, and its restart policy (condition none) starts no other task');
  });

  test('on-failure: a complete task is not restarted (FAILED); a failed one is (no verdict)', () => {
    assert.equal(observe(oneShot({ Condition: 'on-failure' }), [task({ Slot: 1 }), ended(2, 'complete')]).conclusion, 'FAILED');
    assert.equal(observe(oneShot({ Condition: 'on-failure' }), [task({ Slot: 1 }), ended(2, 'failed')]).conclusion, null);
  });

  test('condition any (the default): the engine restarts, no verdict', () => {
    assert.equal(observe(oneShot(undefined), [task({ Slot: 1 }), ended(2, 'complete')]).conclusion, null);
  });

  test('MaxAttempts used up: FAILED; with a Window the attempts cannot be counted: no verdict', () => {
    const tasks = [task({ Slot: 1 }), ended(2, 'failed', 1), ended(2, 'failed', 2)];
    const o = observe(oneShot({ Condition: 'any', MaxAttempts: 1 }), tasks);
    assert.equal(o.conclusion, 'FAILED');
    assert.match(o.reason!, /condition any, max attempts 1/);
    assert.equal(observe(oneShot({ Condition: 'any', MaxAttempts: 1, Window: 60e9 }), tasks).conclusion, null);
  });

  test('a slot whose new task is already on its way: no verdict', () => {
    const tasks = [task({ Slot: 1 }), ended(2, 'failed'), task({ Slot: 2, state: 'preparing' })];
    assert.equal(observe(oneShot({ Condition: 'none' }), tasks).conclusion, null);
  });

  test('tasks shut down (a drain, an update) decide nothing', () => {
    assert.equal(observe(oneShot({ Condition: 'none' }), [task({ Slot: 1 }), ended(2, 'shutdown')]).conclusion, null);
  });

  test('while the swarm updates, the swarm judges first (it may pause or roll back)', () => {
    const s = oneShot({ Condition: 'none' }, { UpdateStatus: { State: 'updating', StartedAt: '2026-12-03T05:00:00Z' } });
    assert.equal(observe(s, [task({ Slot: 1 }), ended(2, 'complete')]).conclusion, null);
  });

  test('a global service\'s node whose task ended for good: FAILED', () => {
    const s = service({ spec: { Mode: { Global: {} }, TaskTemplate: { ...template(), RestartPolicy: { Condition: 'none' } } } });
    const o = observe(s, [task({ state: 'complete', desired: 'shutdown' })], tracking({ kind: 'CREATE' }));
    assert.equal(o.conclusion, 'FAILED');
    assert.match(o.reason!, /^the service cannot converge: node node1: complete/);
  });
});
