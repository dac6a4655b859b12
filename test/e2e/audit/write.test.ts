// The audit log as mutations write it, against a real swarm, on a real PostgreSQL and on
// embedded PGlite (same test body): each mutation leaves exactly one intent and one
// matching outcome (operation, target, outcome, error code, objects, duration), checked in
// the database directly while the engine is checked with the docker CLI; sensitive reads
// are recorded; and a dump of the whole database holds no join token, no unlock key and
// no value of a secret-named env variable.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import type { AuditRecordData } from '../../../src/audit/record.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { BACKENDS, openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerCli, dockerOk, engineUp, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'aw-swarm';
const ENGINE = 'aw-eng';
/** A plain engine outside any swarm: networkCreateGatewayBridge, then swarmInit, on it. */
const LONE = 'aw-lone';

/** The one intent and one outcome a mutation must leave, checked together. */
function pairOf(call: { records: AuditRecordData[]; elapsedMs: number }, operation: string): { intent: AuditRecordData; outcome: AuditRecordData } {
  const { records } = call;
  assert.equal(records.length, 2, `${operation} should leave exactly two records, got ${records.map((r) => `${r.kind}:${r.operation}`).join(', ')}`);
  const [intent, outcome] = records as [AuditRecordData, AuditRecordData];
  assert.equal(intent.kind, 'intent');
  assert.equal(outcome.kind, 'outcome');
  assert.equal(intent.operation, operation);
  assert.equal(outcome.operation, operation);
  assert.equal(outcome.intentId, intent.id);
  assert.equal(outcome.target, intent.target);
  assert.equal(outcome.cluster, intent.cluster);
  // The test gateway's default caller: an OIDC admin; the intent names the grant that allowed it.
  assert.equal(intent.principal, 'oidc:test-admin');
  assert.deepEqual(intent.decision, { allowed: true, permission: `Mutation.${operation}`, grant: 'admin' });
  assert.ok(intent.requestId);
  assert.ok(Number.isInteger(outcome.durationMs) && outcome.durationMs! >= 0, `durationMs ${outcome.durationMs}`);
  assert.ok(outcome.durationMs! <= call.elapsedMs + 1, `the duration (${outcome.durationMs} ms) fits in the request as the client saw it (${call.elapsedMs} ms)`);
  return { intent, outcome };
}

