// eligibleNodes: active, ready nodes meeting the placement constraints, with swarmkit's matching
// (the validate layer's parser); anything it cannot evaluate says so instead of guessing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eligibleNodes } from '../../../../src/docker/rollout/eligible-nodes.ts';
import type { Node, ServiceSpec } from '../../../../src/docker/engine-api/index.ts';
import { node, template } from './engine-json.ts';

const spec = (Constraints?: string[]): ServiceSpec => ({ Labels: null, Mode: { Global: {} }, TaskTemplate: { ...template(), Placement: { Constraints } } });
const ids = (r: ReturnType<typeof eligibleNodes>) => (r.evaluable ? r.nodes.map((n) => n.ID) : r.why);

describe('eligibleNodes', () => {
  const withEngineLabel: Node = { ...node('e', { role: 'worker' }), Description: { ...node('e').Description, Engine: { Labels: { disk: 'ssd' } } } };
  const promoted: Node = { ...node('p', { role: 'worker' }), ManagerStatus: { Leader: false, Reachability: 'reachable' } };
  const nodes = [node('m', { role: 'manager' }), node('w', { role: 'worker', labels: { zone: 'East' } }), withEngineLabel, promoted, node('paused', { availability: 'pause' }), node('down', { state: 'down' })];

  test('without constraints: every active, ready node (paused, drained and down ones are not)', () => {
    assert.deepEqual(ids(eligibleNodes(spec(), nodes)), ['m', 'w', 'e', 'p']);
  });

  test('node.role: a node with a ManagerStatus is a manager', () => {
    assert.deepEqual(ids(eligibleNodes(spec(['node.role==manager']), nodes)), ['m', 'p']);
    assert.deepEqual(ids(eligibleNodes(spec(['node.role!=manager']), nodes)), ['w', 'e']);
  });

  test('label values compare case-insensitively; engine labels; node.id and node.platform.arch', () => {
    assert.deepEqual(ids(eligibleNodes(spec(['node.labels.zone==east']), nodes)), ['w']);
    assert.deepEqual(ids(eligibleNodes(spec(['engine.labels.disk==ssd']), nodes)), ['e']);
    assert.deepEqual(ids(eligibleNodes(spec(['node.id==w', 'node.platform.arch==x86_64']), nodes)), ['w']);
  });

  test('a key swarmkit does not match on, or an expression without operator: not evaluable', () => {
    assert.match(String(ids(eligibleNodes(spec(['node.unknown==x']), nodes))), /cannot be evaluated/);
    assert.match(String(ids(eligibleNodes(spec(['zone']), nodes))), /cannot be evaluated/);
  });
});
