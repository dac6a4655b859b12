// A spawned gateway process (PostgreSQL audit database, one-manager swarm) while what it
// depends on misbehaves:
// - closing an `events` subscription closes its engine stream at once, on a quiet cluster
//   too: 1,000 subscribe/close cycles leave the process's descriptor count (/proc/<pid>/fd)
//   where it was;
// - PostgreSQL stopped, then frozen (SIGSTOP of the postmaster and its backends): an API
//   token verified in the last 30 s still reads; one that needs the database gets a JSON
//   503 AUTH_UNAVAILABLE within the lookup bound (2 s), never a 500, HTML or a hang; both
//   work again once the database is back, without restarting the gateway. A WebSocket
//   connection that cannot be verified is closed with 1013 (try again later).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { configFor, testAdminAuthorization, waitFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { postgresUp, type PostgresCluster } from '../../support/postgres.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'h6deg';
const CYCLES = 1000;
/** Subscriptions open at once (graphql-ws multiplexes them over one connection). */
const PARALLEL = 10;
/**
 * Descriptors the gateway may hold beyond its starting count: pooled database and engine
 * keep-alive sockets come and go. A leak of one socket per subscription would be 1,000.
 */
const SLACK = 8;
/** The verifier's lookup bound is 2 s; the answer must come well before a client gives up. */
const CLIENT_TIMEOUT_MS = 8_000;

const fdCount = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

/** The postmaster and every process it started (its backends and workers). */
function postgresProcesses(postmaster: number): number[] {
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        // Field 4 of /proc/PID/stat (after the parenthesised name) is the parent's PID.
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster ? [Number(d)] : [];
      } catch {
        return [];
      }
    });
  return [postmaster, ...children];
}

