// networks and network against the fake engine: `docker network ls` filters applied by the
// gateway (name as a substring, scope, driver, labels), dangling computed from services,
// attachment tasks and local containers (the Engine's own filter ignores services), pages by
// name, a manager's stale local copy of a removed swarm network left out, the nested fields
// (containers and peers from one verbose inspect, services from the one service list), a
// label-scoped reader's view, and the number of Engine calls a nested query costs.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { addContainer, bridgeNetwork, swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { STALE_LOCAL_COPY } from '../../../support/fake-engine/routes/networks.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

describe('networks and network', () => {
  let fake: FakeGateway;
  let front: Json;
  let back: Json;
  let attached: Json;
  let local: Json;
  before(async () => {
    fake = await startFakeGateway();
    const state = fake.engine.state;
    const add = (n: Json) => (state.networks.set(n.Id, n), n);
    front = add(swarmNetwork(state, { Name: 'front', Driver: 'overlay', Labels: { team: 'payments' } }));
    back = add(swarmNetwork(state, { Name: 'back-end', Driver: 'overlay', Labels: { team: 'billing' } }));
    add(swarmNetwork(state, { Name: 'idle', Driver: 'overlay', Labels: { team: 'payments', tier: 'x' } }));
    attached = add(swarmNetwork(state, { Name: 'attached', Driver: 'overlay', Attachable: true }));
    local = add(bridgeNetwork({ Name: 'local-br', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.30.0.0/16' }] }, Labels: {} }));
    // A stale local copy of a swarm network the swarm no longer has (Docker 20.10's old ingress).
    add({ ...swarmNetwork(state, { Name: 'old-ingress', Driver: 'overlay' }), [STALE_LOCAL_COPY]: true });
    state.addService({ Name: 'web', Labels: { team: 'payments' }, TaskTemplate: { ContainerSpec: { Image: 'nginx', Labels: {} }, Networks: [{ Target: front.Id, Aliases: ['www'] }] } });
    state.addService({ Name: 'ledger', Labels: { team: 'billing' }, TaskTemplate: { ContainerSpec: { Image: 'nginx' }, Networks: [{ Target: back.Id }] } });
    addContainer(state, { name: 'standalone', networks: [attached.Id], labels: { team: 'payments' } });
    addContainer(state, { name: 'on-bridge', networks: [local.Id] });
  });
  after(() => fake.stop());
  beforeEach(() => fake.engine.clearRequests());

  const names = async (filter: Json, token?: string) => {
    const res = await fake.gql('query($f: NetworkFilter) { networks(filter: $f) { totalCount nodes { name } } }', { f: filter }, token ? { token } : undefined);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.networks.nodes.map((n: Json) => n.name);
  };

  test('the list by name, without the stale local copy', async () => {
    assert.deepEqual(await names({}), ['attached', 'back-end', 'bridge', 'docker_gwbridge', 'front', 'host', 'idle', 'ingress', 'local-br', 'none']);
  });

  test('filters as docker network ls applies them', async () => {
    assert.deepEqual(await names({ name: 'ro' }), ['front']);
    assert.deepEqual(await names({ scope: 'LOCAL' }), ['bridge', 'docker_gwbridge', 'host', 'local-br', 'none']);
    assert.deepEqual(await names({ driver: 'overlay', label: ['team=payments'] }), ['front', 'idle']);
    assert.deepEqual(await names({ label: ['team', 'tier'] }), ['idle']);
  });

  test('dangling: used by no service, attachment or container; the pre-defined never are', async () => {
    // ingress without a publisher is unused too (Docker's pre-defined networks are bridge, host and none).
    assert.deepEqual(await names({ dangling: true }), ['docker_gwbridge', 'idle', 'ingress']);
    assert.deepEqual(await names({ dangling: false, scope: 'SWARM' }), ['attached', 'back-end', 'front']);
  });

  test('pages by name with opaque cursors', async () => {
    const first = await fake.gql('{ networks(first: 3) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }');
    assert.deepEqual(first.data.networks.nodes.map((n: Json) => n.name), ['attached', 'back-end', 'bridge']);
    assert.equal(first.data.networks.totalCount, 10);
    const next = await fake.gql('query($a: String) { networks(first: 3, after: $a) { nodes { name } } }', { a: first.data.networks.pageInfo.endCursor });
    assert.deepEqual(next.data.networks.nodes.map((n: Json) => n.name), ['docker_gwbridge', 'front', 'host']);
    const tooMany = await fake.gql('{ networks(first: 100000) { totalCount } }');
    assert.equal(tooMany.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  });

  test('network by name, ID or ID prefix; a missing one is NOT_FOUND', async () => {
    for (const ref of ['front', front.Id, front.Id.slice(0, 8)]) {
      const res = await fake.gql('query($id: ID!) { network(id: $id) { id name } }', { id: ref });
      assert.equal(res.data?.network?.id, front.Id, ref);
    }
    const missing = await fake.gql('{ network(id: "no-such") { id } }');
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('nested fields: services with VIP and aliases, containers and peers from one verbose inspect', async () => {
    const res = await fake.gql(`{
      front: network(id: "front") { services { virtualIp aliases service { name } } peers { name ip } }
      attached: network(id: "attached") { containers { name ipv4Address } }
    }`);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(res.data.front.services, [{ virtualIp: '10.0.1.2', aliases: ['www'], service: { name: 'web' } }]);
    assert.deepEqual(res.data.front.peers, [{ name: 'manager-1', ip: [...fake.engine.state.nodes.values()][0]!.Status.Addr }]);
    assert.deepEqual(res.data.attached.containers.map((c: Json) => c.name), ['standalone']);
    const inspects = fake.engine.requests.filter((r) => r.path.startsWith('/networks/'));
    assert.deepEqual(inspects.map((r) => r.query.verbose), ['true', 'true']);
    assert.equal(fake.engine.requests.filter((r) => r.path === '/services').length, 1);
  });

  test('every network\'s services in one list call, whatever the number of networks', async () => {
    const res = await fake.gql('{ networks { nodes { name services { service { name } } } } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(fake.engine.requests.filter((r) => r.path === '/services').length, 1);
    assert.equal(fake.engine.requests.filter((r) => r.path === '/networks').length, 1);
  });

  test('a label-scoped viewer sees its networks only, and only its containers in them', async () => {
    const token = await fake.tokenFor('viewer:team=payments');
    assert.deepEqual(await names({}, token), ['front', 'idle']);
    const hidden = await fake.gql('{ network(id: "back-end") { id } }', {}, { token });
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('Network.containers to a label-scoped viewer: its containers only; the network\'s own endpoints stay', async () => {
    const state = fake.engine.state;
    const ours = addContainer(state, { name: 'ours-on-front', networks: [front.Id], labels: { team: 'payments' } });
    const theirs = addContainer(state, { name: 'theirs-on-front', networks: [front.Id], labels: { team: 'billing' } });
    front.Containers[`lb-front`] = { Name: 'front-endpoint', EndpointID: 'e', MacAddress: '', IPv4Address: '10.0.1.250/24', IPv6Address: '' };
    try {
      const token = await fake.tokenFor('viewer:team=payments');
      const res = await fake.gql('{ network(id: "front") { containers { id name } } }', {}, { token });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(res.data.network.containers.map((c: Json) => c.name), ['front-endpoint', 'ours-on-front']);
      const admin = await fake.gql('{ network(id: "front") { containers { name } } }');
      assert.deepEqual(admin.data.network.containers.map((c: Json) => c.name), ['front-endpoint', 'ours-on-front', 'theirs-on-front']);
    } finally {
      for (const c of [ours, theirs]) {
        state.containers.delete(c.Id);
        delete front.Containers[c.Id];
      }
      delete front.Containers['lb-front'];
      for (const t of [...state.tasks.values()]) if (t.Spec?.NetworkAttachmentSpec) state.tasks.delete(t.ID);
    }
  });

  test('a caller without a grant for the cluster: FORBIDDEN', async () => {
    const token = await fake.tokenFor('viewer@elsewhere');
    const res = await fake.gql('{ networks { totalCount } }', {}, { token });
    assert.ok(['FORBIDDEN', 'UNAUTHENTICATED'].includes(res.errors?.[0]?.extensions?.code ?? ''), JSON.stringify(res.errors));
  });
});
