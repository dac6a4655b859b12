// specDiff: leaf paths of a service spec change, arrays whole, absent and null alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specDiff } from '../../../../src/docker/rollout/spec-diff.ts';

describe('specDiff', () => {
  it('names the leaf path with canonical JSON before and after', () => {
    const before = { Name: 'web', TaskTemplate: { ContainerSpec: { Image: 'a:1', Env: ['A=1'] } } };
    const after = { Name: 'web', TaskTemplate: { ContainerSpec: { Image: 'a:2', Env: ['A=1'] } } };
    assert.deepEqual(specDiff(before, after), [{ path: 'TaskTemplate.ContainerSpec.Image', before: '"a:1"', after: '"a:2"' }]);
  });

  it('compares lists whole and reports added and removed keys with null on the missing side', () => {
    const changes = specDiff({ Env: ['A=1', 'B=2'], Labels: { x: '1' } }, { Env: ['B=2', 'A=1'], Placement: { Constraints: ['node.role==worker'] } });
    assert.deepEqual(changes, [
      { path: 'Env', before: '["A=1","B=2"]', after: '["B=2","A=1"]' },
      { path: 'Labels', before: '{"x":"1"}', after: null },
      { path: 'Placement', before: null, after: '{"Constraints":["node.role==worker"]}' },
    ]);
  });

  it('null, undefined and absent are no change; equal specs give nothing', () => {
    assert.deepEqual(specDiff({ a: null, b: { c: 1 } }, { b: { c: 1 }, d: undefined }), []);
  });
});
