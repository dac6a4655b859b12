// services and service against a fake engine: `docker service ls` filters (name prefix,
// labels, mode), pages by name with opaque cursors, one `GET /services` per
// request, a label-scoped reader sees only its services, and service by ID, name or
// unique ID prefix, NOT_FOUND and BAD_REQUEST as documented.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { HANG_UP } from '../../../support/fake-engine/server.ts';
import { FakeSwarm, serviceSpec } from '../../../support/fake-engine/state.ts';
import { expectData } from '../../../support/gateway.ts';
import { queryArgumentType, startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

type Json = Record<string, any>;

describe('services and service', () => {
  let fg: FakeGateway;
  before(async () => {
    fg = await startFakeGateway();
    const add = (name: string, extra: Json = {}) => fg.engine.state.addService(serviceSpec(name, extra));
    add('lst-b', { Labels: { tier: 'db', team: 'billing' } });
    add('lst-a', { Labels: { tier: 'web', team: 'payments' }, Mode: { Replicated: { Replicas: 2 } } });
    add('lst-c', { Labels: { tier: 'web' }, Mode: { Global: {} } });
    add('other', { Labels: { team: 'payments' } });
  });
  after(() => fg?.stop());
  beforeEach(() => fg.engine.clearRequests());

  const names = async (filter: Json | null, token?: string) => {
    const res = await fg.gql('query($f: ServiceFilter) { services(filter: $f) { totalCount nodes { name } } }', { f: filter }, { token });
    const services = expectData(res).services as Json;
    assert.equal(services.totalCount, services.nodes.length);
    return services.nodes.map((n: Json) => n.name);
  };

  test('filters as `docker service ls --filter`: name is a prefix, every label must match, mode', async () => {
    assert.deepEqual(await names(null), ['lst-a', 'lst-b', 'lst-c', 'other']);
    assert.deepEqual(await names({ name: 'lst-' }), ['lst-a', 'lst-b', 'lst-c']);
    assert.deepEqual(await names({ name: 'st-' }), []);
    assert.deepEqual(await names({ label: ['tier=web'] }), ['lst-a', 'lst-c']);
    assert.deepEqual(await names({ label: ['tier'] }), ['lst-a', 'lst-b', 'lst-c']);
    assert.deepEqual(await names({ label: ['tier=web', 'team=payments'] }), ['lst-a']);
    assert.deepEqual(await names({ mode: 'GLOBAL' }), ['lst-c']);
    assert.deepEqual(await names({ mode: 'REPLICATED', name: 'lst' }), ['lst-a', 'lst-b']);
  });

  test('one GET /services per request, whatever the query asks, without status=true (task counts come from the tasks)', async () => {
    const res = await fg.gql('{ a: services { totalCount } b: services(filter: { name: "lst" }) { nodes { name runningTasks desiredTasks } } service(id: "lst-a") { replicas } }');
    const data = expectData(res) as Json;
    assert.deepEqual(data.b.nodes.find((n: Json) => n.name === 'lst-a'), { name: 'lst-a', runningTasks: 2, desiredTasks: 2 });
    assert.equal(data.service.replicas, 2);
    const lists = fg.engine.requests.filter((r) => r.path === '/services');
    assert.deepEqual(lists.map((r) => r.query), [{}]);
  });

  test('pages by name: first, after the end cursor, hasNextPage; a cursor not ours is BAD_REQUEST', async () => {
    const page = async (after: string | null) =>
      expectData(await fg.gql('query($after: String) { services(first: 2, after: $after) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage endCursor } } }', { after }))
        .services as Json;
    const one = await page(null);
    assert.deepEqual(one.nodes.map((n: Json) => n.name), ['lst-a', 'lst-b']);
    assert.equal(one.totalCount, 4);
    assert.deepEqual([one.pageInfo.hasNextPage, one.pageInfo.hasPreviousPage], [true, false]);
    const two = await page(one.pageInfo.endCursor);
    assert.deepEqual(two.nodes.map((n: Json) => n.name), ['lst-c', 'other']);
    assert.deepEqual([two.pageInfo.hasNextPage, two.pageInfo.hasPreviousPage], [false, true]);
    const bad = await fg.gql('{ services(after: "bm90LW91cnM") { totalCount } }');
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  });

  test('a page size outside 1-100 is BAD_REQUEST and the engine is not asked', async () => {
    for (const first of [0, 101]) {
      const res = await fg.gql('query($first: Int) { services(first: $first) { totalCount } }', { first });
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST', `first: ${first}`);
    }
    assert.deepEqual(fg.engine.requests.filter((r) => r.path === '/services'), []);
  });

  test('a reader scoped to team=payments sees only its services, in the list and by reference', async () => {
    const token = await fg.tokenFor('viewer:team=payments');
    assert.deepEqual(await names(null, token), ['lst-a', 'other']);
    const hidden = await fg.gql('{ service(id: "lst-b") { id } }', undefined, { token });
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const seen = await fg.gql('{ service(id: "lst-a") { name } }', undefined, { token });
    assert.deepEqual(expectData(seen), { service: { name: 'lst-a' } });
  });

  test('service by ID, name or unique ID prefix; unknown is NOT_FOUND; outside Docker\'s grammar BAD_REQUEST', async () => {
    const stored = fg.engine.state.findService('lst-c')!;
    for (const ref of [stored.ID, 'lst-c', stored.ID.slice(0, 8)]) {
      const res = await fg.gql(`query($id: ${queryArgumentType('service', 'id')}) { service(id: $id) { id name mode } }`, { id: ref });
      assert.deepEqual(expectData(res), { service: { id: stored.ID, name: 'lst-c', mode: 'GLOBAL' } }, ref);
    }
    const missing = await fg.gql('{ service(id: "no-such-service") { id } }');
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const bad = await fg.gql('{ service(id: "../x") { id } }');
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  });

  test('an engine that hangs up is ENGINE_UNAVAILABLE', async () => {
    const restore = fg.engine.override('GET', '/services', () => HANG_UP);
    try {
      const res = await fg.gql('{ services { totalCount } }');
      assert.equal(res.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE');
    } finally {
      restore();
    }
  });

  test('an engine outside any swarm answers 503 "not a swarm manager": NOT_A_SWARM_MANAGER', async () => {
    const lone = await startFakeGateway({ state: FakeSwarm.create({ inSwarm: false }) });
    try {
      const res = await lone.gql('{ services { totalCount } }');
      assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_A_SWARM_MANAGER');
    } finally {
      await lone.stop();
    }
  });

  test('an auditor, who reads no services, is FORBIDDEN', async () => {
    const res = await fg.gql('{ services { totalCount } }', undefined, { token: await fg.tokenFor('auditor') });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(fg.engine.requests, []);
  });
});
