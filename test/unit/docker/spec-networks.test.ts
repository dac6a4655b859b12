// The one rule for a service spec's networks: TaskTemplate.Networks, or the deprecated
// Spec.Networks when that is empty (as swarmkit's allocator and the CLI read a spec).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { specNetworks } from '../../../src/docker/model/spec-networks.ts';

test('TaskTemplate.Networks wins over the deprecated Spec.Networks', () => {
  assert.deepEqual(specNetworks({ TaskTemplate: { Networks: [{ Target: 'a' }] }, Networks: [{ Target: 'b' }] }), [{ Target: 'a' }]);
});

test('the deprecated Spec.Networks counts when TaskTemplate.Networks is absent or empty', () => {
  assert.deepEqual(specNetworks({ TaskTemplate: {}, Networks: [{ Target: 'b' }] }), [{ Target: 'b' }]);
  assert.deepEqual(specNetworks({ TaskTemplate: { Networks: [] }, Networks: [{ Target: 'b' }] }), [{ Target: 'b' }]);
  assert.deepEqual(specNetworks({ TaskTemplate: { Networks: null }, Networks: null }), []);
});
