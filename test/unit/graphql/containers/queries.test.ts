// containers and container against fake engines: `docker ps` filters sent as the Engine's
// JSON filters, task containers left out unless asked for, stopped ones only with `all`,
// the manager endpoint by default or a named engine, aliases read by one inspect per
// container when the list's networks are asked for, and a label-scoped reader's view
// (its own containers and its services' task containers; other networks' names masked).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { addContainer, swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const LIST = 'query($f: ContainerFilter, $e: String) { containers(filter: $f, engine: $e) { totalCount nodes { name state taskId engine } } }';

describe('containers and container', () => {
  let fake: FakeGateway;
  let web: Json;
  let secret: Json;
  before(async () => {
    fake = await startFakeGateway({ engines: [{ name: 'worker-1', cluster: 'fake' }] });
    const state = fake.engine.state;
    const overlay = swarmNetwork(state, { Name: 'app-net', Driver: 'overlay', Attachable: true, Labels: { team: 'payments' } });
    secret = swarmNetwork(state, { Name: 'billing-net', Driver: 'overlay', Attachable: true, Labels: { team: 'billing' } });
    state.networks.set(overlay.Id, overlay);
    state.networks.set(secret.Id, secret);
    const service = state.addService({ Name: 'api', Labels: { team: 'payments' }, TaskTemplate: { ContainerSpec: { Image: 'nginx' } } });
    web = addContainer(state, { name: 'web', labels: { team: 'payments' }, networks: ['bridge', 'app-net', 'billing-net'] });
    addContainer(state, { name: 'batch', labels: { team: 'billing' } });
    addContainer(state, { name: 'stopped', running: false });
    addContainer(state, { name: 'api.1.abc', labels: { 'com.docker.swarm.task.id': 'task1', 'com.docker.swarm.service.id': service.ID } });
    addContainer(fake.engines['worker-1']!.state, { name: 'worker-only' });
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.engine.clearRequests();
    fake.engines['worker-1']!.clearRequests();
  });

  const list = async (filter: Json = {}, engine?: string, token?: string) => {
    const res = await fake.gql(LIST, { f: filter, e: engine }, token ? { token } : undefined);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.containers.nodes.map((c: Json) => c.name);
  };

  test('standalone, running containers of the manager endpoint, by name', async () => {
    assert.deepEqual(await list(), ['batch', 'web']);
    const [sent] = fake.engine.requests.filter((r) => r.path === '/containers/json');
    assert.deepEqual([sent!.query.all, sent!.query.filters], ['false', undefined]);
  });

  test('all, task containers too, and the filters sent as docker ps sends them', async () => {
    assert.deepEqual(await list({ all: true, standaloneOnly: false }), ['api.1.abc', 'batch', 'stopped', 'web']);
    await list({ name: 'we', label: ['team=payments'], network: 'app-net' });
    const sent = fake.engine.requests.filter((r) => r.path === '/containers/json').at(-1)!;
    assert.deepEqual(JSON.parse(sent.query.filters!), { name: ['we'], label: ['team=payments'], network: ['app-net'] });
  });

  test('a named engine\'s containers come from that engine', async () => {
    const res = await fake.gql(LIST, { e: 'worker-1' });
    assert.deepEqual(res.data.containers.nodes, [{ name: 'worker-only', state: 'RUNNING', taskId: null, engine: 'worker-1' }]);
    assert.equal(fake.engine.requests.filter((r) => r.path.startsWith('/containers')).length, 0);
  });

  test('an engine that is not configured: NOT_FOUND', async () => {
    const res = await fake.gql(LIST, { e: 'nowhere' });
    assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('networks of listed containers: aliases from one inspect per container', async () => {
    const c = fake.engine.state.findContainer('web')!;
    c.NetworkSettings.Networks['app-net'].Aliases = ['web-alias'];
    const res = await fake.gql('{ containers { nodes { name networks { networkName aliases } } } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const webNode = res.data.containers.nodes.find((n: Json) => n.name === 'web');
    assert.deepEqual(webNode.networks.map((n: Json) => [n.networkName, n.aliases]), [['app-net', ['web-alias']], ['billing-net', []], ['bridge', []]]);
    assert.deepEqual(fake.engine.requests.filter((r) => r.path.endsWith('/json') && r.path !== '/containers/json').length, 2);
  });

  test('container by name, ID or prefix; a missing one is NOT_FOUND', async () => {
    for (const ref of ['web', web.Id, web.Id.slice(0, 10)]) {
      const res = await fake.gql('query($id: ID!) { container(id: $id) { id name image } }', { id: ref });
      assert.deepEqual(res.data?.container, { id: web.Id, name: 'web', image: 'busybox:latest' }, ref);
    }
    const missing = await fake.gql('{ container(id: "nope") { id } }');
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('a label-scoped viewer: its containers and its services\' tasks; others missing; other networks masked', async () => {
    const token = await fake.tokenFor('viewer:team=payments');
    assert.deepEqual(await list({ standaloneOnly: false }, undefined, token), ['api.1.abc', 'web']);
    const hidden = await fake.gql('{ container(id: "batch") { id } }', {}, { token });
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const res = await fake.gql('{ container(id: "web") { networks { networkName networkId } } }', {}, { token });
    assert.deepEqual(res.data.container.networks.map((n: Json) => n.networkName).sort(), ['app-net', 'bridge', secret.Id].sort());
  });
});
