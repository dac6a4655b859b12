// containerRun, containerStop, containerStart and containerRemove on a real swarm's manager
// engine (named by its engine name), checked with the docker CLI against that engine: a
// container on a user-defined bridge (an alias and a static address) and an attachable overlay
// (connected before the start), its exact HostConfig; a container on the worker's engine on the
// same overlay, reached by its alias from the manager's; stop, start, remove with their state
// errors; a start that fails leaves nothing behind; a missing image is the image's error; a team
// deployer's container carries the team label and another team cannot stop it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerCli, dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ct-run';
const IMAGE = 'sg-busybox:latest';
const BRIDGE = 'ct-br';
const BRIDGE_SUBNET = '10.78.0.0/24';
const STATIC_IP = '10.78.0.40';
const OVERLAY = 'ct-ovl';

type Json = Record<string, any>;

const CONTAINER = 'id name engine image state labels { key value } networks { networkName aliases staticIpv4Address }';
const RUN = `mutation($input: ContainerRunInput!) { containerRun(input: $input) { container { ${CONTAINER} } warnings userErrors { field code message } } }`;
const STOP = `mutation($input: ContainerStopInput!) { containerStop(input: $input) { container { ${CONTAINER} } userErrors { field code message } } }`;
const START = `mutation($input: ContainerStartInput!) { containerStart(input: $input) { container { ${CONTAINER} } userErrors { field code message } } }`;
const REMOVE = `mutation($input: ContainerRemoveInput!) { containerRemove(input: $input) { removed { id name } userErrors { field code message } } }`;

