// Manager failover, quorum loss and recovery on a real 3-manager swarm, with one gateway
// that is never restarted. The gateway lists manager-2 first, then manager-3, then
// manager-1 (the Raft leader, which `swarm init` made): stopping the gateway's first manager
// then costs the swarm no leader election (the engine's own 10 s or more, measured apart, in
// which no manager answers cluster reads), so what is measured is the gateway's failover.
// - The first manager stopped (scripts/swarm.sh stop-node) under a steady load of reads and
//   writes started at a fixed rate: reads never fail, everything started once it is down
//   succeeds on the next manager, and the longest stretch without a successful read or
//   write is about a second. An `events` subscription follows onto the next manager with
//   `since`: every network the load created arrives exactly once.
// - A second manager stopped: quorum lost. Reads and writes answer SWARM_QUORUM_LOST with the
//   engine's words (not INTERNAL), and `swarm { quorum }` answers from the last manager's view.
// - Both back: reads and writes work again, the quorum is whole; the subscription is alive.
// - Every manager stopped: the subscription ends with ENGINE_UNAVAILABLE.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { configFor, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { startNode, stopNode, swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'h6fo';
const READ = '{ nodes { totalCount } }';
const CREATE = 'mutation($name: String!) { networkCreate(input: { name: $name }) { network { id name } userErrors { code message } } }';
const QUORUM = '{ swarm { id quorum { managers reachableManagers majority hasQuorum warnings } } }';

interface Sample {
  kind: 'read' | 'write';
  start: number;
  end: number;
  ok: boolean;
  code?: string;
  name?: string;
}

type GqlResult = Awaited<ReturnType<TestGateway['gql']>>;

const codeOf = (res: GqlResult): string | undefined => res.errors?.[0]?.extensions?.code;

/** The longest time between two successful completions (or a window's edge and one), in ms. */
function longestGap(samples: Sample[], from: number, to: number): number {
  const ends = samples.filter((s) => s.ok).map((s) => s.end).sort((a, b) => a - b);
  let gap = 0;
  let last = from;
  for (const end of ends) {
    if (end < from || end > to) continue;
    gap = Math.max(gap, end - last);
    last = end;
  }
  return Math.max(gap, to - last);
}

