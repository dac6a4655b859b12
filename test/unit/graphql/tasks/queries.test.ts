// tasks and task against a fake engine: service and node references resolved to IDs
// before one filtered `GET /tasks` (the Engine's JSON filters), an unknown one NOT_FOUND,
// the desired-state filter, the order of `docker service ps` (service, slot, newest
// first) with pages, a label-scoped reader seeing only its services' tasks, and task by ID
// or unique prefix; network attachments named by the task itself (no network list).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { expectData } from '../../../support/gateway.ts';
import { queryArgumentType, startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

describe('tasks and task', () => {
  let fg: FakeGateway;
  let web: Json;
  let db: Json;
  let worker: Json;
  before(async () => {
    fg = await startFakeGateway({});
    worker = fg.engine.state.addNode({ hostname: 'worker-1' });
    web = fg.engine.state.addService(serviceSpec('web', { Labels: { team: 'payments' }, Mode: { Replicated: { Replicas: 2 } } }));
    db = fg.engine.state.addService(serviceSpec('db', { Labels: { team: 'billing' } }));
    // An update replaces web's tasks: the old ones stay, shut down, as the managers keep them.
    const next = structuredClone(web.Spec);
    next.TaskTemplate.ContainerSpec.Image = 'busybox:2';
    fg.engine.state.updateService(web, next);
  });
  after(() => fg?.stop());
  beforeEach(() => fg.engine.clearRequests());

  const engineTasks = (test: (t: Json) => boolean) => [...fg.engine.state.tasks.values()].filter(test);
  const list = async (filter: Json | null, token?: string, selection = 'id') =>
    expectData(await fg.gql(`query($f: TaskFilter) { tasks(filter: $f) { totalCount nodes { ${selection} } } }`, { f: filter }, { token })).tasks as Json;

  test('by service name: resolved to its ID, then one GET /tasks with the Engine\'s filters', async () => {
    const res = await list({ service: 'web', desiredState: 'RUNNING' }, undefined, 'id serviceId service { name } slot state desiredState containerId node { hostname }');
    const expected = engineTasks((t) => t.ServiceID === web.ID && t.DesiredState === 'running');
    assert.equal(res.totalCount, 2);
    assert.deepEqual(res.nodes.map((t: Json) => t.id).sort(), expected.map((t) => t.ID).sort());
    for (const t of res.nodes) {
      const e = fg.engine.state.tasks.get(t.id)!;
      assert.deepEqual(t, {
        id: e.ID, serviceId: web.ID, service: { name: 'web' }, slot: e.Slot, state: 'RUNNING', desiredState: 'RUNNING',
        containerId: e.Status.ContainerStatus.ContainerID, node: { hostname: fg.engine.state.nodes.get(e.NodeID)!.Description.Hostname },
      });
    }
    const calls = fg.engine.requests.filter((r) => r.path === '/tasks');
    assert.equal(calls.length, 1);
    assert.deepEqual(JSON.parse(calls[0]!.query.filters!), { service: [web.ID], 'desired-state': ['running'] });
  });

  test('without desiredState every task the managers keep; SHUTDOWN only the replaced ones', async () => {
    assert.equal((await list({ service: 'web' })).totalCount, 4);
    const shut = await list({ service: web.ID, desiredState: 'SHUTDOWN' }, undefined, 'id desiredState');
    assert.deepEqual(shut.nodes.map((t: Json) => t.desiredState), ['SHUTDOWN', 'SHUTDOWN']);
  });

  test('by node hostname: resolved to the node\'s ID', async () => {
    const res = await list({ node: 'worker-1' }, undefined, 'nodeId');
    assert.ok(res.totalCount > 0);
    assert.ok(res.nodes.every((t: Json) => t.nodeId === worker.ID));
    assert.deepEqual(JSON.parse(fg.engine.requests.find((r) => r.path === '/tasks')!.query.filters!), { node: [worker.ID] });
  });

  test('an unknown service or node is NOT_FOUND, and no task list is asked for', async () => {
    for (const filter of [{ service: 'no-such-service' }, { node: 'no-such-node' }]) {
      const res = await fg.gql('query($f: TaskFilter) { tasks(filter: $f) { totalCount } }', { f: filter });
      assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(filter));
    }
    assert.deepEqual(fg.engine.requests.filter((r) => r.path === '/tasks'), []);
  });

  test('ordered as `docker service ps` (service, slot, newest first) and paged with cursors', async () => {
    const all = (await list({ service: 'web' }, undefined, 'id slot createdAt')).nodes as Json[];
    assert.deepEqual(all.map((t) => t.slot), [1, 1, 2, 2]);
    const newestFirst = (a: Json, b: Json) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
    assert.ok(newestFirst(all[0]!, all[1]!) <= 0 && newestFirst(all[2]!, all[3]!) <= 0);
    const page = async (after: string | null) =>
      expectData(await fg.gql('query($a: String) { tasks(filter: { service: "web" }, first: 3, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }', { a: after })).tasks as Json;
    const one = await page(null);
    const two = await page(one.pageInfo.endCursor);
    assert.equal(one.pageInfo.hasNextPage, true);
    assert.equal(two.pageInfo.hasNextPage, false);
    assert.deepEqual([...one.nodes, ...two.nodes].map((t: Json) => t.id), all.map((t) => t.id));
  });

  test('a reader scoped to team=payments sees only the tasks of its services; another team\'s service is NOT_FOUND', async () => {
    const token = await fg.tokenFor('viewer:team=payments');
    const res = await list(null, token, 'serviceId');
    assert.equal(res.totalCount, 4);
    assert.ok(res.nodes.every((t: Json) => t.serviceId === web.ID));
    const hidden = await fg.gql('{ tasks(filter: { service: "db" }) { totalCount } }', undefined, { token });
    assert.equal(hidden.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const dbTask = engineTasks((t) => t.ServiceID === db.ID)[0]!;
    const one = await fg.gql(`{ task(id: "${dbTask.ID}") { id } }`, undefined, { token });
    assert.equal(one.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('network attachments named from the task itself: no network list; the network object from one list when asked', async () => {
    const net = swarmNetwork(fg.engine.state, { Name: 'task-net', Driver: 'overlay' });
    fg.engine.state.networks.set(net.Id, net);
    const attached = fg.engine.state.addService(serviceSpec('attached', { TaskTemplate: { ...serviceSpec('x').TaskTemplate, Networks: [{ Target: net.Id }] } }));
    const [task] = engineTasks((t) => t.ServiceID === attached.ID);
    const attachment = { networkId: net.Id, networkName: 'task-net', addresses: task!.NetworksAttachments[0].Addresses };
    fg.engine.clearRequests();
    const named = await list({ service: 'attached' }, undefined, 'id networkAttachments { networkId networkName addresses }');
    assert.deepEqual(named.nodes, [{ id: task!.ID, networkAttachments: [attachment] }]);
    const one = expectData(await fg.gql(`{ task(id: "${task!.ID}") { networkAttachments { networkName } } }`)) as Json;
    assert.deepEqual(one.task.networkAttachments, [{ networkName: 'task-net' }]);
    assert.deepEqual(fg.engine.requests.filter((r) => r.path.startsWith('/networks')), [], 'the tasks named their networks');
    const withObject = await list({ service: 'attached' }, undefined, 'networkAttachments { networkName network { name } }');
    assert.deepEqual(withObject.nodes, [{ networkAttachments: [{ networkName: 'task-net', network: { name: 'task-net' } }] }]);
    assert.equal(fg.engine.requests.filter((r) => r.path === '/networks').length, 1);
  });

  test('an attachment that carries no name is named from the network list; a scoped reader sees an unreadable network by ID', async () => {
    const net = swarmNetwork(fg.engine.state, { Name: 'unnamed-net', Driver: 'overlay', Labels: { team: 'billing' } });
    fg.engine.state.networks.set(net.Id, net);
    const svc = fg.engine.state.addService(serviceSpec('unnamed', { Labels: { team: 'payments' }, TaskTemplate: { ...serviceSpec('x').TaskTemplate, Networks: [{ Target: net.Id }] } }));
    const [task] = engineTasks((t) => t.ServiceID === svc.ID);
    delete task!.NetworksAttachments[0].Network.Spec;
    const query = `{ task(id: "${task!.ID}") { networkAttachments { networkName } } }`;
    assert.deepEqual((expectData(await fg.gql(query)) as Json).task.networkAttachments, [{ networkName: 'unnamed-net' }]);
    const scoped = expectData(await fg.gql(query, undefined, { token: await fg.tokenFor('viewer:team=payments') })) as Json;
    assert.deepEqual(scoped.task.networkAttachments, [{ networkName: net.Id }]);
  });

  test('task by full ID or unique prefix; an unknown one is NOT_FOUND', async () => {
    const e = engineTasks((t) => t.ServiceID === db.ID)[0]!;
    const query = `query($id: ${queryArgumentType('task', 'id')}) { task(id: $id) { id serviceId } }`;
    for (const ref of [e.ID, e.ID.slice(0, 10)]) {
      assert.deepEqual(expectData(await fg.gql(query, { id: ref })), { task: { id: e.ID, serviceId: db.ID } }, ref);
    }
    const missing = await fg.gql(query, { id: 'nosuchtask' });
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