describe('the gateway when the database is down and when subscriptions close', () => {
  let swarm: SwarmState;
  let pg: PostgresCluster;
  let gateway: GatewayProcess;
  let client: Client;
  let frozen: number[] = [];

  before(async () => {
    [swarm, pg] = await Promise.all([swarmUp(SWARM), postgresUp('h6deg')]);
    const config = configFor([swarm]);
    // Every subscribe counts against the principal's rate (600 a minute by default).
    gateway = await spawnGateway({ ...config, limits: { ...config.limits, rateLimitRequests: 100_000 } }, { DATABASE_URL: pg.url });
    client = createClient({
      url: `ws://127.0.0.1:${gateway.port}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: await testAdminAuthorization() },
    });
  });

  after(async () => {
    for (const pid of frozen) process.kill(pid, 'SIGCONT');
    await client?.dispose();
    await gateway?.stop();
    await pg?.stop();
    await swarmDown(SWARM);
  });

  test(`${CYCLES} subscribe/close cycles leave the gateway's descriptor count where it was`, async () => {
    const since = new Date(Date.now() - 2000).toISOString();
    await dockerOk(swarm.nodes[0]!, ['network', 'create', '-d', 'overlay', 'h6deg-net']);
    /** One cycle: subscribe, receive the replayed create event (the stream is open), close. */
    const cycle = async () => {
      const events = client.iterate<{ events: { actorName: string | null } }>({
        query: 'subscription($since: DateTime) { events(since: $since, filter: { types: [NETWORK], actions: ["create"] }) { actorName } }',
        variables: { since },
      });
      // The swarm's own ingress network may have been created inside the 2 s window too (a
      // quick machine): the replay holds h6deg-net's create within its first two events.
      const names: (string | null | undefined)[] = [];
      while (names.length < 2 && !names.includes('h6deg-net')) {
        const next = await events.next();
        assert.equal(next.done, false);
        names.push(next.value.data?.events.actorName);
      }
      assert.ok(names.includes('h6deg-net'), `replayed: ${JSON.stringify(names)}`);
      await events.return?.();
    };
    // Warm up (the connection, the first streams) before counting.
    for (let i = 0; i < PARALLEL; i++) await cycle();
    await new Promise((r) => setTimeout(r, 500));
    const pid = gateway.child.pid!;
    const before = fdCount(pid);
    const started = Date.now();
    for (let done = 0; done < CYCLES; done += PARALLEL) await Promise.all(Array.from({ length: PARALLEL }, cycle));
    const elapsed = Date.now() - started;
    const rightAfter = fdCount(pid);
    // A closed socket is released once the engine's side has hung up too; poll briefly.
    const settled = await waitFor('the descriptor count to settle', async () => {
      const n = fdCount(pid);
      return n <= before + SLACK ? n : null;
    }, 10_000, 200).catch(() => fdCount(pid));
    console.log(`subscriptions: ${CYCLES} cycles in ${elapsed} ms; gateway fds before ${before}, right after ${rightAfter}, settled ${settled}`);
    assert.ok(settled <= before + SLACK, `the gateway holds ${settled - before} more descriptors than before ${CYCLES} closed subscriptions (before ${before}, after ${settled})`);
  });

  test('API tokens with PostgreSQL stopped and frozen: cached ones read, the others get a JSON 503 in time', async () => {
    const create = async (name: string) => {
      const res = await gateway.gql('mutation($name: String!) { apiTokenCreate(input: { name: $name, grants: [{ role: VIEWER }] }) { token userErrors { message } } }', { name });
      assert.deepEqual(res.data?.apiTokenCreate.userErrors, [], JSON.stringify(res.errors));
      return res.data.apiTokenCreate.token as string;
    };
    const [cached, unused, later] = [await create('h6-cached'), await create('h6-unused'), await create('h6-later')];
    /** A read as the token's holder: status, Content-Type, body (parsed when it is JSON), milliseconds. */
    const read = async (token: string) => {
      const started = Date.now();
      const res = await fetch(`http://127.0.0.1:${gateway.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ nodes { totalCount } }' }),
        signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
      }).catch((err: unknown) => ({ status: 0, headers: new Headers(), text: async () => `no answer within ${CLIENT_TIMEOUT_MS} ms (${String(err)})` }));
      const text = await res.text();
      let body: any = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: res.status, type: res.headers.get('content-type') ?? '', body, ms: Date.now() - started, retryAfter: res.headers.get('retry-after') };
    };
    const expectRead = (r: Awaited<ReturnType<typeof read>>, what: string) => {
      assert.equal(r.status, 200, `${what}: ${JSON.stringify(r.body).slice(0, 300)}`);
      assert.equal(r.body.data?.nodes.totalCount, 1, `${what}: ${JSON.stringify(r.body).slice(0, 300)}`);
    };
    const expectUnavailable = (r: Awaited<ReturnType<typeof read>>, what: string) => {
      assert.equal(r.status, 503, `${what}: ${r.status} ${String(typeof r.body === 'string' ? r.body : JSON.stringify(r.body)).slice(0, 300)}`);
      assert.match(r.type, /json/, what);
      assert.equal(r.body.errors?.[0]?.extensions?.code, 'AUTH_UNAVAILABLE', what);
      assert.equal(r.retryAfter, '5', what);
      assert.doesNotMatch(JSON.stringify(r.body), /ECONNREFUSED|at .*\.ts:|stack/i, what);
      assert.ok(r.ms < 4_000, `${what}: answered after ${r.ms} ms`);
    };
    expectRead(await read(cached), 'before the outage');

    await pg.pause();
    const stopped = { cached: await read(cached), unused: await read(unused) };
    console.log(`database stopped: cached token ${stopped.cached.status} in ${stopped.cached.ms} ms, uncached ${stopped.unused.status} in ${stopped.unused.ms} ms`);
    expectRead(stopped.cached, 'cached token, database stopped');
    expectUnavailable(stopped.unused, 'uncached token, database stopped');
    // Over graphql-ws: the connection is closed with 1013 (try again later), not 4403.
    const wsClosed = await new Promise<{ code: number; reason: string }>((resolve) => {
      const ws = createClient({
        url: `ws://127.0.0.1:${gateway.port}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: { authorization: `Bearer ${unused}` },
        onNonLazyError: () => {},
        on: { closed: (event) => resolve(event as { code: number; reason: string }) },
      });
      setTimeout(() => void ws.dispose(), CLIENT_TIMEOUT_MS).unref();
    });
    assert.deepEqual({ code: wsClosed.code, reason: wsClosed.reason.split(':')[0] }, { code: 1013, reason: 'AUTH_UNAVAILABLE' });

    await pg.start();
    // The pool's first use of a connection from before the restart may fail once: poll.
    await waitFor('the uncached token to work again', async () => (await read(unused)).status === 200, 20_000, 250);
    expectRead(await read(cached), 'cached token, database back');

    frozen = postgresProcesses(pg.postmasterPid());
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    const hung = { cached: await read(cached), unused: await read(unused), later: await read(later) };
    console.log(`database frozen (${frozen.length} processes): cached ${hung.cached.status} in ${hung.cached.ms} ms, verified 1 s ago ${hung.unused.status} in ${hung.unused.ms} ms, never verified ${hung.later.status} in ${hung.later.ms} ms`);
    expectRead(hung.cached, 'cached token, database frozen');
    expectRead(hung.unused, 'token verified just before, database frozen');
    expectUnavailable(hung.later, 'uncached token, database frozen');
    for (const pid of frozen.reverse()) process.kill(pid, 'SIGCONT');
    frozen = [];
    await waitFor('the never verified token to work after the freeze', async () => (await read(later)).status === 200, 20_000, 250);
  });
});
