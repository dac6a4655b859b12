// Fail-closed audit against a real swarm, on a real PostgreSQL (its server stopped with
// scripts/postgres.sh and started again on the same files) and on embedded PGlite (closed
// and reopened): with the database down every mutation and sensitive read is refused with
// AUDIT_UNAVAILABLE and the engine shows no change, while reads keep working; an outcome
// that could not be written reaches the database once it is back, keeping the time it
// happened, with the chain valid.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { spoolPathOf, startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import type { AuditWriter } from '../../../src/audit/audit-writer.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { BACKENDS, openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'afc-swarm';

const MUTATIONS: [string, string, Record<string, unknown>][] = [
  ['networkCreate', 'mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } userErrors { code } } }', { i: { name: 'afc-new-net' } }],
  ['networkRemove', 'mutation($i: NetworkRemoveInput!) { networkRemove(input: $i) { removed { id } userErrors { code } } }', { i: { ids: ['afc-net'] } }],
  ['serviceCreate', 'mutation($i: ServiceCreateInput!) { serviceCreate(input: $i) { service { id } userErrors { code } } }', { i: { name: 'afc-new-svc', image: 'sg-busybox:latest', command: ['sleep', '60'] } }],
  ['serviceUpdate', 'mutation($i: ServiceUpdateInput!) { serviceUpdate(input: $i) { service { id } userErrors { code } } }', { i: { id: 'afc-svc', envAdd: ['X=1'] } }],
  ['serviceScale', 'mutation($i: ServiceScaleInput!) { serviceScale(input: $i) { service { id } userErrors { code } } }', { i: { id: 'afc-svc', replicas: 3 } }],
  ['serviceRemove', 'mutation($i: ServiceRemoveInput!) { serviceRemove(input: $i) { removed { id } userErrors { code } } }', { i: { id: 'afc-svc' } }],
  ['nodeUpdate', 'mutation($i: NodeUpdateInput!) { nodeUpdate(input: $i) { node { id } userErrors { code } } }', { i: { id: 'MANAGER', labels: { add: [{ key: 'x', value: 'y' }] } } }],
  ['swarmUpdate', 'mutation($i: SwarmUpdateInput!) { swarmUpdate(input: $i) { swarm { id } userErrors { code } } }', { i: { taskHistoryLimit: 3 } }],
];

