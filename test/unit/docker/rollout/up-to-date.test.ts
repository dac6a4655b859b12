// isTaskUpToDate: swarmkit's IsTaskDirty on the engine JSON, as the daemon's `_up-to-date`
// task filter answers docker/cli.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isTaskUpToDate } from '../../../../src/docker/rollout/up-to-date.ts';
import { node, service, task, template } from './engine-json.ts';

const nodes = new Map([['east1', node('east1', { labels: { zone: 'east' } })]]);

describe('isTaskUpToDate', () => {
  test('same spec, keys in another order and undefined keys left out: up to date', () => {
    const t = task({ Spec: { ForceUpdate: 0, ContainerSpec: { Command: ['sleep', '1000'], Image: 'sg-busybox:latest', Env: undefined } } });
    assert.equal(isTaskUpToDate(service(), t, nodes), true);
  });

  test('another image, or a force update: not up to date', () => {
    assert.equal(isTaskUpToDate(service(), task({ Spec: template('sg-busybox:old') }), nodes), false);
    assert.equal(isTaskUpToDate(service(), task({ Spec: { ...template(), ForceUpdate: 1 } }), nodes), false);
  });

  test('only the placement changed and the task\'s node meets it: up to date (no task is moved)', () => {
    const s = service({ spec: { TaskTemplate: { ...template(), Placement: { Constraints: ['node.labels.zone==east'] } } } });
    assert.equal(isTaskUpToDate(s, task({ NodeID: 'east1' }), nodes), true);
  });

  test('only the placement changed and the node does not meet it (or is unknown): not up to date', () => {
    const s = service({ spec: { TaskTemplate: { ...template(), Placement: { Constraints: ['node.labels.zone==west'] } } } });
    assert.equal(isTaskUpToDate(s, task({ NodeID: 'east1' }), nodes), false);
    assert.equal(isTaskUpToDate(s, task({ NodeID: 'gone' }), nodes), false);
  });

  test('a task without a spec is not up to date', () => {
    const t = task();
    delete (t as { Spec?: unknown }).Spec;
    assert.equal(isTaskUpToDate(service(), t, nodes), false);
  });
});
