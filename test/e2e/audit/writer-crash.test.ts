// Intents of a gateway process that died (kill -9) are reconciled promptly and correctly,
// by a peer on the same database or by the next start, because each process holds a
// PostgreSQL advisory lock for its writer session: a live process's open intents (in
// flight) are left alone, a dead one's are decided at once from the engine's state and
// event history, with no fixed grace. Also: an intent whose target cannot be checked
// (not a Docker reference) is recorded unknown with the reason, and the gateway stays up.
// Real swarm, real PostgreSQL, gateway processes as `npm start` runs them.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { DbAuditWriter } from '../../../src/audit/db-audit-writer.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import { findOpenIntents } from '../../../src/audit/open-intents.ts';
import type { AuditRecordData } from '../../../src/audit/record.ts';
import { WRITER_LOCK_NAMESPACE, startWriterSession, writerLockKey } from '../../../src/audit/writer-sessions.ts';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, waitFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { countingProxy } from '../../support/counting-proxy.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'awc-swarm';
const WRITERS = 4;
const SCALE = 'mutation($i: ServiceScaleInput!) { serviceScale(input: $i) { service { id } } }';
const CREATE = 'mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } } }';

describe('intents of a killed gateway are reconciled at once and correctly (PostgreSQL)', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let config: GatewayConfig;
  let db: AuditDb;
  const docker = (...args: string[]) => dockerOk(manager, args);
  const openIntents = async () => findOpenIntents(db.database.prisma, { before: new Date(Date.now() + 60_000) });
  const outcomesOf = (records: AuditRecordData[], intentId: string) => records.filter((r) => r.kind === 'outcome' && r.intentId === intentId);
  const reasonOf = (r: AuditRecordData) => (r.input as { reconciled?: string } | null)?.reconciled ?? '';
  const pausedCount = (gw: GatewayProcess) => gw.logs.filter((l) => /TEST-ONLY pause/.test(String(l.msg))).length;

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    const base = configFor([swarm]);
    config = { ...base, audit: { ...base.audit, maintenanceIntervalMs: 300 } };
    // Pending forever (no node has the label): replicas change without starting containers.
    for (let w = 0; w < WRITERS; w++) {
      await docker('service', 'create', '--detach', '--no-resolve-image', '--name', `awc-s${w}`, '--constraint', 'node.labels.awc==none', '--replicas', '1', 'sg-busybox:latest', 'sleep', '600');
    }
    db = await openAuditDb('postgres', 'awc');
  });
  after(async () => {
    await db?.close();
    await swarmDown(SWARM);
  });

  test('a peer leaves the open intents of a live writer alone, and reconciles them as soon as it is killed', async () => {
    const writer = await spawnGateway(config, { ...db.env(), GATEWAY_TEST_PAUSE_AFTER_ENGINE: 'networkCreate' });
    const peer = await spawnGateway(config, db.env());
    try {
      for (const name of ['awc-peer1', 'awc-peer2']) void writer.gql(CREATE, { i: { name } }).catch(() => {});
      await waitFor('both creates to pause after the engine call', async () => pausedCount(writer) === 2, 60_000, 100);
      // Several of the peer's rounds: the writer is alive, its intents are in flight.
      await new Promise((r) => setTimeout(r, 2000));
      assert.equal((await openIntents()).length, 2, 'the peer left the live writer\'s intents open');

      await writer.kill();
      const killedAt = Date.now();
      await waitFor('the peer to reconcile them', async () => (await openIntents()).length === 0, 30_000, 100);
      const tookMs = Date.now() - killedAt;
      process.stdout.write(`# peer reconciled the killed writer's 2 open intents ${tookMs} ms after kill -9\n`);
      assert.ok(tookMs < 30_000);
      const records = await db.records();
      for (const name of ['awc-peer1', 'awc-peer2']) {
        const intent = records.find((r) => r.kind === 'intent' && r.target === name)!;
        const [outcome] = outcomesOf(records, intent.id);
        assert.equal(outcome?.outcome, 'succeeded', `${name}: ${reasonOf(outcome!)}`);
        assert.deepEqual(outcome!.objectIds, [JSON.parse(await docker('network', 'inspect', name))[0].Id]);
      }
    } finally {
      await writer.kill();
      assert.equal(await peer.stop(), 0);
    }
  });

  test('kill -9 during a load of mutations: at the restart every open intent is reconciled to the truth within 30 s', async () => {
    // The first process reaches the engine through a proxy that, at the end of the load,
    // holds back answers so that the kill finds scales in flight on both sides of their
    // engine call: s0, s1 after the update was sent (the engine scaled them), s2, s3
    // before it (their inspect is held: nothing was changed), unless a scale of s2 or s3
    // was past its inspect already (see heldAfterUpdate below).
    const proxy = await countingProxy(manager.host.replace(/^unix:\/\//, ''));
    const ids = await Promise.all(Array.from({ length: WRITERS }, async (_, w) => JSON.parse(await docker('service', 'inspect', `awc-s${w}`))[0].ID as string));
    const viaProxy = configFor([{ ...swarm, nodes: swarm.nodes.map((n) => ({ ...n, host: proxy.host })) }]);
    // No watched state: it inspects each scaled service on its update event (GET /services/{id}),
    // which the hold would catch instead of the mutation's own inspect, letting that scale through.
    const engine = { ...viaProxy.engine, watch: { ...viaProxy.engine.watch, enabled: false } };
    const first = await spawnGateway({ ...viaProxy, engine, audit: config.audit }, { ...db.env(), GATEWAY_TEST_PAUSE_AFTER_ENGINE: 'networkCreate' });
    const seen = (await db.records()).length;
    // Each writer scales its own service up, one request after the other.
    const requested: number[] = Array.from({ length: WRITERS }, () => 1);
    const done: number[] = Array.from({ length: WRITERS }, () => 0);
    const writers = requested.map(async (_, w) => {
      for (;;) {
        requested[w]! += 1;
        const res = await first.gql(SCALE, { i: { id: `awc-s${w}`, replicas: requested[w] } }).catch(() => null);
        if (!res) return;
        done[w]! += 1;
      }
    });
    for (const name of ['awc-k1', 'awc-k2', 'awc-k3']) void first.gql(CREATE, { i: { name } }).catch(() => {});
    await waitFor('three creates paused and every writer under way', async () => pausedCount(first) === 3 && done.every((d) => d >= 2), 60_000, 50);
    proxy.hold(new RegExp(`^(POST \\S*/services/(${ids[0]}|${ids[1]})/update|GET \\S*/services/(${ids[2]}|${ids[3]})(\\?\\S*)?$)`));
    await waitFor('a request of every writer held', async () => new Set(proxy.held.map((l) => ids.findIndex((id) => l.includes(id)))).size === WRITERS, 10_000, 20);
    await first.kill();
    await Promise.all(writers);
    await proxy.close();
    // A scale of s2 or s3 that had already passed its inspect when the hold began sends its
    // update, and its payload's re-read (the same GET) is what the hold catches: that scale
    // happened. Which GET was held shows in the line before it for that service.
    const heldAfterUpdate = (id: string) => {
      const lines = proxy.requests.filter((l) => l.includes(`/services/${id}`));
      return lines.length >= 2 && /^POST \S*\/update/.test(lines[lines.length - 2]!);
    };
    const expectedVerdicts = [
      'awc-s0:succeeded',
      'awc-s1:succeeded',
      `awc-s2:${heldAfterUpdate(ids[2]!) ? 'succeeded' : 'failed'}`,
      `awc-s3:${heldAfterUpdate(ids[3]!) ? 'succeeded' : 'failed'}`,
    ];

    // Someone removes one of the created networks on the engine before the gateway is back.
    const created = new Map<string, string>();
    for (const name of ['awc-k1', 'awc-k2', 'awc-k3']) created.set(name, JSON.parse(await docker('network', 'inspect', name))[0].Id);
    await docker('network', 'rm', 'awc-k2');

    const open = await openIntents();
    const scales = open.filter((i) => i.operation === 'serviceScale');
    assert.equal(open.length, 3 + WRITERS, `open intents after the kill: ${open.map((i) => `${i.operation} ${i.target}`).join(', ')}`);
    const restartedAt = Date.now();
    const second = await spawnGateway(config, db.env());
    try {
      await waitFor('every open intent reconciled', async () => (await openIntents()).length === 0, 30_000, 100);
      const tookMs = Date.now() - restartedAt;
      const startLog = Number(second.logs[0]?.time);
      const lastReconciled = Math.max(...second.logs.filter((l) => /reconciled an audit intent/.test(String(l.msg))).map((l) => Number(l.time)));
      process.stdout.write(
        `# ${open.length} open intents (${scales.length} scales in flight) reconciled ${tookMs} ms after the restart began ` +
          `(${lastReconciled - startLog} ms from the new process's first log line to its last reconciliation)\n`,
      );
      assert.ok(tookMs < 30_000);

      const records = await db.records();
      const verdicts: string[] = [];
      for (const intent of open) {
        const outcomes = outcomesOf(records, intent.id);
        assert.equal(outcomes.length, 1, `${intent.operation} ${intent.target}: one outcome`);
        const outcome = outcomes[0]!;
        if (intent.operation === 'networkCreate') {
          assert.equal(outcome.outcome, 'succeeded', `${intent.target}: ${reasonOf(outcome)}`);
          assert.deepEqual(outcome.objectIds, [created.get(intent.target!)]);
          if (intent.target === 'awc-k2') assert.match(reasonOf(outcome), /no longer exists/);
        } else {
          // The truth: the scale in flight happened iff the service now has its count.
          assert.equal(intent.operation, 'serviceScale');
          const asked = (intent.input as { replicas: number }).replicas;
          const now = JSON.parse(await docker('service', 'inspect', intent.target!))[0].Spec.Mode.Replicated.Replicas as number;
          assert.equal(outcome.outcome, now === asked ? 'succeeded' : 'failed', `${intent.target} scale to ${asked} (now ${now}): ${reasonOf(outcome)}`);
          verdicts.push(`${intent.target}:${outcome.outcome}`);
        }
      }
      assert.deepEqual(verdicts.sort(), expectedVerdicts);
      // Every mutation of the load has exactly one outcome.
      for (const intent of records.slice(seen).filter((r) => r.kind === 'intent')) assert.equal(outcomesOf(records, intent.id).length, 1);
      assert.equal((await verifyChain(records)).ok, true);
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });

  test('a gateway whose database restarts takes its writer lock again (and keeps serving): it does not look gone for long', async () => {
    const gw = await spawnGateway(config, db.env());
    try {
      const res = await gw.gql(CREATE, { i: { name: 'awc-relock' } });
      assert.equal(res.errors, undefined);
      const records = await db.records();
      const intent = records.filter((r) => r.kind === 'intent' && r.target === 'awc-relock').at(-1)!;
      const [row] = await db.database.prisma.$queryRaw<{ session: string }[]>`SELECT writer_session::text AS session FROM audit_intent_writers WHERE intent_id = ${intent.id}::uuid`;
      const key = writerLockKey(row!.session);
      const held = async () =>
        (await db.database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND granted AND classid = ${WRITER_LOCK_NAMESPACE} AND objid = ${key}`))[0]!.n === 1;
      assert.equal(await held(), true, 'the live gateway holds its lock');
      await db.stopDatabase();
      await db.startDatabase();
      const backAt = Date.now();
      await waitFor('the gateway to take its lock again', held, 30_000, 100);
      process.stdout.write(`# writer lock taken again ${Date.now() - backAt} ms after the database came back\n`);
      assert.equal(gw.child.exitCode, null, 'the lost connection did not end the process');
      assert.equal((await gw.gql('{ services { totalCount } }')).errors, undefined);
    } finally {
      assert.equal(await gw.stop(), 0);
    }
  });

  test('an intent whose target is no Docker reference is recorded unknown with the reason; the gateway stays up and contacts nobody', async () => {
    // A port on loopback that a redirect-following client would be sent to.
    let contacted = 0;
    const trap = net.createServer((s) => {
      contacted++;
      s.destroy();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    const port = (trap.address() as net.AddressInfo).port;
    const bad = [
      { operation: 'networkCreate', target: `../../../127.0.0.1:${port}/x`, input: { name: `../../../127.0.0.1:${port}/x` } },
      { operation: 'serviceScale', target: '/awc-s0', input: { id: '/awc-s0', replicas: 9 } },
      { operation: 'networkRemove', target: 'a//b', input: { ids: ['a//b'] } },
    ];
    // Written by a writer session that then ends: a process that died with them open.
    const logger = pino({ level: 'silent' });
    const session = await startWriterSession({ database: db.database, logger });
    const writer = new DbAuditWriter({ database: db.database, logger, spoolPath: path.join(mkdtempSync(path.join(tmpdir(), 'awc-')), 'spool.ndjson'), writerSession: session });
    const ids: string[] = [];
    for (const b of bad) {
      ids.push(await writer.intent({ requestId: `awc-${b.operation}`, principal: { id: 'anonymous', clientAddress: '127.0.0.9' }, cluster: SWARM, userAgent: 'awc', ...b }));
    }
    await session.close();

    const gw = await spawnGateway(config, db.env());
    try {
      await waitFor('the seeded intents reconciled', async () => (await openIntents()).length === 0, 30_000, 100);
      const res = await gw.gql('{ services { totalCount } }');
      assert.equal(res.errors, undefined);
      assert.equal(gw.child.exitCode, null, 'still running');
      const records = await db.records();
      for (const id of ids) {
        const [outcome] = outcomesOf(records, id);
        assert.equal(outcome?.outcome, 'unknown');
        assert.match(reasonOf(outcome!), /could not be checked.*not a Docker reference/);
      }
      assert.equal(contacted, 0, 'no connection to the port named in the target');
    } finally {
      assert.equal(await gw.stop(), 0);
      trap.close();
    }
  });
});
