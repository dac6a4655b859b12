// Outcomes that are true when the engine gives no answer. A proxy in front of the manager
// forwards the mutation's request but holds back the engine's answer past the gateway's
// engine timeout: the engine made the change, the client got no answer. The client must
// get ENGINE_UNAVAILABLE saying the outcome is unknown, the audit log must say `unknown`
// (never `failed`), and the reconciler must then record the truth from the engine's state
// and event history once the engine answers again: succeeded (replicas 1 -> 3, the network
// exists), even for a network removed on the engine before the reconciler could look.
// A request that never reached an engine (no socket) stays `failed`. Real swarm, real
// PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import type { AuditRecordData } from '../../../src/audit/record.ts';
import { parseConfig, type GatewayConfig } from '../../../src/config/config.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { countingProxy, type CountingProxy } from '../../support/counting-proxy.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'auo-swarm';
/** The gateway's engine timeout: the held answers come later than this (never, in fact). */
const ENGINE_TIMEOUT_MS = 1500;

describe('an engine call without an answer is recorded unknown, then reconciled to the truth (PostgreSQL)', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let proxy: CountingProxy;
  let db: AuditDb;
  let log: AuditLog;
  let gw: TestGateway;
  const docker = (...args: string[]) => dockerOk(manager, args);

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    proxy = await countingProxy(manager.host.replace(/^unix:\/\//, ''));
    // Pending forever (no node has the label): replicas change without starting containers.
    await docker('service', 'create', '--detach', '--no-resolve-image', '--name', 'auo-web', '--constraint', 'node.labels.auo==none', '--replicas', '1', 'sg-busybox:latest', 'sleep', '600');
    const config: GatewayConfig = parseConfig({
      clusters: [
        { name: SWARM, managers: [{ url: proxy.host }] },
        // No engine listens there: requests to it never reach one.
        { name: 'auo-nowhere', managers: [{ url: 'unix:///run/sg-auo-nowhere/docker.sock' }] },
      ],
      engine: { timeoutMs: ENGINE_TIMEOUT_MS },
      audit: { maintenanceIntervalMs: 250 },
      logLevel: 'silent',
    });
    db = await openAuditDb('postgres', 'auo');
    log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings: config.audit, dataDir: db.dataDir, logger: pino({ level: process.env.GATEWAY_TEST_LOG ?? 'silent' }) });
    gw = await startGateway(config, { database: db.database, audit: log.writer });
  });
  after(async () => {
    await gw?.stop();
    await log?.stop();
    await db?.close();
    await proxy?.close();
    await swarmDown(SWARM);
  });

  /** The intent of the last `operation` on `target`, and its outcomes in order. */
  const recordsOf = async (operation: string, target: string) => {
    const records = await db.records();
    const intent = records.filter((r) => r.kind === 'intent' && r.operation === operation && r.target === target).at(-1)!;
    assert.ok(intent, `an intent for ${operation} ${target}`);
    return { intent, outcomes: records.filter((r) => r.kind === 'outcome' && r.intentId === intent.id), records };
  };
  const reasonOf = (r: AuditRecordData, key: 'reason' | 'reconciled') => (r.input as Record<string, string> | null)?.[key] ?? '';
  /** Waits for the reconciled outcome following the unknown one; resolves with it and how long it took. */
  const reconciled = async (operation: string, target: string) => {
    const started = Date.now();
    const outcome = await waitFor(`${operation} ${target} reconciled`, async () => (await recordsOf(operation, target)).outcomes.find((o) => reasonOf(o, 'reconciled') !== ''), 30_000, 100);
    return { outcome, ms: Date.now() - started };
  };
  const assertUnknownAnswer = (res: { errors?: { message: string; extensions?: { code?: string } }[] }) => {
    assert.equal(res.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE', JSON.stringify(res));
    assert.match(res.errors![0]!.message, /outcome is unknown.*reconcile/s);
  };
  const assertRecordedUnknown = async (operation: string, target: string) => {
    const { outcomes } = await recordsOf(operation, target);
    assert.equal(outcomes.length >= 1, true, 'an outcome was recorded at once');
    assert.equal(outcomes[0]!.outcome, 'unknown', `${operation} is recorded unknown, not ${outcomes[0]!.outcome}`);
    assert.equal(outcomes[0]!.errorCode, 'ENGINE_UNAVAILABLE');
    assert.match(reasonOf(outcomes[0]!, 'reason'), /did not answer in time/);
  };

  test('serviceScale 1 -> 3 whose answer is held: ENGINE_UNAVAILABLE (unknown), recorded unknown, reconciled succeeded', async () => {
    proxy.hold(/^POST \S*\/services\/\S+\/update/);
    const res = await gw.gql('mutation($i: ServiceScaleInput!) { serviceScale(input: $i) { service { id } } }', { i: { id: 'auo-web', replicas: 3 } });
    proxy.hold(null);
    assert.equal(proxy.held.length, 1, 'the update reached the engine');
    assert.equal(JSON.parse(await docker('service', 'inspect', 'auo-web'))[0].Spec.Mode.Replicated.Replicas, 3, 'the engine made the change');
    await assertRecordedUnknown('serviceScale', 'auo-web');
    assertUnknownAnswer(res);
    const { outcome, ms } = await reconciled('serviceScale', 'auo-web');
    assert.equal(outcome.outcome, 'succeeded');
    assert.match(reasonOf(outcome, 'reconciled'), /scaled to 3/);
    assert.equal(reasonOf(outcome, 'follows' as 'reason'), (await recordsOf('serviceScale', 'auo-web')).outcomes[0]!.id);
    process.stdout.write(`# serviceScale reconciled ${ms} ms after the answer\n`);
  });

  test('networkCreate whose answer is held: unknown, then succeeded with the network ID', async () => {
    proxy.hold(/^POST \S*\/networks\/create/);
    const res = await gw.gql('mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } } }', { i: { name: 'auo-net' } });
    proxy.hold(null);
    const id = JSON.parse(await docker('network', 'inspect', 'auo-net'))[0].Id as string;
    await assertRecordedUnknown('networkCreate', 'auo-net');
    assertUnknownAnswer(res);
    const { outcome, ms } = await reconciled('networkCreate', 'auo-net');
    assert.equal(outcome.outcome, 'succeeded');
    assert.deepEqual(outcome.objectIds, [id]);
    process.stdout.write(`# networkCreate reconciled ${ms} ms after the answer\n`);
  });

  test('networkCreate held, the network removed on the engine while the engine answered nothing: succeeded, from the event history', async () => {
    proxy.hold(/^POST \S*\/networks\/create/);
    const res = await gw.gql('mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } } }', { i: { name: 'auo-gone' } });
    assertUnknownAnswer(res);
    // The engine answers nothing now: the reconciler cannot look yet.
    proxy.holdAll(true);
    proxy.hold(null);
    const id = JSON.parse(await docker('network', 'inspect', 'auo-gone'))[0].Id as string;
    await docker('network', 'rm', 'auo-gone');
    await new Promise((r) => setTimeout(r, 4 * ENGINE_TIMEOUT_MS));
    const meanwhile = await recordsOf('networkCreate', 'auo-gone');
    assert.deepEqual(meanwhile.outcomes.map((o) => o.outcome), ['unknown'], 'nothing is decided while the engine cannot be read');
    proxy.holdAll(false);
    const { outcome } = await reconciled('networkCreate', 'auo-gone');
    assert.equal(outcome.outcome, 'succeeded', reasonOf(outcome, 'reconciled'));
    assert.deepEqual(outcome.objectIds, [id]);
    assert.match(reasonOf(outcome, 'reconciled'), /events show the network auo-gone created .* no longer exists/);
  });

  test('a request that never reached an engine (no socket) is failed, and the answer says so', async () => {
    const res = await gw.gql('mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } } }', { i: { cluster: 'auo-nowhere', name: 'auo-never' } });
    assert.equal(res.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE');
    assert.doesNotMatch(res.errors![0]!.message, /unknown/);
    const { outcomes, records } = await recordsOf('networkCreate', 'auo-never');
    assert.deepEqual(outcomes.map((o) => [o.outcome, o.errorCode]), [['failed', 'ENGINE_UNAVAILABLE']]);
    assert.equal((await verifyChain(records)).ok, true);
  });
});