describe('standalone container lifecycle on a named engine', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let gw: TestGateway;
  let engine: string;
  let id: string;
  let db: AuditDb;
  let log: AuditLog;

  const docker = (...args: string[]) => dockerOk(manager, args);
  const inspect = async (ref: string): Promise<Json> => JSON.parse(await docker('container', 'inspect', ref))[0] as Json;
  const allNames = async () => (await docker('ps', '-a', '--format', '{{.Names}}')).split('\n').filter(Boolean).sort();
  const call = async (query: string, input: Json, token?: string): Promise<Json> => {
    const res = await gw.gql<Json>(query, { input }, token === undefined ? {} : { token });
    return res as Json;
  };
  const data = async (query: string, input: Json, token?: string): Promise<Json> => Object.values(expectData(await gw.gql<Json>(query, { input }, token === undefined ? {} : { token })))[0] as Json;

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    worker = swarm.nodes.find((n) => n.role === 'worker')!;
    engine = manager.hostname;
    const config = configFor([swarm]);
    db = await openAuditDb('pglite', 'ct-run');
    log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings: config.audit, dataDir: db.dataDir, logger: pino({ level: 'silent' }) });
    gw = await startGateway(config, { database: db.database, audit: log.writer });
    await docker('network', 'create', '--driver', 'bridge', '--subnet', BRIDGE_SUBNET, BRIDGE);
    const created = expectData(
      await gw.gql<Json>('mutation($input: NetworkCreateInput!) { networkCreate(input: $input) { network { id } userErrors { code message } } }', {
        input: { name: OVERLAY, attachable: true, ipam: [{ subnet: '10.79.0.0/24' }] },
      }),
    );
    assert.deepEqual(created.networkCreate.userErrors, []);
  });

  after(async () => {
    await gw?.stop();
    await log?.stop();
    await db?.close();
    await swarmDown(SWARM);
  });

  test('containerRun on the manager engine: a bridge with an alias and a static address, an overlay connected before the start, the HostConfig as asked', async () => {
    const payload = await data(RUN, {
      engine,
      name: 'ct-web',
      image: IMAGE,
      command: ['sleep', '600'],
      env: ['MODE=test', 'API_TOKEN=hunter2'],
      labels: [{ key: 'app', value: 'web' }],
      networks: [
        { network: BRIDGE, aliases: ['web-alias'], ipv4Address: STATIC_IP },
        { network: OVERLAY, aliases: ['web-ovl'] },
      ],
      restartPolicy: { name: 'ON_FAILURE', maxRetries: 2 },
      resources: { cpus: 0.5, memory: '64M', pidsLimit: 64 },
      capDrop: ['MKNOD'],
      securityOpt: ['no-new-privileges'],
      readonlyRootfs: true,
      mounts: [{ type: 'TMPFS', target: '/scratch' }],
    });
    assert.deepEqual(payload.userErrors, []);
    const c = payload.container;
    assert.equal(c.name, 'ct-web');
    assert.equal(c.engine, engine);
    assert.equal(c.state, 'RUNNING');
    id = c.id;
    const byName = Object.fromEntries((c.networks as Json[]).map((n) => [n.networkName, n]));
    assert.ok((byName[BRIDGE].aliases as string[]).includes('web-alias'));
    assert.equal(byName[BRIDGE].staticIpv4Address, STATIC_IP);
    assert.ok((byName[OVERLAY].aliases as string[]).includes('web-ovl'));

    const json = await inspect('ct-web');
    assert.equal(json.Id, id);
    assert.equal(json.State.Running, true);
    assert.deepEqual(json.Config.Cmd, ['sleep', '600']);
    assert.deepEqual(json.Config.Labels, { app: 'web' });
    assert.ok(json.Config.Env.includes('MODE=test'));
    const hc = json.HostConfig;
    assert.equal(hc.NetworkMode, BRIDGE);
    assert.deepEqual(hc.RestartPolicy, { Name: 'on-failure', MaximumRetryCount: 2 });
    assert.equal(hc.NanoCpus, 500_000_000);
    assert.equal(hc.Memory, 64 * 1024 * 1024);
    assert.equal(hc.PidsLimit, 64);
    assert.deepEqual(hc.CapDrop, ['CAP_MKNOD']);
    assert.equal(hc.CapAdd, null);
    assert.deepEqual(hc.SecurityOpt, ['no-new-privileges']);
    assert.equal(hc.ReadonlyRootfs, true);
    assert.equal(hc.Privileged, false);
    assert.deepEqual(hc.Mounts, [{ Type: 'tmpfs', Target: '/scratch' }]);
    assert.equal(json.NetworkSettings.Networks[BRIDGE].IPAddress, STATIC_IP);
    assert.equal(json.NetworkSettings.Networks[BRIDGE].IPAMConfig.IPv4Address, STATIC_IP);
    assert.ok(json.NetworkSettings.Networks[BRIDGE].Aliases.includes('web-alias'));
    assert.ok(json.NetworkSettings.Networks[OVERLAY].Aliases.includes('web-ovl'));

    // The env value whose name says secret is not in the audit log; the others are.
    const text = JSON.stringify(await db.records(), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    assert.ok(text.includes('containerRun') && text.includes('MODE=test') && !text.includes('hunter2'), text);
  });

  test("containerRun on the worker's engine: the overlay resolves there, and the manager's container reaches it by its alias", async () => {
    const payload = await data(RUN, { engine: worker.hostname, name: 'ct-w', image: IMAGE, command: ['sleep', '600'], networks: [{ network: OVERLAY, aliases: ['w-alias'] }] });
    assert.deepEqual(payload.userErrors, []);
    assert.equal(payload.container.engine, worker.hostname);
    const json = JSON.parse(await dockerOk(worker, ['container', 'inspect', 'ct-w']))[0] as Json;
    assert.equal(json.State.Running, true);
    assert.equal(json.HostConfig.NetworkMode, OVERLAY);
    assert.ok(json.NetworkSettings.Networks[OVERLAY].Aliases.includes('w-alias'));
    assert.match(await docker('exec', 'ct-web', 'ping', '-c', '1', '-W', '5', 'w-alias'), /1 packets received/);
    const removed = await data(REMOVE, { engine: worker.hostname, container: 'ct-w', force: true });
    assert.deepEqual(removed.userErrors, []);
    assert.equal((await dockerCli(worker, ['container', 'inspect', 'ct-w'])).code, 1);
  });

  test('containerStop waits for the exit; a second stop is INVALID_STATE; containerStart runs it again', async () => {
    const stopped = await data(STOP, { engine, container: 'ct-web', timeout: 1 });
    assert.deepEqual(stopped.userErrors, []);
    assert.equal(stopped.container.state, 'EXITED');
    assert.equal((await inspect(id)).State.Running, false);
    const again = await data(STOP, { engine, container: id.slice(0, 12) });
    assert.deepEqual(again.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'container'], 'INVALID_STATE']]);

    const started = await data(START, { engine, container: id });
    assert.deepEqual(started.userErrors, []);
    assert.equal(started.container.state, 'RUNNING');
    assert.equal((await inspect(id)).State.Running, true);
    const twice = await data(START, { engine, container: 'ct-web' });
    assert.deepEqual(twice.userErrors.map((e: Json) => e.code), ['INVALID_STATE']);
  });

  test('containerRemove refuses a running container without force, then removes it with force', async () => {
    const refused = await data(REMOVE, { engine, container: 'ct-web' });
    assert.deepEqual(refused.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'container'], 'INVALID_STATE']]);
    assert.ok((await allNames()).includes('ct-web'));
    const removed = await data(REMOVE, { engine, container: 'ct-web', force: true });
    assert.deepEqual(removed, { removed: [{ id, name: 'ct-web' }], userErrors: [] });
    assert.equal((await dockerCli(manager, ['container', 'inspect', id])).code, 1);
    const missing = await call(REMOVE, { engine, container: 'ct-web' });
    assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('a container whose start fails is removed, and the userError says so; a missing image is the image\'s error; bad input sends nothing', async () => {
    const before = await allNames();
    const failed = await data(RUN, { engine, name: 'ct-broken', image: IMAGE, command: ['/no/such/program'] });
    assert.equal(failed.container, null);
    assert.deepEqual(failed.userErrors.map((e: Json) => [e.field, e.code]), [[['input'], 'ENGINE_REJECTED']]);
    assert.match(failed.userErrors[0].message, /was created on engine .* but its start failed: .*It has been removed; nothing is left on the engine\./s);
    assert.deepEqual(await allNames(), before);

    const noImage = await data(RUN, { engine, name: 'ct-noimage', image: 'sg-no-such-image:1' });
    assert.deepEqual(noImage.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'image'], 'REFERENCE_NOT_FOUND']]);

    const bad = await data(RUN, { engine, name: 'ct-bad', image: IMAGE, networks: [{ network: 'no-such-net' }, { network: BRIDGE, ipv4Address: '10.1.2.3' }] });
    assert.deepEqual(bad.userErrors.map((e: Json) => [e.field, e.code]), [
      [['input', 'networks', '0', 'network'], 'REFERENCE_NOT_FOUND'],
      [['input', 'networks', '1', 'ipv4Address'], 'INVALID_VALUE'],
    ]);
    assert.deepEqual(await allNames(), before);
  });

  test('a team deployer\'s container carries the team label; another team cannot stop or remove it (NOT_FOUND); the team operator can stop it', async () => {
    const payments = await tokenFor(['deployer:team=payments']);
    const billing = await tokenFor(['deployer:team=billing']);
    const operator = await tokenFor(['operator:team=payments']);
    const run = await data(RUN, { engine, name: 'ct-team', image: IMAGE, command: ['sleep', '600'] }, payments);
    assert.deepEqual(run.userErrors, []);
    assert.deepEqual((await inspect('ct-team')).Config.Labels, { team: 'payments' });
    for (const [query, input] of [[STOP, { engine, container: 'ct-team' }], [REMOVE, { engine, container: 'ct-team', force: true }]] as const) {
      const res = await call(query, input, billing);
      assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(res));
    }
    assert.equal((await inspect('ct-team')).State.Running, true);
    const stopped = await data(STOP, { engine, container: 'ct-team', timeout: 0 }, operator);
    assert.deepEqual(stopped.userErrors, []);
    const removed = await data(REMOVE, { engine, container: 'ct-team' }, payments);
    assert.deepEqual(removed.userErrors, []);
    assert.ok(!(await allNames()).includes('ct-team'));
  });
});
