// nodes and node against a fake engine: `docker node ls` filters (role, availability,
// labels, name prefix of hostname), pages by hostname, node by ID, unique prefix or
// hostname with the inspect fields, Node.tasks batched into one GET /tasks, and nodes are
// refused to label-scoped grants.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { expectData } from '../../../support/gateway.ts';
import { queryArgumentType, startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

describe('nodes and node', () => {
  let fg: FakeGateway;
  before(async () => {
    fg = await startFakeGateway({});
    fg.engine.state.addNode({ hostname: 'worker-b', labels: { zone: 'b' } });
    fg.engine.state.addNode({ hostname: 'worker-a', labels: { zone: 'a', ssd: '' }, availability: 'drain' });
    fg.engine.state.addNode({ hostname: 'edge-1', role: 'manager' });
    fg.engine.state.addService(serviceSpec('spread', { Mode: { Global: {} } }));
  });
  after(() => fg?.stop());
  beforeEach(() => fg.engine.clearRequests());

  const hostnames = async (filter: Json | null) =>
    (expectData(await fg.gql('query($f: NodeFilter) { nodes(filter: $f) { totalCount nodes { hostname } } }', { f: filter })).nodes as Json).nodes.map((n: Json) => n.hostname);

  test('filters as `docker node ls --filter`', async () => {
    assert.deepEqual(await hostnames(null), ['edge-1', 'manager-1', 'worker-a', 'worker-b']);
    assert.deepEqual(await hostnames({ role: 'MANAGER' }), ['edge-1', 'manager-1']);
    assert.deepEqual(await hostnames({ role: 'WORKER', availability: 'ACTIVE' }), ['worker-b']);
    assert.deepEqual(await hostnames({ label: ['zone'] }), ['worker-a', 'worker-b']);
    assert.deepEqual(await hostnames({ label: ['zone=a', 'ssd'] }), ['worker-a']);
    assert.deepEqual(await hostnames({ name: 'worker-' }), ['worker-a', 'worker-b']);
  });

  test('pages by hostname', async () => {
    const one = expectData(await fg.gql('{ nodes(first: 3) { nodes { hostname } pageInfo { hasNextPage endCursor } } }')).nodes as Json;
    assert.deepEqual(one.nodes.map((n: Json) => n.hostname), ['edge-1', 'manager-1', 'worker-a']);
    const two = expectData(await fg.gql('query($a: String) { nodes(first: 3, after: $a) { nodes { hostname } pageInfo { hasNextPage } } }', { a: one.pageInfo.endCursor })).nodes as Json;
    assert.deepEqual([one.pageInfo.hasNextPage, two.nodes.map((n: Json) => n.hostname), two.pageInfo.hasNextPage], [true, ['worker-b'], false]);
  });

  test('node by ID, unique prefix or hostname, with what `docker node inspect` shows', async () => {
    const e = fg.engine.state.findNode('manager-1')!;
    const query = `query($id: ${queryArgumentType('node', 'id')}) { node(id: $id) { id hostname role availability state address leader managerAddress engineVersion version } }`;
    for (const ref of [e.ID, e.ID.slice(0, 6), 'manager-1']) {
      assert.deepEqual(expectData(await fg.gql(query, { id: ref })), {
        node: {
          id: e.ID, hostname: 'manager-1', role: 'MANAGER', availability: 'ACTIVE', state: 'READY', address: e.Status.Addr,
          leader: true, managerAddress: e.ManagerStatus.Addr, engineVersion: e.Description.Engine.EngineVersion, version: e.Version.Index,
        },
      }, ref);
    }
    const missing = await fg.gql(query, { id: 'no-such-node' });
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('Node.tasks of every node in the result come from one GET /tasks, and list no networks', async () => {
    const res = expectData(await fg.gql('{ nodes { nodes { id hostname tasks(desiredState: RUNNING) { nodeId service { name } } } } }')).nodes as Json;
    for (const node of res.nodes) {
      const expected = [...fg.engine.state.tasks.values()].filter((t) => t.NodeID === node.id && t.DesiredState === 'running').length;
      assert.equal(node.tasks.length, expected, node.hostname);
      assert.ok(node.tasks.every((t: Json) => t.nodeId === node.id && t.service.name === 'spread'));
    }
    assert.equal(fg.engine.requests.filter((r) => r.path === '/tasks').length, 1);
    assert.deepEqual(fg.engine.requests.filter((r) => r.path.startsWith('/networks')), [], 'tasks name their networks themselves');
  });

  test('a label-scoped viewer is refused nodes (FORBIDDEN); an unscoped viewer reads them', async () => {
    const scoped = await fg.gql('{ nodes { totalCount } }', undefined, { token: await fg.tokenFor('viewer:team=payments') });
    assert.equal(scoped.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const viewer = await fg.gql('{ nodes { totalCount } }', undefined, { token: await fg.tokenFor('viewer') });
    assert.deepEqual(expectData(viewer), { nodes: { totalCount: 4 } });
  });
});
