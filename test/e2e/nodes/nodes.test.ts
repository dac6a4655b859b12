// Swarm nodes through the gateway (1 manager, 2 workers): list filters and paging,
// inspect, labels, availability (drain moves tasks), promote/demote, remove. Every
// change is checked with `docker node inspect` / `docker node ps` on the manager.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerOk, stopNode, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sgw-nodes';

const NODE_FIELDS = `id version hostname name role availability state stateMessage address leader reachability managerAddress
  engineVersion labels { key value } engineLabels { key value } os architecture cpus memoryBytes createdAt updatedAt`;

describe('nodes', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let worker1: SwarmNode;
  let worker2: SwarmNode;
  let gw: TestGateway;

  async function cli(args: string[]): Promise<string> {
    return (await dockerOk(manager, args)).trim();
  }
  const inspectNode = async (ref: string) => JSON.parse(await cli(['node', 'inspect', ref]))[0];

  async function nodeUpdate(input: Record<string, unknown>) {
    const res = expectData(
      await gw.gql('mutation($input: NodeUpdateInput!) { nodeUpdate(input: $input) { node { id version availability role labels { key value } } userErrors { field code message } } }', { input }),
    );
    return res.nodeUpdate;
  }

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 2 });
    [manager, worker1, worker2] = swarm.nodes as [SwarmNode, SwarmNode, SwarmNode];
    gw = await startGateway(configFor([swarm]));
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('nodes lists all three by hostname; role and name filters match `docker node ls`', async () => {
    const all = expectData(await gw.gql('{ nodes { totalCount nodes { hostname role } } }')).nodes;
    assert.equal(all.totalCount, 3);
    assert.deepEqual(all.nodes, [
      { hostname: manager.hostname, role: 'MANAGER' },
      { hostname: worker1.hostname, role: 'WORKER' },
      { hostname: worker2.hostname, role: 'WORKER' },
    ]);
    const workers = expectData(await gw.gql('{ nodes(filter: { role: WORKER }) { nodes { id } } }')).nodes.nodes.map((n: { id: string }) => n.id).sort();
    const cliWorkers = (await cli(['node', 'ls', '--filter', 'role=worker', '--format', '{{.ID}}'])).split('\n').sort();
    assert.deepEqual(workers, cliWorkers);
    const managers = expectData(await gw.gql('{ nodes(filter: { role: MANAGER }) { nodes { hostname } } }')).nodes.nodes;
    assert.deepEqual(managers, [{ hostname: manager.hostname }]);
    const byName = expectData(await gw.gql(`{ nodes(filter: { name: "${SWARM}-worker" }) { totalCount } }`)).nodes;
    assert.equal(byName.totalCount, 2);
  });

  test('nodes pages by hostname', async () => {
    const first = expectData(await gw.gql('{ nodes(first: 2) { nodes { hostname } pageInfo { hasNextPage endCursor } totalCount } }')).nodes;
    assert.deepEqual(first.nodes.map((n: { hostname: string }) => n.hostname), [manager.hostname, worker1.hostname]);
    assert.equal(first.pageInfo.hasNextPage, true);
    const rest = expectData(await gw.gql('query($after: String) { nodes(first: 2, after: $after) { nodes { hostname } pageInfo { hasNextPage hasPreviousPage } } }', { after: first.pageInfo.endCursor })).nodes;
    assert.deepEqual(rest.nodes, [{ hostname: worker2.hostname }]);
    assert.deepEqual(rest.pageInfo, { hasNextPage: false, hasPreviousPage: true });
  });

  test('node fields match `docker node inspect`, by hostname and by ID', async () => {
    const cliNode = await inspectNode(manager.hostname);
    const byName = expectData(await gw.gql(`{ node(id: "${manager.hostname}") { ${NODE_FIELDS} } }`)).node;
    const byId = expectData(await gw.gql(`{ node(id: "${cliNode.ID}") { ${NODE_FIELDS} } }`)).node;
    assert.deepEqual(byId, byName);
    assert.equal(byName.id, cliNode.ID);
    assert.equal(byName.version, cliNode.Version.Index);
    assert.equal(byName.hostname, cliNode.Description.Hostname);
    assert.equal(byName.role, 'MANAGER');
    assert.equal(byName.availability, cliNode.Spec.Availability.toUpperCase());
    assert.equal(byName.state, cliNode.Status.State.toUpperCase());
    assert.equal(byName.address, manager.addr);
    assert.equal(byName.leader, true);
    assert.equal(byName.reachability, cliNode.ManagerStatus.Reachability.toUpperCase());
    assert.equal(byName.managerAddress, cliNode.ManagerStatus.Addr);
    assert.equal(byName.engineVersion, cliNode.Description.Engine.EngineVersion);
    assert.equal(byName.os, cliNode.Description.Platform.OS);
    assert.equal(byName.architecture, cliNode.Description.Platform.Architecture);
    assert.equal(byName.cpus, cliNode.Description.Resources.NanoCPUs / 1e9);
    assert.equal(byName.memoryBytes, cliNode.Description.Resources.MemoryBytes);
    assert.equal(Date.parse(byName.createdAt), Date.parse(cliNode.CreatedAt));
    assert.deepEqual(byName.labels, []);

    const worker = expectData(await gw.gql(`{ node(id: "${worker1.hostname}") { role leader reachability managerAddress address } }`)).node;
    assert.deepEqual(worker, { role: 'WORKER', leader: false, reachability: null, managerAddress: null, address: worker1.addr });
  });

  test('an unknown node is NOT_FOUND', async () => {
    const res = await gw.gql('{ node(id: "no-such-node") { id } }');
    assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('labels: add, then remove one; the label filter follows', async () => {
    const added = await nodeUpdate({ id: worker1.hostname, labels: { add: [{ key: 'zone', value: 'a' }, { key: 'ssd' }] } });
    assert.deepEqual(added.userErrors, []);
    assert.deepEqual((await inspectNode(worker1.hostname)).Spec.Labels, { zone: 'a', ssd: '' });
    assert.deepEqual(added.node.labels, [{ key: 'ssd', value: '' }, { key: 'zone', value: 'a' }]);
    const filtered = expectData(await gw.gql('{ a: nodes(filter: { label: ["zone=a"] }) { nodes { hostname } } b: nodes(filter: { label: ["zone=b"] }) { totalCount } c: nodes(filter: { label: ["ssd"] }) { totalCount } }'));
    assert.deepEqual(filtered.a.nodes, [{ hostname: worker1.hostname }]);
    assert.equal(filtered.b.totalCount, 0);
    assert.equal(filtered.c.totalCount, 1);

    const removed = await nodeUpdate({ id: worker1.hostname, labels: { remove: ['ssd'] } });
    assert.deepEqual(removed.userErrors, []);
    assert.deepEqual((await inspectNode(worker1.hostname)).Spec.Labels, { zone: 'a' });
  });

  test('a bad label key is refused; nothing changes', async () => {
    const before = await inspectNode(worker1.hostname);
    const res = await nodeUpdate({ id: worker1.hostname, labels: { add: [{ key: '', value: 'x' }] } });
    assert.equal(res.node, null);
    assert.equal(res.userErrors[0].code, 'INVALID_VALUE');
    assert.equal((await inspectNode(worker1.hostname)).Version.Index, before.Version.Index);
  });

  test('availability: pause, with the availability filter; a stale version is a VERSION_CONFLICT', async () => {
    const before = await inspectNode(worker2.hostname);
    const paused = await nodeUpdate({ id: worker2.hostname, version: before.Version.Index, availability: 'PAUSE' });
    assert.deepEqual(paused.userErrors, []);
    assert.equal(paused.node.availability, 'PAUSE');
    assert.equal((await inspectNode(worker2.hostname)).Spec.Availability, 'pause');
    const listed = expectData(await gw.gql('{ nodes(filter: { availability: PAUSE }) { nodes { hostname } } }')).nodes.nodes;
    assert.deepEqual(listed, [{ hostname: worker2.hostname }]);

    const stale = await nodeUpdate({ id: worker2.hostname, version: before.Version.Index, availability: 'ACTIVE' });
    assert.equal(stale.node, null);
    assert.equal(stale.userErrors[0].code, 'VERSION_CONFLICT');
    assert.equal((await inspectNode(worker2.hostname)).Spec.Availability, 'pause');

    const active = await nodeUpdate({ id: worker2.hostname, availability: 'ACTIVE' });
    assert.deepEqual(active.userErrors, []);
    assert.equal((await inspectNode(worker2.hostname)).Spec.Availability, 'active');
  });

  test('promote a worker, then demote it (docker node inspect ManagerStatus)', async () => {
    const promoted = expectData(await gw.gql(`mutation { nodePromote(input: { id: "${worker1.hostname}" }) { node { role } userErrors { code message } } }`)).nodePromote;
    assert.deepEqual(promoted.userErrors, []);
    assert.equal(promoted.node.role, 'MANAGER');
    await waitFor('worker-1 to be a reachable manager', async () => (await inspectNode(worker1.hostname)).ManagerStatus?.Reachability === 'reachable');

    const demoted = expectData(await gw.gql(`mutation { nodeDemote(input: { id: "${worker1.hostname}" }) { node { role } userErrors { code message } } }`)).nodeDemote;
    assert.deepEqual(demoted.userErrors, []);
    assert.equal(demoted.node.role, 'WORKER');
    await waitFor('worker-1 to leave Raft', async () => (await inspectNode(worker1.hostname)).ManagerStatus === undefined);
    assert.equal((await inspectNode(worker1.hostname)).Spec.Role, 'worker');
  });

  test('demoting the last manager is refused', async () => {
    const res = expectData(await gw.gql(`mutation { nodeDemote(input: { id: "${manager.hostname}" }) { node { id } userErrors { code message } } }`)).nodeDemote;
    assert.equal(res.node, null);
    assert.equal(res.userErrors[0].code, 'INVALID_STATE');
    assert.match(res.userErrors[0].message, /last manager/);
    const cliNode = await inspectNode(manager.hostname);
    assert.equal(cliNode.Spec.Role, 'manager');
    assert.equal(cliNode.ManagerStatus.Leader, true);
  });

  test('DRAIN moves the tasks off a worker; Node.tasks agrees with `docker node ps`', async () => {
    await cli(['service', 'create', '--detach', '--no-resolve-image', '--name', 'drain-svc', '--replicas', '4', 'sg-busybox:latest', 'sleep', '600']);
    const runningOn = async (node: string) =>
      (await cli(['node', 'ps', node, '--filter', 'desired-state=running', '--format', '{{.ID}} {{.CurrentState}}']))
        .split('\n')
        .filter((l) => /Running/.test(l))
        .map((l) => l.split(' ')[0]!);
    await waitFor('4 running tasks', async () => (await cli(['service', 'ps', 'drain-svc', '--filter', 'desired-state=running', '--format', '{{.CurrentState}}'])).split('\n').filter((s) => s.startsWith('Running')).length === 4);
    // Spread is the scheduler's choice; drain a worker that has at least one task.
    const target = (await runningOn(worker1.hostname)).length > 0 ? worker1 : worker2;
    const before = await runningOn(target.hostname);
    assert.ok(before.length > 0, 'the drained worker runs a task first');
    const viaGateway = expectData(await gw.gql(`{ node(id: "${target.hostname}") { tasks(desiredState: RUNNING) { id state } } }`)).node.tasks;
    assert.deepEqual(viaGateway.map((t: { id: string }) => t.id).sort(), (await cli(['node', 'ps', target.hostname, '--filter', 'desired-state=running', '--no-trunc', '-q'])).split('\n').sort());

    const drained = await nodeUpdate({ id: target.hostname, availability: 'DRAIN' });
    assert.deepEqual(drained.userErrors, []);
    assert.equal(drained.node.availability, 'DRAIN');
    await waitFor('no running task on the drained worker', async () => (await runningOn(target.hostname)).length === 0);
    await waitFor('4 running tasks elsewhere', async () => (await cli(['service', 'ps', 'drain-svc', '--filter', 'desired-state=running', '--format', '{{.Node}} {{.CurrentState}}'])).split('\n').filter((l) => l.includes('Running') && !l.startsWith(target.hostname)).length === 4);

    await nodeUpdate({ id: target.hostname, availability: 'ACTIVE' });
    await cli(['service', 'rm', 'drain-svc']);
  });

  test('removing a worker that is up needs force; once stopped (down) it is removed', async () => {
    const REMOVE = 'mutation($input: NodeRemoveInput!) { nodeRemove(input: $input) { removed { id name } userErrors { field code message } } }';
    const id = (await inspectNode(worker2.hostname)).ID;
    const refused = expectData(await gw.gql(REMOVE, { input: { id: worker2.hostname } })).nodeRemove;
    assert.deepEqual(refused.removed, []);
    assert.equal(refused.userErrors[0].code, 'INVALID_STATE');
    assert.match(refused.userErrors[0].message, /not down/);

    const managerRefused = expectData(await gw.gql(REMOVE, { input: { id: manager.hostname, force: true } })).nodeRemove;
    assert.equal(managerRefused.userErrors[0].code, 'INVALID_STATE');

    await stopNode(SWARM, worker2.k, { kill: true });
    await waitFor('worker-2 down', async () => (await inspectNode(id)).Status.State === 'down', 90_000);
    const removed = expectData(await gw.gql(REMOVE, { input: { id: worker2.hostname } })).nodeRemove;
    assert.deepEqual(removed, { removed: [{ id, name: worker2.hostname }], userErrors: [] });
    const ids = (await cli(['node', 'ls', '--format', '{{.ID}}'])).split('\n');
    assert.ok(!ids.includes(id));
    assert.equal(ids.length, 2);
  });
});
