// The watched cluster state (issue 12) on a real swarm, counted at the manager's socket
// through a proxy: reads served from memory make no Engine call within a second of the
// shared task poll, and 100 concurrent readers cost the engine what one does; a change made
// with the docker CLI shows within the staleness bound; a change made through the gateway
// shows in its own payload and in the very next read; `Cache-Control: no-cache` reads from
// the engine; when the event stream breaks, reads go to the engine until the watcher has
// reopened the stream and listed everything again; and a manager that stops answering is
// ENGINE_UNAVAILABLE after the task poll's second plus the engine timeout, not stale data.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { countingProxy, EVENTS_REQUEST, type CountingProxy } from '../../support/counting-proxy.ts';
import { configFor, expectData, startGateway, waitFor, type GqlResponse, type TestGateway } from '../../support/gateway.ts';
import { DASHBOARD, IDLE } from '../../support/dashboard-query.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'watched';
const IMAGE = 'sg-busybox:latest';
const SERVICE = `query($id: ID!) { service(id: $id) { id version replicas labels { key value } tasks(desiredState: RUNNING) { id } } }`;
/** Names of services and networks: read directly, it lists both. */
const NAMES = `{ services(first: 100) { nodes { name } } networks(first: 100) { nodes { name } } }`;
type Names = { services: { nodes: { name: string }[] }; networks: { nodes: { name: string }[] } };

/** The engine's bounds from the contract, with room for a shared, slow machine. */
const SERVICE_STALENESS_MS = 3_000;
const TASK_STALENESS_MS = 5_000;
/** The engine timeout of this suite's gateway: short, for the hung-manager test. */
const ENGINE_TIMEOUT_MS = 3_000;
/** A read starting this soon after a task poll is well inside the poll's 1 s reuse. */
const SURELY_FRESH_MS = 700;

/** The shared task poll: every task, no filters (`GET /v1.41/tasks?`). */
const TASK_POLL = /^GET \S*\/tasks\??$/;
/** A call listing every object of a kind (`GET /v1.41/services?...`), not an inspect of one. */
type Kind = 'services' | 'nodes' | 'networks' | 'tasks';
const listOf = (kind: Kind) => new RegExp(`^GET \\S*/${kind}(\\?|$)`);
/**
 * Calls that show a read went to the engine: a services or nodes list. The watcher lists
 * those only when it resyncs (on connect; the periodic one is set out of the tests' way), and
 * applies an event by inspecting what it names (or, for networks, may list them again).
 */
const directReads = (calls: string[]) => calls.filter((l) => listOf('services').test(l) || listOf('nodes').test(l));

type Dashboard = { services: { totalCount: number; nodes: { name: string; tasks: { id: string }[] }[] }; networks: { nodes: { name: string }[] } };
/** A dashboard with services, tasks and networks in one order, to compare two answers' content. */
const sortedDashboard = (d: Dashboard) => ({
  totalCount: d.services.totalCount,
  services: d.services.nodes.map((s) => ({ ...s, tasks: [...s.tasks].sort((a, b) => a.id.localeCompare(b.id)) })).sort((a, b) => a.name.localeCompare(b.name)),
  networks: d.networks.nodes.map((n) => n).sort((a, b) => a.name.localeCompare(b.name)),
});
type Labels = { key: string; value: string }[];
const hasLabel = (labels: Labels, key: string, value: string) => labels.some((l) => l.key === key && l.value === value);

