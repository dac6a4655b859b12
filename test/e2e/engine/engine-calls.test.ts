// Engine calls a request costs, counted at the manager's socket through a proxy (issue 12):
// a mutation on one service named by its full swarm ID inspects that service instead of
// listing every service (the list grows with the swarm, the inspect does not); by name it
// still works, and a label-scoped token still gets NOT_FOUND for an out-of-scope service by
// full ID. A dashboard query's calls are printed and bounded at today's count.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countingProxy, type CountingProxy } from '../../support/counting-proxy.ts';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'engine-calls';
const IMAGE = 'sg-busybox:latest';
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
const DASHBOARD = `{
  services(first: 100) { totalCount nodes { name replicas runningTasks tasks { id state node { hostname role } } } }
  networks { nodes { name driver } }
}`;
/** Today's dashboard cost (swarm-independent, see batching.test.ts); the watched state is to lower it. */
const DASHBOARD_MAX_CALLS = 4;

/** `GET /v1.41/services?status=true` and the like: a call that lists every service. */
const isServiceList = (line: string) => /^GET \S*\/services(\?|$)/.test(line);

describe('Engine calls per request', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let proxy: CountingProxy;
  let gw: TestGateway;
  const ids: Record<string, string> = {};

  const docker = (...args: string[]) => dockerOk(manager, args);
  const replicasOf = async (name: string) => Number((await docker('service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', name)).trim());
  const scale = async (id: string, replicas: number, token?: string) =>
    gw.gql(`mutation($id: ID!, $n: Int!) { serviceScale(input: { id: $id, replicas: $n }) { service { id replicas } userErrors { code } } }`, { id, n: replicas }, { token });

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 0 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    await docker('service', 'create', '-d', '--name', 'pay-web', '--label', 'team=payments', '--replicas', '0', IMAGE, ...IDLE);
    await docker('service', 'create', '-d', '--name', 'bill-web', '--label', 'team=billing', '--replicas', '0', IMAGE, ...IDLE);
    for (const s of ['pay-web', 'bill-web']) ids[s] = (await docker('service', 'inspect', '--format', '{{.ID}}', s)).trim();
    proxy = await countingProxy(manager.socket);
    const base = configFor([swarm]);
    gw = await startGateway({ ...base, clusters: base.clusters.map((c) => ({ ...c, managers: [{ ...c.managers[0]!, url: proxy.host }] })) });
  });

  after(async () => {
    await gw?.stop();
    await proxy?.close();
    await swarmDown(SWARM);
  });

  test('serviceScale by full ID inspects the service and lists none', async () => {
    assert.match(ids['pay-web']!, /^[0-9a-z]{25}$/);
    proxy.reset();
    const payload = expectData(await scale(ids['pay-web']!, 1)).serviceScale;
    const calls = [...proxy.requests];
    console.log(`serviceScale by ID: ${calls.length} Engine calls\n  ${calls.join('\n  ')}`);
    assert.deepEqual(payload.userErrors, []);
    assert.equal(payload.service.replicas, 1);
    assert.equal(await replicasOf('pay-web'), 1);
    assert.deepEqual(calls.filter(isServiceList), [], 'no service list for a full ID');
    assert.equal(calls.filter((l) => l.startsWith(`GET `) && l.includes(`/services/${ids['pay-web']}?`)).length >= 1, true, calls.join('\n'));
    assert.equal(calls.filter((l) => l.startsWith(`POST `) && l.includes(`/services/${ids['pay-web']}/update`)).length, 1, calls.join('\n'));
  });

  test('serviceScale by name still works', async () => {
    const payload = expectData(await scale('pay-web', 2)).serviceScale;
    assert.deepEqual(payload.userErrors, []);
    assert.deepEqual(payload.service, { id: ids['pay-web'], replicas: 2 });
    assert.equal(await replicasOf('pay-web'), 2);
  });

  test('a label-scoped token gets NOT_FOUND for an out-of-scope service by full ID, and nothing changes', async () => {
    const deployer = await tokenFor(['deployer:team=payments']);
    const res = await scale(ids['bill-web']!, 2, deployer);
    assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(res.errors));
    assert.equal(await replicasOf('bill-web'), 0);
    const missing = await scale('a'.repeat(25), 1, deployer);
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(missing.errors));
  });

  test('a dashboard query (services, their tasks and nodes, networks) costs a bounded number of Engine calls', async () => {
    // Tasks on a node, so that the query also reads nodes.
    await waitFor('pay-web to run 2 tasks', async () => (await docker('service', 'ls', '--filter', 'name=pay-web', '--format', '{{.Replicas}}')).trim() === '2/2', 90_000);
    proxy.reset();
    const data = expectData(await gw.gql(DASHBOARD));
    const calls = [...proxy.requests];
    console.log(`dashboard query: ${calls.length} Engine calls\n  ${calls.join('\n  ')}`);
    assert.equal(data.services.totalCount, 2);
    assert.ok(calls.length <= DASHBOARD_MAX_CALLS, `more Engine calls than expected:\n${calls.join('\n')}`);
  });
});