describe('audit records written by mutations', () => {
  let swarm: SwarmState;
  let plain: SwarmState;
  let lone: SwarmState;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let config: GatewayConfig;
  const docker = (...args: string[]) => dockerOk(manager, args);

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    worker = swarm.nodes.find((n) => n.role === 'worker')!;
    plain = await engineUp(ENGINE, { attachTo: SWARM });
    lone = await engineUp(LONE);
    const base = configFor([swarm], { engines: [plain, lone] });
    config = { ...base, audit: { ...base.audit, maintenanceIntervalMs: 500 } };
  });

  after(async () => {
    await swarmDown(LONE).catch(() => {});
    await swarmDown(ENGINE).catch(() => {});
    await swarmDown(SWARM);
  });

  for (const kind of BACKENDS) {
    describe(kind, () => {
      let db: AuditDb;
      let log: AuditLog;
      let gw: TestGateway;
      let serviceId: string;
      const secrets: string[] = [];
      const logger = pino({ level: 'silent' });

      /** Runs one GraphQL operation and returns its data with the records it appended. */
      const recorded = async (query: string, variables?: Record<string, unknown>) => {
        const seen = (await db.records()).length;
        const started = performance.now();
        const reply = await gw.gql(query, variables);
        const elapsedMs = performance.now() - started;
        const res = expectData(reply);
        return { res, elapsedMs, records: (await db.records()).slice(seen) };
      };

      before(async () => {
        db = await openAuditDb(kind, `aw-${kind}`);
        log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings: config.audit, dataDir: db.dataDir, logger });
        gw = await startGateway(config, { database: db.database, audit: log.writer });
      });
      after(async () => {
        await gw?.stop();
        await log?.stop();
        await db?.close();
      });

      test('networkCreate: intent with the redacted input, outcome succeeded with the network ID', async () => {
        const { res, records, elapsedMs } = await recorded(
          'mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } userErrors { code } } }',
          { i: { name: `aw-net-${kind}`, labels: [{ key: 'SIGNING_KEY', value: `label-secret-${kind}` }] } },
        );
        secrets.push(`label-secret-${kind}`);
        const { intent, outcome } = pairOf({ records, elapsedMs }, 'networkCreate');
        const id = res.networkCreate.network.id as string;
        assert.equal(intent.target, `aw-net-${kind}`);
        assert.equal(outcome.outcome, 'succeeded');
        assert.equal(outcome.errorCode, null);
        assert.deepEqual(outcome.objectIds, [id]);
        assert.deepEqual((intent.input as { labels: unknown }).labels, [{ key: 'SIGNING_KEY', value: '[redacted]' }]);
        assert.equal(JSON.parse(await docker('network', 'inspect', `aw-net-${kind}`))[0].Id, id);
      });

      test('a mutation refused with a userError: outcome failed with its code, the engine unchanged', async () => {
        const { res, records, elapsedMs } = await recorded('mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } userErrors { code } } }', {
          i: { name: `aw-net-${kind}` },
        });
        const code = res.networkCreate.userErrors[0].code as string;
        assert.ok(code);
        const { outcome } = pairOf({ records, elapsedMs }, 'networkCreate');
        assert.equal(outcome.outcome, 'failed');
        assert.equal(outcome.errorCode, code);
        assert.deepEqual(outcome.objectIds, []);
        assert.equal((await docker('network', 'ls', '--filter', `name=^aw-net-${kind}$`, '-q')).trim().split('\n').length, 1);
      });

      test('serviceCreate with a secret env value: recorded with the value redacted', async () => {
        const password = `hunter2-${kind}-${Date.now()}`;
        secrets.push(password);
        const { res, records, elapsedMs } = await recorded('mutation($i: ServiceCreateInput!) { serviceCreate(input: $i) { service { id } userErrors { code message } } }', {
          i: { name: `aw-svc-${kind}`, image: 'sg-busybox:latest', command: ['sleep', '600'], replicas: 1, env: [`DB_PASSWORD=${password}`, 'MODE=audit'] },
        });
        assert.deepEqual(res.serviceCreate.userErrors, []);
        serviceId = res.serviceCreate.service.id;
        const { intent, outcome } = pairOf({ records, elapsedMs }, 'serviceCreate');
        assert.equal(intent.target, `aw-svc-${kind}`);
        assert.deepEqual((intent.input as { env: string[] }).env, ['DB_PASSWORD=[redacted]', 'MODE=audit']);
        assert.equal(outcome.outcome, 'succeeded');
        assert.deepEqual(outcome.objectIds, [serviceId]);
        const env = JSON.parse(await docker('service', 'inspect', serviceId))[0].Spec.TaskTemplate.ContainerSpec.Env;
        assert.ok(env.includes(`DB_PASSWORD=${password}`), 'the engine got the real value');
      });

      test('serviceUpdate and serviceScale', async () => {
        const token = `tok-${kind}-${Date.now()}`;
        secrets.push(token);
        const upd = await recorded('mutation($i: ServiceUpdateInput!) { serviceUpdate(input: $i) { service { id } userErrors { code } } }', {
          i: { id: `aw-svc-${kind}`, envAdd: [`API_TOKEN=${token}`] },
        });
        const u = pairOf(upd, 'serviceUpdate');
        assert.equal(u.intent.target, `aw-svc-${kind}`);
        assert.equal(u.outcome.outcome, 'succeeded');
        assert.deepEqual(u.outcome.objectIds, [serviceId]);
        assert.deepEqual((u.intent.input as { envAdd: string[] }).envAdd, ['API_TOKEN=[redacted]']);

        const scale = await recorded('mutation($i: ServiceScaleInput!) { serviceScale(input: $i) { service { id } userErrors { code } } }', {
          i: { id: serviceId, replicas: 2 },
        });
        const s = pairOf(scale, 'serviceScale');
        assert.equal(s.intent.target, serviceId);
        assert.equal(s.outcome.outcome, 'succeeded');
        assert.equal(JSON.parse(await docker('service', 'inspect', serviceId))[0].Spec.Mode.Replicated.Replicas, 2);
      });

      test('serviceRollback: back to the previous spec', async () => {
        const before = JSON.parse(await docker('service', 'inspect', serviceId))[0];
        assert.equal(before.PreviousSpec.Mode.Replicated.Replicas, 1);
        const rb = await recorded('mutation($i: ServiceRollbackInput!) { serviceRollback(input: $i) { service { id } userErrors { code message } } }', { i: { id: `aw-svc-${kind}` } });
        assert.deepEqual(rb.res.serviceRollback.userErrors, []);
        const r = pairOf(rb, 'serviceRollback');
        assert.equal(r.intent.target, `aw-svc-${kind}`);
        assert.equal(r.outcome.outcome, 'succeeded');
        assert.equal(r.outcome.errorCode, null);
        assert.deepEqual(r.outcome.objectIds, [serviceId]);
        assert.equal(JSON.parse(await docker('service', 'inspect', serviceId))[0].Spec.Mode.Replicated.Replicas, 1);
      });

      test('nodeUpdate and swarmUpdate', async () => {
        const node = await recorded('mutation($i: NodeUpdateInput!) { nodeUpdate(input: $i) { node { id } userErrors { code } } }', {
          i: { id: manager.hostname, labels: { add: [{ key: 'audited', value: kind }] } },
        });
        const n = pairOf(node, 'nodeUpdate');
        assert.equal(n.intent.target, manager.hostname);
        assert.equal(n.outcome.outcome, 'succeeded');
        assert.deepEqual(n.outcome.objectIds, [node.res.nodeUpdate.node.id]);
        assert.equal(JSON.parse(await docker('node', 'inspect', manager.hostname))[0].Spec.Labels.audited, kind);

        const limit = kind === 'postgres' ? 7 : 8;
        const sw = await recorded('mutation($i: SwarmUpdateInput!) { swarmUpdate(input: $i) { swarm { id } userErrors { code } } }', { i: { taskHistoryLimit: limit } });
        const w = pairOf(sw, 'swarmUpdate');
        assert.equal(w.outcome.outcome, 'succeeded');
        assert.equal(JSON.parse(await docker('swarm', 'join-token', '-q', 'worker').then(() => docker('info', '--format', '{{json .Swarm.Cluster.Spec}}'))).Orchestration.TaskHistoryRetentionLimit, limit);
      });

      test('nodePromote and nodeDemote of a worker', async () => {
        const NODE = (op: 'nodePromote' | 'nodeDemote') => `mutation($i: ${op === 'nodePromote' ? 'NodePromoteInput' : 'NodeDemoteInput'}!) { ${op}(input: $i) { node { id } userErrors { code message } } }`;
        const nodeOf = async () => JSON.parse(await docker('node', 'inspect', worker.hostname))[0];
        const workerId = (await nodeOf()).ID as string;
        const promote = await recorded(NODE('nodePromote'), { i: { id: worker.hostname } });
        assert.deepEqual(promote.res.nodePromote.userErrors, []);
        const p = pairOf(promote, 'nodePromote');
        assert.equal(p.intent.target, worker.hostname);
        assert.equal(p.outcome.outcome, 'succeeded');
        assert.deepEqual(p.outcome.objectIds, [workerId]);
        assert.equal((await nodeOf()).Spec.Role, 'manager');
        await waitFor('the promoted node to be a reachable manager', async () => (await nodeOf()).ManagerStatus?.Reachability === 'reachable');

        const demote = await recorded(NODE('nodeDemote'), { i: { id: workerId } });
        assert.deepEqual(demote.res.nodeDemote.userErrors, []);
        const d = pairOf(demote, 'nodeDemote');
        assert.equal(d.intent.target, workerId);
        assert.equal(d.outcome.outcome, 'succeeded');
        assert.deepEqual(d.outcome.objectIds, [workerId]);
        assert.equal((await nodeOf()).Spec.Role, 'worker');
        await waitFor('the demoted node to leave the managers', async () => !(await nodeOf()).ManagerStatus);
      });

      test('swarmRotateJoinToken', async () => {
        const tokenOf = async () => (await docker('swarm', 'join-token', '-q', 'worker')).trim();
        const old = await tokenOf();
        const swarmId = (await docker('info', '--format', '{{.Swarm.Cluster.ID}}')).trim();
        const rot = await recorded('mutation { swarmRotateJoinToken(input: { role: WORKER }) { swarm { id } userErrors { code } } }');
        assert.deepEqual(rot.res.swarmRotateJoinToken.userErrors, []);
        const r = pairOf(rot, 'swarmRotateJoinToken');
        assert.equal(r.intent.target, 'WORKER');
        assert.equal(r.intent.cluster, SWARM);
        assert.equal(r.outcome.outcome, 'succeeded');
        assert.deepEqual(r.outcome.objectIds, [swarmId]);
        const fresh = await tokenOf();
        assert.notEqual(fresh, old);
        secrets.push(old, fresh);
      });

      test('sensitive reads are recorded and their values never stored: join tokens, unlock key', async () => {
        const tokens = await recorded('{ swarmJoinTokens { worker manager } }');
        secrets.push(tokens.res.swarmJoinTokens.worker, tokens.res.swarmJoinTokens.manager);
        assert.equal(tokens.records.length, 1);
        assert.equal(tokens.records[0]!.kind, 'sensitive_read');
        assert.equal(tokens.records[0]!.operation, 'swarmJoinTokens');
        assert.equal(tokens.records[0]!.cluster, SWARM);

        const lock = await recorded('mutation { swarmUpdate(input: { autolock: true }) { swarm { id } userErrors { code } } }');
        assert.equal(pairOf(lock, 'swarmUpdate').outcome.outcome, 'succeeded');
        const key = await recorded('{ swarmUnlockKey }');
        assert.match(key.res.swarmUnlockKey, /^SWMKEY-/);
        secrets.push(key.res.swarmUnlockKey);
        assert.deepEqual(key.records.map((r) => [r.kind, r.operation]), [['sensitive_read', 'swarmUnlockKey']]);
        const unlock = await recorded('mutation { swarmUpdate(input: { autolock: false }) { swarm { id } userErrors { code } } }');
        assert.equal(pairOf(unlock, 'swarmUpdate').outcome.outcome, 'succeeded');
      });

      test('swarmJoin (the gateway fetches the token itself) and swarmLeave', async () => {
        const engine = plain.nodes[0]!;
        const join = await recorded('mutation($i: SwarmJoinInput!) { swarmJoin(input: $i) { node { id } userErrors { code message } } }', {
          i: { engine: engine.hostname, advertiseAddr: engine.addr },
        });
        assert.deepEqual(join.res.swarmJoin.userErrors, []);
        const j = pairOf(join, 'swarmJoin');
        assert.equal(j.intent.target, engine.hostname);
        assert.equal(j.outcome.outcome, 'succeeded');
        assert.equal((await dockerOk(engine, ['info', '--format', '{{.Swarm.LocalNodeState}}'])).trim(), 'active');
        const leave = await recorded('mutation($e: String!) { swarmLeave(input: { engine: $e }) { left userErrors { code } } }', { e: engine.hostname });
        assert.equal(pairOf(leave, 'swarmLeave').outcome.outcome, 'succeeded');
        assert.equal((await dockerOk(engine, ['info', '--format', '{{.Swarm.LocalNodeState}}'])).trim(), 'inactive');

        // The node it left behind goes once the managers see it down.
        const nodeId = j.outcome.objectIds[0]!;
        await waitFor('the node that left to be down', async () => JSON.parse(await docker('node', 'inspect', nodeId))[0].Status.State === 'down');
        const rm = await recorded('mutation($i: NodeRemoveInput!) { nodeRemove(input: $i) { removed { id } userErrors { code message } } }', { i: { id: nodeId } });
        assert.deepEqual(rm.res.nodeRemove.userErrors, []);
        const r = pairOf(rm, 'nodeRemove');
        assert.equal(r.intent.target, nodeId);
        assert.equal(r.outcome.outcome, 'succeeded');
        assert.deepEqual(r.outcome.objectIds, [nodeId]);
        assert.notEqual((await dockerCli(manager, ['node', 'inspect', nodeId])).code, 0, 'the node is gone');
      });

      test('networkConnect, networkDisconnect and networkPrune', async () => {
        const net = `aw-br-${kind}`;
        const box = `aw-box-${kind}`;
        const netId = (await docker('network', 'create', net)).trim();
        const boxId = (await docker('run', '-d', '--name', box, 'sg-busybox:latest', 'sleep', '600')).trim();
        try {
          const networksOf = async () => Object.keys(JSON.parse(await docker('container', 'inspect', box))[0].NetworkSettings.Networks);
          const conn = await recorded('mutation($i: NetworkConnectInput!) { networkConnect(input: $i) { container { id } userErrors { code message } } }', {
            i: { network: net, container: box, aliases: ['audited'] },
          });
          assert.deepEqual(conn.res.networkConnect.userErrors, []);
          const c = pairOf(conn, 'networkConnect');
          assert.equal(c.intent.target, `${net}/${box}`);
          assert.equal(c.outcome.outcome, 'succeeded');
          assert.deepEqual(c.outcome.objectIds, [netId, boxId]);
          assert.ok((await networksOf()).includes(net));

          const disc = await recorded('mutation($i: NetworkDisconnectInput!) { networkDisconnect(input: $i) { container { id } userErrors { code message } } }', {
            i: { network: net, container: box },
          });
          assert.deepEqual(disc.res.networkDisconnect.userErrors, []);
          const d = pairOf(disc, 'networkDisconnect');
          assert.equal(d.intent.target, `${net}/${box}`);
          assert.equal(d.outcome.outcome, 'succeeded');
          assert.deepEqual(d.outcome.objectIds, [netId, boxId]);
          assert.ok(!(await networksOf()).includes(net));
        } finally {
          await docker('rm', '-f', box);
          await dockerCli(manager, ['network', 'rm', net]);
        }

        const unused = `aw-prune-${kind}`;
        await docker('network', 'create', '--label', `aw-prune=${kind}`, unused);
        const prune = await recorded('mutation($i: NetworkPruneInput!) { networkPrune(input: $i) { removed { name } userErrors { code } } }', { i: { label: [`aw-prune=${kind}`] } });
        assert.deepEqual(prune.res.networkPrune.removed.map((r: { name: string }) => r.name), [unused]);
        const p = pairOf(prune, 'networkPrune');
        assert.equal(p.intent.target, null);
        assert.equal(p.intent.cluster, SWARM);
        assert.equal(p.outcome.outcome, 'succeeded');
        assert.deepEqual(p.outcome.objectIds, [unused]);
        assert.equal((await docker('network', 'ls', '-q', '--filter', `name=^${unused}$`)).trim(), '');
      });

      test('networkCreateGatewayBridge and swarmInit on a plain engine: no cluster recorded', async () => {
        const engine = lone.nodes[0]!;
        const onEngine = (...args: string[]) => dockerOk(engine, args);
        try {
          const gwb = await recorded('mutation($i: NetworkCreateGatewayBridgeInput!) { networkCreateGatewayBridge(input: $i) { network { id } userErrors { code message } } }', {
            i: { engine: engine.hostname, subnet: '10.211.0.0/16', gateway: '10.211.0.1' },
          });
          assert.deepEqual(gwb.res.networkCreateGatewayBridge.userErrors, []);
          const g = pairOf(gwb, 'networkCreateGatewayBridge');
          assert.equal(g.intent.target, engine.hostname);
          assert.equal(g.intent.cluster, null);
          assert.equal(g.outcome.outcome, 'succeeded');
          const bridge = JSON.parse(await onEngine('network', 'inspect', 'docker_gwbridge'))[0];
          assert.deepEqual(g.outcome.objectIds, [bridge.Id]);
          assert.equal(bridge.IPAM.Config[0].Subnet, '10.211.0.0/16');

          const init = await recorded('mutation($i: SwarmInitInput!) { swarmInit(input: $i) { nodeId swarm { id } userErrors { code message } } }', {
            i: { engine: engine.hostname, advertiseAddr: engine.addr },
          });
          assert.deepEqual(init.res.swarmInit.userErrors, []);
          const s = pairOf(init, 'swarmInit');
          assert.equal(s.intent.target, engine.hostname);
          assert.equal(s.intent.cluster, null);
          assert.equal(s.outcome.outcome, 'succeeded');
          const info = JSON.parse(await onEngine('info', '--format', '{{json .Swarm}}'));
          assert.equal(info.LocalNodeState, 'active');
          assert.deepEqual(s.outcome.objectIds, [info.NodeID, info.Cluster.ID]);
        } finally {
          // Back to a plain engine without docker_gwbridge, for the next backend.
          await dockerCli(engine, ['swarm', 'leave', '--force']);
          await waitFor('docker_gwbridge to be removable', async () => {
            const r = await dockerCli(engine, ['network', 'rm', 'docker_gwbridge']);
            return r.code === 0 || /not found|No such network/i.test(r.stderr);
          });
        }
      });

      test('networkRemove and serviceRemove', async () => {
        const svc = await recorded('mutation($i: ServiceRemoveInput!) { serviceRemove(input: $i) { removed { id } userErrors { code } } }', { i: { id: serviceId } });
        const s = pairOf(svc, 'serviceRemove');
        assert.equal(s.intent.target, serviceId);
        assert.equal(s.outcome.outcome, 'succeeded');
        assert.deepEqual(s.outcome.objectIds, [serviceId]);
        assert.equal((await docker('service', 'ls', '-q', '--filter', `id=${serviceId}`)).trim(), '');

        const net = await recorded('mutation($ids: [ID!]!) { networkRemove(input: { ids: $ids }) { removed { id } userErrors { code } } }', { ids: [`aw-net-${kind}`] });
        const n = pairOf(net, 'networkRemove');
        assert.equal(n.intent.target, `aw-net-${kind}`);
        assert.equal(n.outcome.outcome, 'succeeded');
        assert.equal(n.outcome.objectIds.length, 1);
        assert.equal((await docker('network', 'ls', '-q', '--filter', `name=^aw-net-${kind}$`)).trim(), '');
      });

      test('every record of a cluster-scoped operation names the cluster, also when the input omits it', async () => {
        const records = await db.records();
        const engineScoped = new Set(['swarmLeave', 'swarmInit', 'networkCreateGatewayBridge']);
        const wrong = records.filter((r) => !engineScoped.has(r.operation) && r.cluster !== SWARM).map((r) => `${r.kind}:${r.operation}`);
        assert.deepEqual([...new Set(wrong)], []);
      });

      test('the chain is valid and a dump of the database holds no secret', async () => {
        const records = await db.records();
        const v = await verifyChain(records);
        assert.equal(v.ok, true);
        // Every intent has exactly one outcome.
        for (const intent of records.filter((r) => r.kind === 'intent')) {
          assert.equal(records.filter((r) => r.kind === 'outcome' && r.intentId === intent.id).length, 1, `${intent.operation} ${intent.id}`);
        }
        const dump = await db.dump();
        assert.match(dump, /serviceCreate/, 'the dump holds the records');
        assert.ok(secrets.length >= 6);
        for (const secret of secrets) assert.ok(!dump.includes(secret), `the dump contains a secret (${secret.slice(0, 8)}...)`);
        assert.doesNotMatch(dump, /SWMTKN-1-|SWMKEY-1-/);
      });
    });
  }
});