describe('fail-closed audit log', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let config: GatewayConfig;
  const docker = (...args: string[]) => dockerOk(manager, args);

  /** What the mutations above would change, as the engine reports it. */
  const engineState = async () => ({
    networks: (await docker('network', 'ls', '-q', '--no-trunc')).trim().split('\n').sort(),
    services: (await docker('service', 'ls', '-q')).trim().split('\n').sort(),
    service: JSON.parse(await docker('service', 'inspect', 'afc-svc'))[0].Version.Index,
    node: JSON.parse(await docker('node', 'inspect', 'self'))[0].Version.Index,
    swarm: (await docker('info', '--format', '{{json .Swarm.Cluster.Version}}')).trim(),
  });

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    config = configFor([swarm]);
    await docker('network', 'create', '-d', 'overlay', 'afc-net');
    await docker('service', 'create', '--detach', '--no-resolve-image', '--name', 'afc-svc', '--replicas', '1', 'sg-busybox:latest', 'sleep', '600');
  });

  after(async () => {
    await swarmDown(SWARM);
  });

  for (const kind of BACKENDS) {
    describe(kind, () => {
      let db: AuditDb;
      let log: AuditLog;
      let gw: TestGateway;
      /** Set by a test: the database goes down between the engine call and the outcome write. */
      let stopBeforeNextOutcome = false;

      before(async () => {
        db = await openAuditDb(kind, `afc-${kind}`);
        const settings = { ...config.audit, writeTimeoutMs: 5_000, maintenanceIntervalMs: 300 };
        log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings, dataDir: db.dataDir, logger: pino({ level: 'silent' }) });
        const writer = log.writer;
        const audit: AuditWriter = {
          intent: (i) => writer.intent(i),
          sensitiveRead: (i) => writer.sensitiveRead(i),
          refusal: (i, r) => writer.refusal(i, r),
          async outcome(id, o) {
            if (stopBeforeNextOutcome) {
              stopBeforeNextOutcome = false;
              await db.stopDatabase();
            }
            return writer.outcome(id, o);
          },
        };
        gw = await startGateway(config, { database: db.database, audit });
      });
      after(async () => {
        await gw?.stop();
        await log?.stop();
        await db?.close();
      });

      test('with the database stopped, every mutation and sensitive read is refused and the engine is unchanged; reads work', async () => {
        const managerName = (await docker('node', 'inspect', 'self', '--format', '{{.Description.Hostname}}')).trim();
        const before = await engineState();
        const recordsBefore = (await db.records()).length;
        await db.stopDatabase();
        try {
          for (const [operation, query, variables] of MUTATIONS) {
            const vars = JSON.parse(JSON.stringify(variables).replace('"MANAGER"', JSON.stringify(managerName)));
            const res = await gw.gql(query, vars);
            assert.equal(res.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE', `${operation}: ${JSON.stringify(res.errors ?? res.data)}`);
            assert.equal(res.data?.[operation] ?? null, null);
          }
          const tokens = await gw.gql('{ swarmJoinTokens { worker manager } }');
          assert.equal(tokens.errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE');
          assert.equal(tokens.data?.swarmJoinTokens ?? null, null);
          assert.doesNotMatch(JSON.stringify(tokens), /SWMTKN/);

          const reads = expectData(await gw.gql('{ networks(first: 100) { nodes { name } } services { nodes { name replicas } } nodes { nodes { hostname } } swarm { id } }'));
          assert.ok(reads.networks.nodes.some((n: { name: string }) => n.name === 'afc-net'));
          assert.deepEqual(reads.services.nodes.map((s: { name: string }) => s.name), ['afc-svc']);
          assert.deepEqual(reads.nodes.nodes.map((n: { hostname: string }) => n.hostname), [managerName]);
          assert.deepEqual(await engineState(), before);
        } finally {
          await db.startDatabase();
        }
        assert.equal((await db.records()).length, recordsBefore, 'nothing was recorded for the refused requests');
      });

      test('an outcome written while the database is down reaches it when it is back, in order, with the chain valid', async () => {
        const spool = spoolPathOf(config.audit, db.dataDir);
        const scale = (replicas: number) =>
          gw.gql('mutation($i: ServiceScaleInput!) { serviceScale(input: $i) { service { replicas } userErrors { code } } }', { i: { id: 'afc-svc', replicas } });

        stopBeforeNextOutcome = true;
        const first = expectData(await scale(2));
        assert.equal(first.serviceScale.service.replicas, 2, 'the change itself was made and answered');
        assert.equal(JSON.parse(await docker('service', 'inspect', 'afc-svc'))[0].Spec.Mode.Replicated.Replicas, 2);
        const spooled = readFileSync(spool, 'utf8').trim().split('\n').map((l) => JSON.parse(l).fields);
        assert.deepEqual(spooled.map((f: { operation: string; outcome: string }) => [f.operation, f.outcome]), [['serviceScale', 'succeeded']]);
        // Still down: the next change is refused and not made.
        assert.equal((await scale(4)).errors?.[0]?.extensions?.code, 'AUDIT_UNAVAILABLE');
        assert.equal(JSON.parse(await docker('service', 'inspect', 'afc-svc'))[0].Spec.Mode.Replicated.Replicas, 2);

        await db.startDatabase();
        // Back: the next change is recorded at once, its outcome too (it does not wait for the spool).
        assert.equal(expectData(await scale(1)).serviceScale.service.replicas, 1);
        await waitFor('the spool to drain', async () => !log.writer.hasSpooled, 30_000, 200);
        assert.equal(existsSync(spool) ? readFileSync(spool, 'utf8') : '', '');

        const records = await db.records();
        const scales = records.filter((r) => r.operation === 'serviceScale');
        const intents = scales.filter((r) => r.kind === 'intent');
        const outcomes = scales.filter((r) => r.kind === 'outcome');
        assert.equal(intents.length, 2, 'the refused change left no intent');
        // One outcome per intent; outcomes of different intents may be in either order.
        assert.deepEqual(outcomes.map((o) => o.intentId).sort(), intents.map((i) => i.id).sort(), 'one outcome per intent');
        assert.deepEqual(outcomes.map((o) => o.outcome), ['succeeded', 'succeeded']);
        for (const o of outcomes) assert.ok(o.seq > intents.find((i) => i.id === o.intentId)!.seq, 'each outcome follows its intent');
        assert.deepEqual((intents.map((i) => (i.input as { replicas: number }).replicas)), [2, 1]);
        const v = await verifyChain(records);
        assert.equal(v.ok, true, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
        // The outcome kept the time it happened, before the database came back.
        const spooledOutcome = outcomes.find((o) => o.intentId === intents[0]!.id)!;
        assert.ok(spooledOutcome.recordedAt.getTime() <= intents[1]!.recordedAt.getTime());
      });
    });
  }
});