describe('the watched cluster state', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let proxy: CountingProxy;
  let gw: TestGateway;
  let url: string;

  const docker = (...args: string[]) => dockerOk(manager, args);

  /** POSTs a GraphQL operation as the admin over a real HTTP connection, with extra headers. */
  const gql = async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResponse<T>> => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9', authorization: gw.adminAuthorization, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: GqlResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors };
  };
  const service = async (id: string) => expectData(await gql(SERVICE, { id })).service as { id: string; version: number; replicas: number; labels: Labels; tasks: { id: string }[] };

  /** Waits until a dashboard is answered with no Engine call but the task poll (the watcher is synced). */
  const untilServedFromWatch = () =>
    waitFor('reads served from the watched state', async () => {
      proxy.reset();
      expectData(await gql(DASHBOARD));
      return proxy.requests.every((l) => TASK_POLL.test(l));
    }, 30_000, 200);

  /** How long `check` took to hold, polled every 50 ms from now (fails after `limitMs` x 3). */
  const msUntil = async (what: string, check: () => Promise<boolean>, limitMs: number) => {
    const start = Date.now();
    await waitFor(what, check, limitMs * 3, 50);
    return Date.now() - start;
  };

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 0 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    await docker('network', 'create', '-d', 'overlay', 'w-net');
    await docker('network', 'create', '-d', 'overlay', 'w-gone');
    await docker('service', 'create', '-d', '--no-resolve-image', '--name', 'w-web', '--network', 'w-net', '--replicas', '1', IMAGE, ...IDLE);
    await docker('service', 'create', '-d', '--no-resolve-image', '--name', 'w-api', '--replicas', '1', IMAGE, ...IDLE);
    await docker('service', 'create', '-d', '--no-resolve-image', '--name', 'w-idle', '--replicas', '0', IMAGE, ...IDLE);
    proxy = await countingProxy(manager.socket);
    const base = configFor([swarm], { timeoutMs: ENGINE_TIMEOUT_MS });
    gw = await startGateway({
      ...base,
      clusters: base.clusters.map((c) => ({ ...c, managers: [{ ...c.managers[0]!, url: proxy.host }] })),
      // Hundreds of reads a second from one principal are the point here.
      limits: { ...base.limits, rateLimitRequests: 0 },
      // No periodic resync inside a measured window (the resync on reconnect is tested below).
      engine: { ...base.engine, watch: { ...base.engine.watch, resyncMs: 3_600_000 } },
    });
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(gw.gateway.httpServer.address() as AddressInfo).port}/graphql`;
    await waitFor('w-web and w-api to run', async () => {
      const lines = (await docker('service', 'ls', '--format', '{{.Name}} {{.Replicas}}')).trim().split('\n');
      return lines.includes('w-web 1/1') && lines.includes('w-api 1/1');
    }, 90_000);
  });

  after(async () => {
    await gw?.stop();
    await proxy?.close();
    await swarmDown(SWARM);
  });

  test('10 dashboards back to back make no Engine call but the shared task poll, and none within a second of it', async () => {
    await untilServedFromWatch();
    const start = Date.now();
    const queries: { at: number; calls: string[] }[] = [];
    for (let i = 0; i < 10; i++) {
      const at = Date.now();
      const seen = proxy.timeline.length;
      const data = expectData(await gql(DASHBOARD));
      assert.equal(data.services.totalCount, 3);
      queries.push({ at, calls: proxy.timeline.slice(seen).map((t) => t.line) });
    }
    const elapsedS = (Date.now() - start) / 1000;
    const calls = queries.flatMap((q) => q.calls);
    console.log(`10 dashboards in ${elapsedS.toFixed(2)} s: ${calls.length} Engine calls ${JSON.stringify(calls)}; per query ${queries.map((q) => q.calls.length).join(' ')}`);
    assert.deepEqual(calls.filter((l) => !TASK_POLL.test(l)), [], 'only the task poll');
    assert.ok(calls.length <= Math.floor(elapsedS) + 1, `${calls.length} task polls in ${elapsedS} s`);
    // Each query that started well within a second of the latest poll made no call at all.
    const polls = proxy.timeline.filter((t) => TASK_POLL.test(t.line)).map((t) => t.at);
    const fresh = queries.filter((q) => polls.some((p) => p <= q.at && q.at - p < SURELY_FRESH_MS));
    assert.ok(fresh.length >= 1, 'some query started within 0.7 s of a task poll');
    assert.deepEqual(fresh.map((q) => q.calls), fresh.map(() => []), 'a dashboard within a second of the last task poll makes no Engine call');
  });

  test('100 concurrent readers for 3 s cost about one task poll a second, and no list', async () => {
    await untilServedFromWatch();
    proxy.reset();
    const start = Date.now();
    let answered = 0;
    const failures: string[] = [];
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (Date.now() - start < 3_000) {
          const res = await gql(DASHBOARD);
          if (res.errors?.length || res.data?.services?.totalCount !== 3) failures.push(JSON.stringify(res.errors ?? res.data));
          else answered++;
        }
      }),
    );
    const elapsedS = (Date.now() - start) / 1000;
    const calls = [...proxy.requests];
    const polls = calls.filter((l) => TASK_POLL.test(l)).length;
    console.log(`100 readers: ${answered} dashboards in ${elapsedS.toFixed(2)} s (${(answered / elapsedS).toFixed(0)}/s), ${calls.length} Engine calls: ${polls} task polls, others ${JSON.stringify(calls.filter((l) => !TASK_POLL.test(l)))}`);
    assert.deepEqual(failures.slice(0, 3), []);
    assert.ok(answered >= 100, `only ${answered} dashboards answered`);
    assert.ok(polls <= Math.ceil(elapsedS) + 1, `${polls} task polls in ${elapsedS} s`);
    assert.deepEqual(calls.filter((l) => !TASK_POLL.test(l)), [], 'no list, no inspect: nothing changed');
  });

  test('with Cache-Control: no-cache a request reads from the engine, services without status=true', async () => {
    await untilServedFromWatch();
    const cached = expectData(await gql<Dashboard>(DASHBOARD));
    proxy.reset();
    const fresh = expectData(await gql<Dashboard>(DASHBOARD, {}, { 'cache-control': 'no-cache' }));
    expectData(await gql(DASHBOARD, {}, { 'cache-control': 'no-cache' }));
    const calls = [...proxy.requests];
    console.log(`2 dashboards with no-cache: ${calls.length} Engine calls ${JSON.stringify(calls)}`);
    // Two requests, two lists of each kind: a resync lists once, so these are the requests' own.
    for (const kind of ['services', 'nodes', 'networks', 'tasks'] as const) {
      assert.ok(calls.filter((l) => listOf(kind).test(l)).length >= 2, `each no-cache request lists ${kind}: ${JSON.stringify(calls)}`);
    }
    assert.deepEqual(calls.filter((l) => l.includes('status=true')), [], 'services are counted from tasks, not listed with status=true');
    assert.deepEqual(sortedDashboard(fresh), sortedDashboard(cached), 'the engine and the watched state agree');
  });

  test('a service label changed with the docker CLI shows within 3 s, from its event (no list)', async () => {
    await untilServedFromWatch();
    const id = (await service('w-web')).id;
    proxy.reset();
    await docker('service', 'update', '-d', '--no-resolve-image', '--label-add', 'stale=1', 'w-web');
    const ms = await msUntil('the label to show', async () => hasLabel((await service(id)).labels, 'stale', '1'), SERVICE_STALENESS_MS);
    console.log(`CLI label change seen after ${ms} ms; Engine calls ${JSON.stringify(proxy.requests)}`);
    assert.ok(ms <= SERVICE_STALENESS_MS, `seen after ${ms} ms`);
    assert.deepEqual(directReads(proxy.requests), [], 'served from the watched state');
    assert.ok(proxy.requests.some((l) => l.startsWith('GET ') && l.includes(`/services/${id}`)), `the event's service was inspected: ${JSON.stringify(proxy.requests)}`);
  });

  test('a service scaled with the docker CLI shows its new tasks within 5 s', async () => {
    await untilServedFromWatch();
    proxy.reset();
    await docker('service', 'scale', '-d', 'w-api=2');
    const ms = await msUntil('2 running tasks', async () => {
      const s = await service('w-api');
      return s.replicas === 2 && s.tasks.length === 2;
    }, TASK_STALENESS_MS);
    console.log(`CLI scale seen after ${ms} ms`);
    assert.ok(ms <= TASK_STALENESS_MS, `seen after ${ms} ms`);
    assert.deepEqual(directReads(proxy.requests), [], 'served from the watched state');
  });

  test('a service created and a network removed with the docker CLI show within 3 s', async () => {
    await untilServedFromWatch();
    proxy.reset();
    await docker('service', 'create', '-d', '--no-resolve-image', '--name', 'w-new', '--replicas', '0', IMAGE, ...IDLE);
    const names = async () => expectData(await gql<Names>(NAMES));
    const created = await msUntil('w-new to be listed', async () => (await names()).services.nodes.some((s) => s.name === 'w-new'), SERVICE_STALENESS_MS);
    await docker('network', 'rm', 'w-gone');
    const removed = await msUntil('w-gone to go', async () => !(await names()).networks.nodes.some((n) => n.name === 'w-gone'), SERVICE_STALENESS_MS);
    console.log(`CLI service create seen after ${created} ms, network rm after ${removed} ms; Engine calls ${JSON.stringify(proxy.requests)}`);
    assert.ok(created <= SERVICE_STALENESS_MS, `created service seen after ${created} ms`);
    assert.ok(removed <= SERVICE_STALENESS_MS, `removed network gone after ${removed} ms`);
    assert.deepEqual(directReads(proxy.requests), [], 'served from the watched state');
    assert.ok(proxy.requests.filter((l) => listOf('networks').test(l)).length <= 1, 'networks listed at most once, for the one network event');
    // Leave the dashboard's service count as the other tests expect it.
    await docker('service', 'rm', 'w-new');
    await waitFor('w-new to go', async () => !(await names()).services.nodes.some((s) => s.name === 'w-new'), 10_000, 100);
  });

  test('a change through the gateway shows in its own payload and in the very next read, before its event arrives', async () => {
    await untilServedFromWatch();
    // The events of these changes reach the watcher only at the end: what the next read shows, it owes to the mutation.
    proxy.stallStreams(true);
    try {
      proxy.reset();
      const updated = expectData(
        await gql(`mutation { serviceUpdate(input: { id: "w-web", labels: { add: [{ key: "ryw", value: "1" }] } }) { service { version labels { key value } } userErrors { code message } } }`),
      ).serviceUpdate;
      assert.deepEqual(updated.userErrors, []);
      assert.ok(hasLabel(updated.service.labels, 'ryw', '1'), JSON.stringify(updated.service.labels));
      const next = await service('w-web');
      assert.ok(hasLabel(next.labels, 'ryw', '1'), `the next read shows the label: ${JSON.stringify(next.labels)}`);
      assert.equal(next.version, updated.service.version);
      const calls = [...proxy.requests];
      const update = calls.findIndex((l) => l.startsWith('POST ') && l.includes('/update'));
      assert.ok(update >= 0 && calls.slice(update + 1).some((l) => listOf('services').test(l)), `a resync after the change: ${JSON.stringify(calls)}`);

      for (const replicas of [1, 0]) {
        const scaled = expectData(
          await gql(`mutation($n: Int!) { serviceScale(input: { id: "w-idle", replicas: $n }) { service { replicas } userErrors { code } } }`, { n: replicas }),
        ).serviceScale;
        assert.deepEqual(scaled, { service: { replicas }, userErrors: [] });
        assert.equal((await service('w-idle')).replicas, replicas, 'the next read shows the new replica count');
      }
    } finally {
      proxy.stallStreams(false);
    }
    // The late events change nothing: the watched state is still served, and still right.
    await untilServedFromWatch();
    assert.ok(hasLabel((await service('w-web')).labels, 'ryw', '1'));
    assert.equal((await service('w-idle')).replicas, 0);
  });

  test('when the event stream breaks, reads go to the engine; the watcher reopens it, lists everything, and serves reads again', async () => {
    await untilServedFromWatch();
    const id = (await service('w-web')).id;
    proxy.refuse(EVENTS_REQUEST);
    try {
      assert.ok(proxy.breakStreams() >= 1, 'the watcher had an event stream open');
      const refusedBefore = proxy.refused.length;
      proxy.reset();
      await docker('service', 'update', '-d', '--no-resolve-image', '--label-add', 'outage=1', 'w-web');
      // No events now: a read can only show the change by asking the engine.
      const ms = await msUntil('the outage label to show', async () => hasLabel((await service(id)).labels, 'outage', '1'), SERVICE_STALENESS_MS);
      assert.ok(ms <= SERVICE_STALENESS_MS, `seen after ${ms} ms`);
      assert.equal(expectData(await gql(DASHBOARD)).services.totalCount, 3);
      assert.ok(proxy.requests.some((l) => listOf('services').test(l)), `reads during the outage list from the engine: ${JSON.stringify(proxy.requests)}`);
      await waitFor('the watcher to try the event stream again', async () => proxy.refused.length > refusedBefore, 15_000, 100);
      console.log(`during the outage: ${proxy.refused.length - refusedBefore} event stream(s) refused`);
    } finally {
      proxy.reset();
      proxy.refuse(null);
    }
    // No reads now: whatever the engine sees is the watcher's own doing.
    await waitFor('the watcher to reopen the event stream and list services, nodes and networks after it', async () => {
      const events = proxy.timeline.findIndex((t) => EVENTS_REQUEST.test(t.line));
      const later = proxy.timeline.slice(events + 1).map((t) => t.line);
      return events >= 0 && (['services', 'nodes', 'networks'] as const).every((k) => later.some((l) => listOf(k).test(l)));
    }, 15_000, 100);
    console.log(`after the outage: ${JSON.stringify(proxy.requests)}`);
    await sleep(200);
    await untilServedFromWatch();
    proxy.reset();
    assert.ok(hasLabel((await service(id)).labels, 'outage', '1'), 'the change made during the outage is in the watched state');
    assert.deepEqual(proxy.requests.filter((l) => !TASK_POLL.test(l)), [], 'served from the watched state again');
  });

  test('a manager that stops answering is ENGINE_UNAVAILABLE within a second plus the engine timeout, not a stale answer', async () => {
    await untilServedFromWatch();
    proxy.holdAll(true);
    let res: GqlResponse;
    const start = Date.now();
    try {
      // Past the task poll's second, a read must hear from the engine again.
      await sleep(1_100);
      res = await gql(DASHBOARD);
    } finally {
      proxy.holdAll(false);
    }
    const ms = Date.now() - start;
    console.log(`hung manager: ${res.errors?.[0]?.extensions?.code} after ${ms} ms`);
    assert.equal(res.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE', JSON.stringify(res));
    assert.ok(ms <= 1_100 + ENGINE_TIMEOUT_MS + 2_000, `answered after ${ms} ms`);
    // Once it answers again, so do reads.
    await waitFor('reads to work again', async () => (await gql(DASHBOARD)).data?.services?.totalCount === 3, 15_000, 200);
  });
});