describe('manager failover, quorum loss and recovery (3 managers)', () => {
  let swarm: SwarmState;
  let gw: TestGateway;
  let client: Client;
  /** Network names the subscription delivered, in order. */
  const seen: string[] = [];
  let subscription: Promise<string>;

  before(async () => {
    swarm = await swarmUp(SWARM, { managers: 3 });
    const base = configFor([swarm], { timeoutMs: 5_000 });
    const byHost = (k: number) => ({ url: swarm.nodes.find((n) => n.k === k)!.host });
    const config = {
      ...base,
      clusters: [{ ...base.clusters[0]!, managers: [byHost(2), byHost(3), byHost(1)] }],
      limits: { ...base.limits, rateLimitRequests: 100_000 },
    };
    gw = await startGateway(config);
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = gw.gateway.httpServer.address() as AddressInfo;
    client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: gw.adminAuthorization } });
    const events = client.iterate<{ events: { actorName: string | null } }>({
      query: 'subscription($since: DateTime) { events(since: $since, filter: { types: [NETWORK], actions: ["create"] }) { actorName } }',
      variables: { since: new Date().toISOString() },
    });
    // Resolves with how the subscription ended: 'complete', or the error code.
    subscription = (async () => {
      try {
        for await (const r of events) {
          if (r.errors) return String(r.errors[0]?.extensions?.code);
          seen.push(r.data!.events.actorName ?? '');
        }
        return 'complete';
      } catch (errors) {
        return String((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code ?? errors);
      }
    })();
  });

  after(async () => {
    await client?.dispose();
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test("the gateway's first manager stopped: reads and writes go on on the next one, the subscription too", async () => {
    // The engine replays `since`: the subscription is open once this network shows up.
    assert.deepEqual((await gw.gql(CREATE, { name: 'h6fo-first' })).data?.networkCreate.userErrors, []);
    // Read once while there is a leader: the swarm's description outlives a quorum loss.
    assert.equal((await gw.gql(QUORUM)).data?.swarm.quorum.hasQuorum, true);
    await waitFor('the subscription to deliver', async () => seen.includes('h6fo-first'), 20_000, 100);

    const samples: Sample[] = [];
    let running = true;
    let n = 0;
    const inFlight: Promise<void>[] = [];
    const fire = (kind: Sample['kind']) => {
      const start = Date.now();
      const name = kind === 'write' ? `h6fo-load-${n++}` : undefined;
      const req = kind === 'read' ? gw.gql(READ) : gw.gql(CREATE, { name });
      inFlight.push(
        req.then(
          (res) => {
            const ok = !res.errors && (kind === 'read' ? res.data?.nodes.totalCount === 3 : res.data?.networkCreate.userErrors.length === 0);
            samples.push({ kind, start, end: Date.now(), ok, code: codeOf(res) ?? res.data?.networkCreate?.userErrors[0]?.code, name });
          },
          (err: unknown) => void samples.push({ kind, start, end: Date.now(), ok: false, code: String(err), name }),
        ),
      );
    };
    // An open loop: requests start at a fixed rate, whether earlier ones answered or not.
    const readTimer = setInterval(() => running && fire('read'), 100);
    const writeTimer = setInterval(() => running && fire('write'), 300);
    await new Promise((r) => setTimeout(r, 1_500));
    const stopBegan = Date.now();
    await stopNode(SWARM, 2);
    const stopped = Date.now();
    await new Promise((r) => setTimeout(r, 3_000));
    running = false;
    clearInterval(readTimer);
    clearInterval(writeTimer);
    const loadEnded = Date.now();
    await Promise.all(inFlight);

    const reads = samples.filter((s) => s.kind === 'read');
    const writes = samples.filter((s) => s.kind === 'write');
    const afterStop = samples.filter((s) => s.start >= stopped);
    const figures = {
      stopNodeMs: stopped - stopBegan,
      reads: reads.length,
      writes: writes.length,
      failedReads: reads.filter((s) => !s.ok).map((s) => s.code),
      failedWrites: writes.filter((s) => !s.ok).map((s) => s.code),
      longestReadGapMs: longestGap(reads, stopBegan, loadEnded),
      longestWriteGapMs: longestGap(writes, stopBegan, loadEnded),
      slowestAfterStopMs: Math.max(...afterStop.map((s) => s.end - s.start)),
    };
    console.log(`failover: ${JSON.stringify(figures)}`);
    assert.deepEqual(figures.failedReads, [], 'no read fails');
    // A write in flight on the manager as it went away may have reached it: ENGINE_UNAVAILABLE
    // (outcome unknown), never anything else.
    assert.ok(writes.every((s) => s.ok || s.code === 'ENGINE_UNAVAILABLE'), JSON.stringify(figures.failedWrites));
    assert.ok(afterStop.every((s) => s.ok), `requests started after the stop failed: ${JSON.stringify(afterStop.filter((s) => !s.ok))}`);
    assert.ok(figures.longestReadGapMs < 2_000, `no read succeeded for ${figures.longestReadGapMs} ms`);
    assert.ok(figures.longestWriteGapMs < 2_500, `no write succeeded for ${figures.longestWriteGapMs} ms`);

    // Every network the load created arrives once on the subscription, which moved managers.
    const created = writes.filter((s) => s.ok).map((s) => s.name!);
    await waitFor('the created networks on the subscription', async () => created.every((name) => seen.includes(name)), 20_000, 200).catch(() => {});
    assert.deepEqual(created.filter((name) => !seen.includes(name)), [], 'networks created but never delivered');
    assert.deepEqual(seen.filter((name, i) => seen.indexOf(name) !== i), [], 'events delivered twice');
  });

  test('a second manager stopped: SWARM_QUORUM_LOST with the engine\'s words, and swarm { quorum } answers', async () => {
    const began = Date.now();
    await stopNode(SWARM, 3);
    // The leader steps down once it misses the majority's heartbeats.
    const lost = await waitFor('SWARM_QUORUM_LOST', async () => {
      const res = await gw.gql(READ);
      return codeOf(res) === 'SWARM_QUORUM_LOST' ? res : null;
    }, 60_000, 250);
    console.log(`quorum: SWARM_QUORUM_LOST ${Date.now() - began} ms after stopping the second manager`);
    assert.match(lost.errors![0]!.message, /does not have a leader/);

    const write = await gw.gql(CREATE, { name: 'h6fo-no-quorum' });
    assert.equal(codeOf(write), 'SWARM_QUORUM_LOST', JSON.stringify(write));

    const asked = Date.now();
    const res = await gw.gql(QUORUM);
    const tookMs = Date.now() - asked;
    console.log(`quorum: swarm { quorum } answered in ${tookMs} ms: ${JSON.stringify(res.data?.swarm?.quorum)}`);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const q = res.data!.swarm.quorum;
    assert.deepEqual({ managers: q.managers, reachableManagers: q.reachableManagers, majority: q.majority, hasQuorum: q.hasQuorum }, { managers: 3, reachableManagers: 1, majority: 2, hasQuorum: false });
    assert.ok(q.warnings.some((w: string) => /quorum lost/.test(w)), JSON.stringify(q.warnings));
    assert.ok(q.warnings.some((w: string) => /does not have a leader/.test(w)), JSON.stringify(q.warnings));
    assert.ok(res.data!.swarm.id.length > 0, 'the swarm keeps the ID it was last read with');
    assert.ok(tookMs < 5_000, `swarm { quorum } took ${tookMs} ms`);
  });

  test('both managers back: reads and writes recover without restarting the gateway', async () => {
    const began = Date.now();
    await Promise.all([startNode(SWARM, 2), startNode(SWARM, 3)]);
    await waitFor('a write to succeed again', async () => (await gw.gql(CREATE, { name: 'h6fo-back' })).data?.networkCreate.userErrors.length === 0, 90_000, 500);
    console.log(`recovery: a write succeeded ${Date.now() - began} ms after starting the managers again`);
    assert.equal((await gw.gql(READ)).data?.nodes.totalCount, 3);
    const q = await waitFor('all managers reachable', async () => {
      const res = await gw.gql(QUORUM);
      return res.data?.swarm.quorum.reachableManagers === 3 ? res.data.swarm.quorum : null;
    }, 60_000, 500);
    assert.equal(q.hasQuorum, true);
    await waitFor('the subscription to deliver h6fo-back', async () => seen.includes('h6fo-back'), 20_000, 200);
    assert.equal(seen.filter((n) => n === 'h6fo-back').length, 1);
  });

  test('every manager stopped: the subscription ends with ENGINE_UNAVAILABLE', async () => {
    await Promise.all([1, 2, 3].map((k) => stopNode(SWARM, k)));
    const ended = await Promise.race([subscription, new Promise<string>((r) => setTimeout(() => r('still open after 30 s'), 30_000))]);
    assert.equal(ended, 'ENGINE_UNAVAILABLE');
  });
});
