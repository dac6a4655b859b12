// networks(engine:) and network(engine:) against fake engines: a worker's own view (its
// bridge, host and none, not the manager's; the swarm networks it has joined; a stale local
// copy of a swarm network the swarm no longer has left out), the same filters (dangling
// judged by the worker's own containers for its local networks), nested containers read
// from the worker, references resolved on the worker, a label-scoped viewer's view, and the
// errors for an unknown engine or a cluster that is not the engine's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { addContainer, bridgeNetwork, swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const LIST = 'query($e: String, $f: NetworkFilter) { networks(engine: $e, filter: $f) { totalCount nodes { id name scope engine } } }';

describe('networks(engine:) and network(engine:)', () => {
  let fake: FakeGateway;
  let overlay: Json;
  let joined: Json;
  let idle: Json;
  before(async () => {
    fake = await startFakeGateway({ engines: [{ name: 'worker-1', cluster: 'fake' }] });
    const manager = fake.engine.state;
    const worker = fake.engines['worker-1']!.state;
    overlay = swarmNetwork(manager, { Name: 'demo-overlay', Driver: 'overlay', Attachable: true, IPAM: { Config: [{ Subnet: '10.60.0.0/24' }] } });
    const other = swarmNetwork(manager, { Name: 'only-on-manager', Driver: 'overlay', Attachable: true, IPAM: { Config: [{ Subnet: '10.61.0.0/24' }] } });
    manager.networks.set(overlay.Id, overlay);
    manager.networks.set(other.Id, other);
    // The worker has joined the overlay (its own copy, with its own endpoints), not the other one.
    joined = { ...overlay, Containers: {} };
    worker.networks.set(joined.Id, joined);
    // A swarm network the swarm no longer has: only the worker still lists it.
    const gone = swarmNetwork(worker, { Name: 'gone', Driver: 'overlay', IPAM: { Config: [{ Subnet: '10.62.0.0/24' }] } });
    worker.networks.set(gone.Id, gone);
    idle = bridgeNetwork({ Name: 'worker-idle', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.31.0.0/24' }] }, Labels: { team: 'payments' } });
    worker.networks.set(idle.Id, idle);
    const busy = bridgeNetwork({ Name: 'worker-busy', Driver: 'bridge', IPAM: { Config: [{ Subnet: '172.31.1.0/24' }] }, Labels: { team: 'billing' } });
    worker.networks.set(busy.Id, busy);
    addContainer(worker, { name: 'alpine2', networks: [joined.Id], labels: { team: 'payments' } });
    // swarmkit's network-attachment task for it lives in the swarm, as the managers list it.
    for (const [id, task] of worker.tasks) manager.tasks.set(id, task);
    addContainer(worker, { name: 'on-busy', networks: [busy.Id], labels: { team: 'billing' } });
  });
  after(() => fake.stop());

  const list = async (engine: string | null, filter: Json = {}, token?: string) => {
    const res = await fake.gql(LIST, { e: engine, f: filter }, token ? { token } : undefined);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.networks.nodes as Json[];
  };
  const names = (nodes: Json[]) => nodes.map((n) => n.name);

  test('the worker\'s own networks: its bridge, not the manager\'s; the overlay it joined; no stale swarm copy', async () => {
    const onWorker = await list('worker-1');
    assert.deepEqual(names(onWorker), ['bridge', 'demo-overlay', 'host', 'none', 'worker-busy', 'worker-idle']);
    assert.ok(onWorker.every((n) => n.engine === 'worker-1'));
    const onManager = await list(null);
    assert.ok(onManager.every((n) => n.engine === null));
    const bridgeId = (nodes: Json[]) => nodes.find((n) => n.name === 'bridge')!.id;
    assert.equal(bridgeId(onWorker), fake.engines['worker-1']!.state.findNetwork('bridge')!.Id);
    assert.notEqual(bridgeId(onWorker), bridgeId(onManager));
    assert.ok(names(onManager).includes('only-on-manager'));
  });

  test('the same filters, dangling judged by the worker\'s own containers', async () => {
    assert.deepEqual(names(await list('worker-1', { scope: 'SWARM' })), ['demo-overlay']);
    assert.deepEqual(names(await list('worker-1', { name: 'worker', label: ['team=payments'] })), ['worker-idle']);
    assert.deepEqual(names(await list('worker-1', { dangling: true })), ['worker-idle']);
    assert.deepEqual(names(await list('worker-1', { dangling: false })), ['bridge', 'demo-overlay', 'host', 'none', 'worker-busy']);
  });

  test('network(engine:) resolves on the worker; its containers are the worker\'s', async () => {
    const res = await fake.gql('{ bridge: network(engine: "worker-1", id: "bridge") { id engine } overlay: network(engine: "worker-1", id: "demo-overlay") { id scope engine containers { name } } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data.bridge.id, fake.engines['worker-1']!.state.findNetwork('bridge')!.Id);
    assert.deepEqual(res.data.overlay, { id: overlay.Id, scope: 'SWARM', engine: 'worker-1', containers: [{ name: 'alpine2' }] });
    const listed = await fake.gql('{ networks(engine: "worker-1", filter: { name: "demo" }) { nodes { containers { name } } } }');
    assert.deepEqual(listed.data.networks.nodes, [{ containers: [{ name: 'alpine2' }] }]);
  });

  test('a network the worker does not have (a swarm network it has not joined), or a stale copy, is NOT_FOUND; a reference outside the grammar is BAD_REQUEST', async () => {
    for (const id of ['nope', 'gone', 'only-on-manager']) {
      const res = await fake.gql('query($id: ID!) { network(engine: "worker-1", id: $id) { id } }', { id });
      assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND', id);
    }
    const bad = await fake.gql('{ network(engine: "worker-1", id: "a b") { id } }');
    assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  });

  test('a label-scoped viewer sees the worker\'s networks its scope reaches, and its containers only', async () => {
    const token = await fake.tokenFor('viewer:team=payments');
    assert.deepEqual(names(await list('worker-1', {}, token)), ['worker-idle']);
    const hidden = await fake.gql('{ network(engine: "worker-1", id: "worker-busy") { id } }', {}, { token });
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const seen = await fake.gql('{ network(engine: "worker-1", id: "worker-idle") { name } }', {}, { token });
    assert.deepEqual(seen.data, { network: { name: 'worker-idle' } });
  });

  test('an unknown engine, or a cluster that is not the engine\'s, is refused before any engine is read', async () => {
    fake.engines['worker-1']!.clearRequests();
    const unknown = await fake.gql('{ networks(engine: "nowhere") { totalCount } }');
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(unknown.errors));
    const mismatch = await fake.gql('{ networks(engine: "worker-1", cluster: "other") { totalCount } }');
    assert.equal(mismatch.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(mismatch.errors));
    assert.deepEqual(fake.engines['worker-1']!.requests, []);
  });
});
