// clusters, engines and whoami against fake engines: only the clusters and engines some
// grant of the caller covers, endpoint URLs only for an unscoped admin, each engine's swarm
// state from its own /info (an engine that does not answer is UNREACHABLE, not an error),
// and the caller with its grants.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

describe('clusters, engines and whoami', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway({ engines: [{ name: 'spare' }, { name: 'gone' }] });
    await fake.engines.gone!.close();
  });
  after(() => fake.stop());

  test('clusters: the configured one, default, with its endpoint for an unscoped admin only', async () => {
    const admin = await fake.gql('{ clusters { name isDefault endpoints } }');
    assert.deepEqual(admin.data.clusters, [{ name: 'fake', isDefault: true, endpoints: [fake.engine.url] }]);
    const viewer = await fake.gql('{ clusters { name endpoints } }', {}, { token: await fake.tokenFor('viewer') });
    assert.deepEqual(viewer.data.clusters, [{ name: 'fake', endpoints: [] }]);
    const elsewhere = await fake.gql('{ clusters { name } }', {}, { token: await fake.tokenFor('viewer@elsewhere') });
    assert.ok(elsewhere.errors || elsewhere.data.clusters.length === 0, JSON.stringify(elsewhere));
  });

  test('engines: each one\'s swarm state and node from its own /info; one that does not answer is UNREACHABLE', async () => {
    const res = await fake.gql('{ engines { name endpoint swarmState nodeId } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const byName = Object.fromEntries(res.data.engines.map((e: Json) => [e.name, e]));
    assert.deepEqual(byName['fake-engine'], { name: 'fake-engine', endpoint: fake.engine.url, swarmState: 'ACTIVE', nodeId: fake.engine.state.localNodeId });
    assert.deepEqual(byName.spare, { name: 'spare', endpoint: fake.engines.spare!.url, swarmState: 'INACTIVE', nodeId: null });
    assert.deepEqual(byName.gone, { name: 'gone', endpoint: fake.engines.gone!.url, swarmState: 'UNREACHABLE', nodeId: null });
  });

  test('engines for a viewer of the cluster: its engines, without endpoints; engines outside any cluster need an all-clusters grant', async () => {
    const scoped = await fake.gql('{ engines { name endpoint } }', {}, { token: await fake.tokenFor('viewer@fake') });
    assert.deepEqual(scoped.data.engines, [{ name: 'fake-engine', endpoint: null }]);
    const all = await fake.gql('{ engines { name endpoint } }', {}, { token: await fake.tokenFor('viewer') });
    assert.deepEqual(all.data.engines.map((e: Json) => [e.name, e.endpoint]), [['fake-engine', null], ['spare', null], ['gone', null]]);
  });

  test('whoami: the caller and its grants', async () => {
    const token = await fake.tokenFor('operator@fake:team=payments', 'viewer');
    const res = await fake.gql('{ whoami { id kind grants { role clusters labels { key value } text } } }', {}, { token });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data.whoami.kind, 'OIDC');
    assert.match(res.data.whoami.id, /fake-operator@fake:team=payments\+viewer/);
    assert.deepEqual(
      res.data.whoami.grants.map((g: Json) => [g.role, g.clusters, g.labels]).sort((a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1)),
      [['OPERATOR', ['fake'], [{ key: 'team', value: 'payments' }]], ['VIEWER', null, []]],
    );
  });

  test('without credentials: UNAUTHENTICATED (no anonymous grants configured)', async () => {
    const res = await fake.gql('{ whoami { id } }', {}, { token: null });
    assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });
});
