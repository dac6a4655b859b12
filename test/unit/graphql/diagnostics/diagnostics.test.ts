// diagnostics against the fake engine: the overlay guide's checks from four Engine reads
// (swarm, nodes, networks, running tasks) whatever the swarm's size, the data path port in
// the required ports, and each check seeing what it should in the engine's JSON.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const QUERY = '{ diagnostics { cluster requiredPorts { port protocol } checks { id status summary details } } }';

describe('diagnostics', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(() => fake.stop());

  const run = async (token?: string) => {
    fake.engine.clearRequests();
    const res = await fake.gql(QUERY, {}, token ? { token } : undefined);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return { ...res.data.diagnostics, check: (id: string) => res.data.diagnostics.checks.find((c: Json) => c.id === id) };
  };

  test('a healthy one-manager swarm: four reads, the default data path port', async () => {
    const d = await run();
    assert.equal(d.cluster, 'fake');
    assert.deepEqual(d.requiredPorts.map((p: Json) => `${p.port}/${p.protocol}`), ['2377/TCP', '7946/TCP', '7946/UDP', '4789/UDP']);
    assert.deepEqual(d.checks.map((c: Json) => c.id), ['ports', 'quorum', 'subnet-overlap', 'unallocated-networks', 'encrypted-windows', 'overlay-container-limit']);
    assert.equal(d.check('subnet-overlap').status, 'OK');
    assert.equal(d.check('unallocated-networks').status, 'OK');
    assert.deepEqual(fake.engine.requests.map((r) => r.path).sort(), ['/networks', '/nodes', '/swarm', '/tasks']);
    assert.deepEqual(JSON.parse(fake.engine.requests.find((r) => r.path === '/tasks')!.query.filters!), { 'desired-state': ['running'] });
  });

  test('a custom data path port, an unallocated network, an encrypted overlay with a Windows node', async () => {
    const state = fake.engine.state;
    state.swarm!.DataPathPort = 7789;
    const taken = swarmNetwork(state, { Name: 'taken', Driver: 'overlay', IPAM: { Config: [{ Subnet: '10.70.0.0/16' }] } });
    state.networks.set(taken.Id, taken);
    // Created over an overlapping subnet: swarmkit's allocator leaves it without driver or IPAM.
    const broken = swarmNetwork(state, { Name: 'broken', Driver: 'overlay', IPAM: { Config: [{ Subnet: '10.70.1.0/24' }] } });
    state.networks.set(broken.Id, broken);
    const secure = swarmNetwork(state, { Name: 'secure', Driver: 'overlay', Options: { encrypted: '' } });
    state.networks.set(secure.Id, secure);
    const win = state.addNode({ hostname: 'win-1', role: 'worker' });
    win.Description.Platform.OS = 'windows';
    const d = await run();
    assert.ok(d.requiredPorts.some((p: Json) => p.port === 7789 && p.protocol === 'UDP'));
    assert.equal(d.check('unallocated-networks').status, 'ERROR');
    assert.deepEqual(d.check('unallocated-networks').details, ['network broken has no driver and no IPAM configuration']);
    assert.equal(d.check('encrypted-windows').status, 'WARNING');
    assert.match(d.check('encrypted-windows').details.join('\n'), /secure[\s\S]*win-1/);
  });

  test('a node address inside an overlay subnet: subnet-overlap ERROR', async () => {
    const state = fake.engine.state;
    const node = state.addNode({ hostname: 'odd-node', role: 'worker', addr: '10.70.9.9' });
    try {
      const d = await run();
      assert.equal(d.check('subnet-overlap').status, 'ERROR');
      assert.ok(d.check('subnet-overlap').details.some((l: string) => /odd-node address 10\.70\.9\.9 is inside overlay taken/.test(l)), JSON.stringify(d.check('subnet-overlap')));
    } finally {
      state.nodes.delete(node.ID);
    }
  });

  test('a label-scoped viewer is refused (the checks read the whole swarm)', async () => {
    const token = await fake.tokenFor('viewer:team=payments');
    const res = await fake.gql(QUERY, {}, { token });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
