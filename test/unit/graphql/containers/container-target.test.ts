// The cluster a container mutation is audited under: a named engine's own cluster, not the
// default one the omitted `cluster` would name (an engine of cluster "prod" given without
// cluster must not be recorded under the default "staging").
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clusterOfInput } from '../../../../src/graphql/containers/container-target.ts';

const registry = {
  engineNames: () => ['prod-worker-1', 'lone'],
  engine: (name: string) => ({ name, cluster: name === 'lone' ? undefined : 'prod' }) as never,
};

describe('container mutations: the audited cluster', () => {
  test("a named engine's own cluster; else the cluster given", () => {
    assert.equal(clusterOfInput(registry, { engine: 'prod-worker-1' }), 'prod');
    assert.equal(clusterOfInput(registry, { engine: 'prod-worker-1', cluster: 'prod' }), 'prod');
    assert.equal(clusterOfInput(registry, { cluster: 'staging' }), 'staging');
    assert.equal(clusterOfInput(registry, {}), undefined);
    assert.equal(clusterOfInput(registry, { engine: 'lone', cluster: 'staging' }), 'staging');
    // An unknown engine is refused later, at input.engine; the cluster given stands meanwhile.
    assert.equal(clusterOfInput(registry, { engine: 'nope', cluster: 'staging' }), 'staging');
  });
});
