// observeRollout for global services: desired = eligible nodes (active, ready, meeting the
// constraints); no eligible node at all is NO_ELIGIBLE_NODES at once (docker/cli#627 waits
// forever); a constraint that cannot be evaluated never leads to that verdict.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRollout } from '../../../../src/docker/rollout/index.ts';
import type { ServiceSpec } from '../../../../src/docker/engine-api/index.ts';
import { node, service, T0, task, template, tracking } from './engine-json.ts';

const globalSpec = (constraints?: string[]): Partial<ServiceSpec> => ({
  Mode: { Global: {} },
  TaskTemplate: { ...template(), ...(constraints ? { Placement: { Constraints: constraints } } : {}) },
});
const withConstraints = (constraints?: string[]) => {
  const s = service({ spec: globalSpec(constraints) });
  return { s, tpl: s.Spec.TaskTemplate };
};

describe('observeRollout: global services', () => {
  const nodes = [node('n1'), node('n2', { role: 'worker' }), node('n3', { availability: 'drain' }), node('n4', { state: 'down' })];

  test('desired = active, ready nodes; converged when each runs its task', () => {
    const { s, tpl } = withConstraints();
    const tasks = [task({ NodeID: 'n1', Spec: tpl }), task({ NodeID: 'n2', Spec: tpl })];
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, tasks, nodes, T0);
    assert.deepEqual([o.desired, o.running], [2, 2]);
    assert.equal(o.status, 'VERIFYING');
    assert.deepEqual(o.slots.map((v) => [v.slot, v.nodeId]), [[null, 'n1'], [null, 'n2']]);
  });

  test('a node without its task yet is waited for and named', () => {
    const { s, tpl } = withConstraints();
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, [task({ NodeID: 'n1', Spec: tpl })], nodes, T0);
    assert.equal(o.status, 'IN_PROGRESS');
    assert.equal(o.reason, '1 of 2 tasks running; node n2: no task yet');
  });

  test('constraints narrow the eligible nodes', () => {
    const { s, tpl } = withConstraints(['node.role==worker']);
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, [task({ NodeID: 'n2', Spec: tpl })], nodes, T0);
    assert.deepEqual([o.desired, o.running], [1, 1]);
    assert.equal(o.status, 'VERIFYING');
  });

  test('node labels, engine labels, hostname and != are evaluated', () => {
    const labelled = [node('a', { labels: { zone: 'east' }, hostname: 'alpha' }), node('b', { labels: { zone: 'west' }, hostname: 'beta' })];
    const { s } = withConstraints(['node.labels.zone==east', 'node.hostname!=beta', 'node.platform.os==linux']);
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, [], labelled, T0);
    assert.equal(o.desired, 1);
    assert.deepEqual(o.slots.map((v) => v.nodeId), ['a']);
  });

  test('no eligible node: NO_ELIGIBLE_NODES at once, naming the constraints (docker/cli#627)', () => {
    const { s } = withConstraints(['node.labels.zone==nowhere']);
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, [], nodes, T0);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'NO_ELIGIBLE_NODES']);
    assert.equal(o.reason, 'no active, ready node meets the placement constraints "node.labels.zone==nowhere"');
  });

  test('no active, ready node at all: NO_ELIGIBLE_NODES', () => {
    const { s } = withConstraints();
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, [], [node('x', { availability: 'drain' })], T0);
    assert.equal(o.conclusion, 'NO_ELIGIBLE_NODES');
    assert.equal(o.reason, 'no node is active and ready');
  });

  test('a constraint that cannot be evaluated: no verdict from it, desired = nodes holding tasks', () => {
    const { s, tpl } = withConstraints(['node.unknownkey==x']);
    const none = observeRollout(tracking({ kind: 'CREATE' }), s, [], nodes, T0);
    assert.equal(none.conclusion, null);
    assert.equal(none.reason, 'waiting for tasks');
    const one = observeRollout(tracking({ kind: 'CREATE' }), s, [task({ NodeID: 'n1', Spec: tpl })], nodes, T0);
    assert.deepEqual([one.desired, one.running, one.status], [1, 1, 'VERIFYING']);
  });

  test('a platforms list is not evaluated either (architectures need swarmkit\'s normalization)', () => {
    const s = service({ spec: { Mode: { Global: {} }, TaskTemplate: { ...template(), Placement: { Platforms: [{ Architecture: 'arm64', OS: 'linux' }] } } } });
    assert.equal(observeRollout(tracking({ kind: 'CREATE' }), s, [], nodes, T0).conclusion, null);
  });

  test('the task on a node that is down does not count; its running state is not news', () => {
    const { s, tpl } = withConstraints();
    const tasks = [task({ NodeID: 'n1', Spec: tpl }), task({ NodeID: 'n2', Spec: tpl }), task({ NodeID: 'n4', Spec: tpl })];
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, tasks, nodes, T0);
    assert.deepEqual([o.desired, o.running], [2, 2]);
  });

  test('start-first on one node: the new task starting stands for the node', () => {
    const { s, tpl } = withConstraints();
    const tasks = [task({ NodeID: 'n1', Spec: tpl }), task({ NodeID: 'n1', Spec: tpl, state: 'starting' }), task({ NodeID: 'n2', Spec: tpl })];
    const o = observeRollout(tracking({ kind: 'CREATE' }), s, tasks, nodes, T0);
    assert.equal(o.running, 1);
    assert.equal(o.reason, '1 of 2 tasks running; node n1: starting');
  });
});
