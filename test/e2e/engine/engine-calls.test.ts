// Engine calls a request costs, counted at the manager's socket through a proxy (issue 12):
// a mutation on one service named by its full swarm ID inspects that service instead of
// listing every service (the list grows with the swarm, the inspect does not); by name it
// still works, and a label-scoped token still gets NOT_FOUND for an out-of-scope service by
// full ID. A dashboard query served from the watched state makes no Engine call; asked for
// fresh (`Cache-Control: no-cache`) it makes a bounded number, whatever the swarm's size.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { countingProxy, type CountingProxy } from '../../support/counting-proxy.ts';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { DASHBOARD, IDLE } from '../../support/dashboard-query.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'engine-calls';
const IMAGE = 'sg-busybox:latest';
/** A fresh dashboard's cost: one list each of services, tasks, nodes and networks (swarm-independent, see batching.test.ts). */
const FRESH_DASHBOARD_MAX_CALLS = 4;
/** A read starting this soon after the shared task poll is well inside its 1 s reuse. */
const SURELY_FRESH_MS = 700;

/** `GET /v1.41/services?status=true` and the like: a call that lists every service. */
const isServiceList = (line: string) => /^GET \S*\/services(\?|$)/.test(line);
/** The watched state's shared task poll: every task, no filters. */
const TASK_POLL = /^GET \S*\/tasks\??$/;

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
    // The watcher starts with the first read and lists everything once; the counts below are the requests' own.
    await untilServedFromWatch();
  });

  /** Waits until a dashboard is answered with no Engine call but the task poll. */
  const untilServedFromWatch = () =>
    waitFor('reads served from the watched state', async () => {
      proxy.reset();
      expectData(await gw.gql(DASHBOARD));
      return proxy.requests.every((l) => TASK_POLL.test(l));
    }, 30_000, 200);

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
    // After the update the watched state may resync (read-your-writes): that list is not the lookup's.
    const update = calls.findIndex((l) => l.startsWith('POST ') && l.includes('/update'));
    assert.deepEqual(calls.slice(0, update).filter(isServiceList), [], 'no service list for a full ID');
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

  test('a dashboard query (services, their tasks and nodes, networks) served from the watched state makes no Engine call', async () => {
    // Tasks on a node, so that the query also reads nodes.
    await waitFor('pay-web to run 2 tasks', async () => (await docker('service', 'ls', '--filter', 'name=pay-web', '--format', '{{.Replicas}}')).trim() === '2/2', 90_000);
    await untilServedFromWatch();
    // Within a second of the shared task poll nothing is asked of the engine; the loop finds such a moment.
    const { data, calls } = await waitFor('a dashboard right after a task poll', async () => {
      const poll = proxy.lastSeen(TASK_POLL);
      const fresh = poll !== null && Date.now() - poll < SURELY_FRESH_MS;
      proxy.reset();
      const data = expectData(await gw.gql(DASHBOARD));
      return fresh && { data, calls: [...proxy.requests] };
    }, 10_000, 0);
    console.log(`dashboard from the watched state: ${calls.length} Engine calls ${JSON.stringify(calls)}`);
    assert.equal(data.services.totalCount, 2);
    assert.ok(data.services.nodes.some((s: { tasks: { node: unknown }[] }) => s.tasks.length === 2 && s.tasks.every((t) => t.node)), JSON.stringify(data));
    assert.deepEqual(calls, []);
  });

  test('a dashboard query with Cache-Control: no-cache reads from the engine in a bounded number of calls', async () => {
    proxy.reset();
    const res = await gw.http.post('/graphql').set('content-type', 'application/json').set('cache-control', 'no-cache').send({ query: DASHBOARD });
    const calls = [...proxy.requests];
    console.log(`dashboard with no-cache: ${calls.length} Engine calls\n  ${calls.join('\n  ')}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.errors, undefined);
    assert.equal(res.body.data.services.totalCount, 2);
    assert.ok(calls.some(isServiceList), `the services come from the engine: ${calls.join('\n')}`);
    assert.ok(calls.length <= FRESH_DASHBOARD_MAX_CALLS, `more Engine calls than expected:\n${calls.join('\n')}`);
  });
});
