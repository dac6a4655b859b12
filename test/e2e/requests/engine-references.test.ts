// References outside Docker's grammar never reach an Engine path, and the Engine client
// follows no redirect. Each request that used to end the gateway process (dockerd answered
// the crafted path with a 301 to "/127.0.0.1:PORT/...", docker-modem followed it over TCP
// and the failed follow-up's 'error' event had no listener) is sent to a real gateway
// process on a real swarm: the answer is a typed error (BAD_REQUEST for a query, an
// INVALID_VALUE userError at the field for a mutation), the process keeps answering, and the
// listening loopback port the crafted ID names receives no connection (no request forgery).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'refs-swarm';

describe('crafted engine references against a gateway process', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let db: AuditDb;
  let gateway: GatewayProcess;
  let trap: net.Server;
  let trapPort = 0;
  let connections = 0;
  let deployer = '';
  const docker = (node: SwarmNode, ...args: string[]) => dockerOk(node, args);

  before(async () => {
    trap = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapPort = (trap.address() as net.AddressInfo).port;
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes[0]!;
    worker = swarm.nodes[1]!;
    await docker(manager, 'network', 'create', '--driver', 'overlay', '--attachable', '--subnet', '10.123.0.0/24', 'refs-net');
    await docker(manager, 'run', '-d', '--name', 'refs-c', 'sg-busybox:latest', 'sleep', '600');
    await docker(manager, 'service', 'create', '--detach', '--no-resolve-image', '--name', 'refs-svc', 'sg-busybox:latest', 'sleep', '600');
    await docker(worker, 'run', '-d', '--name', 'refs-w', 'sg-busybox:latest', 'sleep', '600');
    db = await openAuditDb('pglite', 'refs');
    await db.release();
    gateway = await spawnGateway(configFor([swarm]), db.env());
    deployer = `Bearer ${await tokenFor([`deployer@${SWARM}`], { subject: 'refs-deployer' })}`;
  });
  after(async () => {
    await gateway?.stop();
    await db?.close();
    await swarmDown(SWARM);
    await new Promise((resolve) => trap.close(resolve));
  });

  /** As a deployer: the guardrails (and their network inspection) apply to it, not to an admin. */
  async function asDeployer(query: string, variables: Record<string, unknown>) {
    const res = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: deployer },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  }

  const crafted = () => [`../../../127.0.0.1:${trapPort}/x`, `/../../127.0.0.1:${trapPort}/x`, `a//127.0.0.1:${trapPort}`, `//127.0.0.1:${trapPort}/x`, 'a//b'];

  /** The process is alive, answers a plain read, and the trap port saw nothing. */
  async function assertStillServing(what: string): Promise<void> {
    assert.equal(gateway.child.exitCode, null, `${what}: the gateway process is still running`);
    const res = await gateway.gql('{ swarm { id } }');
    assert.equal(res.errors, undefined, `${what}: the gateway still answers`);
    assert.equal(connections, 0, `${what}: no connection to the loopback port named in the reference`);
  }

  test('queries: a crafted ID is BAD_REQUEST for every lookup', async () => {
    const lookups = [
      'query($id: ID!) { container(id: $id) { id } }',
      'query($id: ID!) { network(id: $id) { id } }',
      'query($id: ID!) { service(id: $id) { id } }',
      'query($id: ID!) { node(id: $id) { id } }',
      'query($id: ID!) { task(id: $id) { id } }',
      'query($id: ID!) { tasks(filter: { service: $id }) { totalCount } }',
    ];
    for (const query of lookups) {
      for (const id of crafted()) {
        const res = await gateway.gql(query, { id });
        assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST', `${query} ${id}: ${JSON.stringify(res.errors)}`);
        assert.match(res.errors![0]!.message, /is not a .* ID/);
      }
      await assertStillServing(query);
    }
  });

  test('a container name in Docker\'s "/name" form is accepted and found', async () => {
    const res = await gateway.gql('{ container(id: "/refs-c") { name } }');
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data.container.name, 'refs-c');
    await assertStillServing('/name');
  });

  test('networkConnect / networkDisconnect: a crafted network or container is INVALID_VALUE at its field', async () => {
    for (const op of ['networkConnect', 'networkDisconnect']) {
      const mutation = `mutation($i: ${op[0]!.toUpperCase()}${op.slice(1)}Input!) { ${op}(input: $i) { container { id } userErrors { field code message } } }`;
      for (const ref of crafted()) {
        const viaEngine = await gateway.gql(mutation, { i: { engine: manager.hostname, network: ref, container: 'refs-c' } });
        assert.deepEqual(viaEngine.data[op].userErrors.map((e: any) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'network']]], `${op} network ${ref}`);
        const container = await gateway.gql(mutation, { i: { network: 'refs-net', container: ref } });
        assert.deepEqual(container.data[op].userErrors.map((e: any) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'container']]], `${op} container ${ref}`);
      }
      await assertStillServing(op);
    }
    // Docker's "/name" form of a container works for both.
    const connected = await gateway.gql('mutation { networkConnect(input: { network: "refs-net", container: "/refs-c" }) { container { name } userErrors { code message } } }');
    assert.deepEqual(connected.data.networkConnect.userErrors, []);
    const disconnected = await gateway.gql('mutation { networkDisconnect(input: { network: "refs-net", container: "/refs-c" }) { container { name } userErrors { code message } } }');
    assert.deepEqual(disconnected.data.networkDisconnect.userErrors, []);
  });

  test('service network targets and networkRemove ids: INVALID_VALUE at the field, nothing changed', async () => {
    for (const ref of crafted()) {
      const created = await asDeployer('mutation($i: ServiceCreateInput!) { serviceCreate(input: $i) { service { id } userErrors { field code } } }', {
        i: { name: 'refs-new', image: 'sg-busybox:latest', command: ['sleep', '600'], networks: [{ target: ref }] },
      });
      assert.deepEqual(created.data?.serviceCreate.userErrors, [{ field: ['input', 'networks', '0', 'target'], code: 'INVALID_VALUE' }], `serviceCreate ${ref}: ${JSON.stringify(created)}`);
      const updated = await asDeployer('mutation($i: ServiceUpdateInput!) { serviceUpdate(input: $i) { service { id } userErrors { field code } } }', {
        i: { id: 'refs-svc', networkAdd: [{ target: ref }] },
      });
      assert.deepEqual(updated.data?.serviceUpdate.userErrors, [{ field: ['input', 'networkAdd', '0', 'target'], code: 'INVALID_VALUE' }], `serviceUpdate ${ref}: ${JSON.stringify(updated)}`);
      const removed = await gateway.gql('mutation($ids: [ID!]!) { networkRemove(input: { ids: $ids }) { removed { id } userErrors { field code } } }', { ids: ['refs-net', ref] });
      assert.deepEqual(removed.data.networkRemove.userErrors, [{ field: ['input', 'ids', '1'], code: 'INVALID_VALUE' }], `networkRemove ${ref}`);
      const updatedById = await gateway.gql('mutation($i: ServiceUpdateInput!) { serviceUpdate(input: $i) { userErrors { field code } } }', { i: { id: ref, replicas: 2 } });
      assert.deepEqual(updatedById.data.serviceUpdate.userErrors, [{ field: ['input', 'id'], code: 'INVALID_VALUE' }], `serviceUpdate id ${ref}`);
    }
    // Every other mutation naming a service or node by its id.
    const ref = crafted()[0]!;
    for (const [op, type, extra] of [
      ['serviceScale', 'ServiceScaleInput', { replicas: 2 }],
      ['serviceRollback', 'ServiceRollbackInput', {}],
      ['serviceRemove', 'ServiceRemoveInput', {}],
      ['nodeUpdate', 'NodeUpdateInput', { availability: 'DRAIN' }],
      ['nodePromote', 'NodePromoteInput', {}],
      ['nodeRemove', 'NodeRemoveInput', {}],
    ] as const) {
      const res = await gateway.gql(`mutation($i: ${type}!) { ${op}(input: $i) { userErrors { field code } } }`, { i: { id: ref, ...extra } });
      assert.deepEqual(res.data?.[op]?.userErrors, [{ field: ['input', 'id'], code: 'INVALID_VALUE' }], `${op}: ${JSON.stringify(res)}`);
    }
    await assertStillServing('service and network mutations');
    assert.equal((await docker(manager, 'service', 'ls', '--filter', 'name=refs-new', '-q')).trim(), '', 'no service was created');
    assert.equal((await docker(manager, 'network', 'ls', '--filter', 'name=refs-net', '-q')).trim() !== '', true, 'the network is still there');
    assert.equal((await docker(manager, 'service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', 'refs-svc')).trim(), '1', 'the service is unchanged');
  });

  test('text the database cannot hold (NUL, a lone surrogate) is INVALID_VALUE at its field, and nothing is created', async () => {
    const mutation = 'mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } userErrors { field code message } } }';
    const nul = await gateway.gql(mutation, { i: { name: 'refs-text', labels: [{ key: 'team', value: 'pay\u0000ments' }] } });
    assert.equal(nul.errors, undefined, JSON.stringify(nul.errors));
    assert.deepEqual(nul.data.networkCreate.userErrors.map((e: any) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'labels', '0', 'value']]]);
    assert.match(nul.data.networkCreate.userErrors[0].message, /NUL/);
    const surrogate = await gateway.gql(mutation, { i: { name: 'refs-text', options: [{ key: 'x', value: 'a\ud800' }] } });
    assert.equal(surrogate.errors, undefined, JSON.stringify(surrogate.errors));
    assert.deepEqual(surrogate.data.networkCreate.userErrors.map((e: any) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'options', '0', 'value']]]);
    assert.equal((await docker(manager, 'network', 'ls', '--filter', 'name=refs-text', '-q')).trim(), '', 'no network was created');
    await assertStillServing('unstorable text');
  });

  test('overlay subnets: overlaps (named, or "another network" out of scope), /31, multicast and ipv6 without a subnet are refused; nothing is created', async () => {
    const mutation = 'mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } userErrors { field code message } } }';
    const overlap = await gateway.gql(mutation, { i: { name: 'refs-bad', ipam: [{ subnet: '10.123.0.0/25' }] } });
    assert.deepEqual(overlap.data.networkCreate.userErrors.map((e: any) => [e.code, e.field]), [['SUBNET_OVERLAP', ['input', 'ipam', '0', 'subnet']]]);
    assert.match(overlap.data.networkCreate.userErrors[0].message, /10\.123\.0\.0\/24 of network "refs-net"/);
    const scoped = `Bearer ${await tokenFor([`deployer@${SWARM}:team=payments`], { subject: 'refs-payments' })}`;
    const hidden = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: scoped },
      body: JSON.stringify({ query: mutation, variables: { i: { name: 'refs-bad', ipam: [{ subnet: '10.123.0.128/25' }] } } }),
    }).then((r) => r.json() as Promise<any>);
    assert.deepEqual(hidden.data.networkCreate.userErrors.map((e: any) => e.code), ['SUBNET_OVERLAP'], JSON.stringify(hidden));
    assert.match(hidden.data.networkCreate.userErrors[0].message, /another network/);
    assert.doesNotMatch(hidden.data.networkCreate.userErrors[0].message, /refs-net|10\.123\.0\.0/);
    for (const [i, field, code] of [
      [{ name: 'refs-bad', ipam: [{ subnet: '10.124.0.0/31' }] }, ['input', 'ipam', '0', 'subnet'], 'INVALID_CIDR'],
      [{ name: 'refs-bad', ipam: [{ subnet: '224.1.0.0/24' }] }, ['input', 'ipam', '0', 'subnet'], 'INVALID_CIDR'],
      [{ name: 'refs-bad', ipv6: true }, ['input', 'ipv6'], 'INVALID_VALUE'],
    ] as const) {
      const res = await gateway.gql(mutation, { i });
      assert.deepEqual(res.data.networkCreate.userErrors.map((e: any) => [e.code, e.field]), [[code, field]], JSON.stringify(i));
    }
    assert.equal((await docker(manager, 'network', 'ls', '--filter', 'name=refs-bad', '-q')).trim(), '', 'no network was created');
  });

  test('diagnostics report a network the managers could not allocate ("Pool overlaps")', async () => {
    // Made behind the gateway's back, as the engine accepts it: stored with driver "" and no IPAM.
    await docker(manager, 'network', 'create', '--driver', 'overlay', '--subnet', '10.123.0.0/25', 'refs-broken');
    const res = await gateway.gql('{ diagnostics { checks { id status details } } }');
    const check = res.data.diagnostics.checks.find((c: any) => c.id === 'unallocated-networks');
    assert.equal(check?.status, 'ERROR', JSON.stringify(res));
    assert.deepEqual(check.details, ['network refs-broken has no driver and no IPAM configuration']);
    await docker(manager, 'network', 'rm', 'refs-broken');
  });

  test('tasks(filter: {desiredState}) offers the states the engine filters on; others are BAD_REQUEST, not INTERNAL', async () => {
    for (const state of ['RUNNING', 'SHUTDOWN', 'ACCEPTED']) {
      const res = await gateway.gql(`{ tasks(filter: { desiredState: ${state} }) { totalCount } }`);
      assert.equal(res.errors, undefined, `${state}: ${JSON.stringify(res.errors)}`);
    }
    const running = await gateway.gql('{ tasks(filter: { service: "refs-svc", desiredState: RUNNING }) { totalCount } }');
    assert.equal(running.data.tasks.totalCount, 1);
    const allocated = await gateway.gql('{ tasks(filter: { desiredState: ALLOCATED }) { totalCount } }');
    assert.equal(allocated.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(allocated));
  });

  test('networkDisconnect of a worker container from the worker\'s own local network resolves it on the worker', async () => {
    // Both engines have a network named "bridge"; the worker's is the one its container is on.
    const res = await gateway.gql(
      'mutation($i: NetworkDisconnectInput!) { networkDisconnect(input: $i) { container { name } userErrors { field code message } } }',
      { i: { engine: worker.hostname, network: 'bridge', container: 'refs-w' } },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(res.data.networkDisconnect.userErrors, []);
    const networks = (await docker(worker, 'inspect', '--format', '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}', 'refs-w')).trim();
    assert.equal(networks, '', 'the container left the worker\'s bridge');
  });
});
