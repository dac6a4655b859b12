// Secrets and configs on a real swarm (one manager): create, list, inspect, label update and
// removal (IN_USE while a service mounts it); a service mounting a secret gets the file (its
// checksum read with `docker exec`, never the data); rotation of a secret two services use
// moves both to `<name>.v2` (engine inspect) and removes the old one; a team deployer cannot
// reference another team's secret by ID or by name, on create or update, the engine
// unchanged; serviceUpdate's secretAdd mounts a secret in the new task and secretRemove drops
// it from the spec. Throughout, the secret's data appears in no GraphQL response, no gateway log
// line (the logger captured at debug), no audit record and no dump of the database.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerCli, dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sc-secrets';
const IMAGE = 'sg-busybox:latest';
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
const DATA_1 = 'first-secret-Vq8sZk2-never-shown';
const DATA_2 = 'second-secret-Hx4pLw9-never-shown';
const DATA_3 = 'added-secret-Tm7rQe5-never-shown';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

type Json = Record<string, any>;

describe('secrets and configs on a real swarm', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let db: AuditDb;
  let log: AuditLog;
  let payments: string;
  const lines: string[] = [];
  /** Every GraphQL answer of the test, as text. */
  const answers: string[] = [];
  const docker = (...args: string[]) => dockerOk(manager, args);

  async function gql(query: string, variables?: Json, token?: string): Promise<Json> {
    const res = await gw.gql(query, variables, token ? { token } : undefined);
    answers.push(JSON.stringify(res));
    return expectData(res);
  }
  async function mutate(field: string, type: string, input: Json, selection: string, token?: string): Promise<Json> {
    return (await gql(`mutation($i: ${type}!) { ${field}(input: $i) { ${selection} userErrors { field code message } } }`, { i: input }, token))[field];
  }

  /** The sha256 of the file in the service's running container (`docker exec`: the checksum, never the data). */
  async function fileChecksum(service: string, file: string): Promise<string> {
    let last = '';
    try {
      return await waitFor(`a running task of ${service} with ${file}`, async () => {
        const ids = (await docker('ps', '-q', '--filter', `label=com.docker.swarm.service.name=${service}`)).trim().split('\n').filter(Boolean);
        for (const id of ids) {
          const r = await dockerCli(manager, ['exec', id, '/bin/busybox', 'sha256sum', file]);
          if (r.code === 0) return r.stdout.split(' ')[0]!;
          last = `exec ${id}: ${r.code} ${r.stderr}`;
        }
        if (!ids.length) last = await docker('service', 'ps', '--no-trunc', service);
        return null;
      }, 60_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}; last: ${last}`);
    }
  }

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    const config = configFor([swarm]);
    db = await openAuditDb('pglite', 'sc-secrets');
    const quiet = pino({ level: 'silent' });
    log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings: config.audit, dataDir: db.dataDir, logger: quiet });
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    gw = await startGateway(config, { database: db.database, audit: log.writer, logger: pino({ level: 'debug' }, sink) });
    payments = await tokenFor(['deployer:team=payments']);
  });

  after(async () => {
    await gw?.stop();
    await log?.stop();
    await db?.close();
    await swarmDown(SWARM);
  });

  test('create, list, inspect, labels, removal refused IN_USE while mounted', async () => {
    const created = await mutate('secretCreate', 'SecretCreateInput', { name: 'app-key', data: DATA_1, labels: [{ key: 'app', value: 'web' }] }, 'secret { id name version labels { key value } }');
    assert.deepEqual(created.userErrors, []);
    const id = created.secret.id;
    assert.equal(JSON.parse(await docker('secret', 'inspect', '--format', '{{json .Spec.Labels}}', 'app-key')).app, 'web');

    const listed = await gql('query { secrets(filter: { label: ["app=web"] }) { totalCount nodes { id name } } }');
    assert.deepEqual(listed.secrets.nodes, [{ id, name: 'app-key' }]);
    const config = await mutate('configCreate', 'ConfigCreateInput', { name: 'app.conf', data: 'listen 80;' }, 'config { id data dataBase64 }');
    assert.equal(config.config.data, 'listen 80;');

    const updated = await mutate('secretUpdate', 'SecretUpdateInput', { id: 'app-key', version: created.secret.version, labels: { add: [{ key: 'tier', value: 'front' }] } }, 'secret { labels { key value } }');
    assert.deepEqual(updated.userErrors, []);
    assert.equal(JSON.parse(await docker('secret', 'inspect', '--format', '{{json .Spec.Labels}}', 'app-key')).tier, 'front');

    const service = await mutate('serviceCreate', 'ServiceCreateInput', { name: 'sc-web', image: IMAGE, command: IDLE, secrets: [{ source: 'app-key', target: 'key' }], configs: [{ source: 'app.conf', target: 'app.conf' }] }, 'service { id secrets { source target mode } }');
    assert.deepEqual(service.userErrors, []);
    assert.deepEqual(service.service.secrets, [{ source: 'app-key', target: 'key', mode: 0o444 }]);
    assert.equal(await fileChecksum('sc-web', '/run/secrets/key'), sha(DATA_1));

    const refused = await mutate('secretRemove', 'SecretRemoveInput', { id }, 'removed { id }');
    assert.deepEqual(refused.userErrors.map((e: Json) => e.code), ['IN_USE']);
    assert.match(refused.userErrors[0].message, /sc-web/);
    assert.equal((await dockerCli(manager, ['secret', 'inspect', id])).code, 0);
  });

  test('rotation of a secret two services use: both on app-key.v2 with the new data, the old one gone', async () => {
    await mutate('serviceCreate', 'ServiceCreateInput', { name: 'sc-api', image: IMAGE, command: IDLE, secrets: [{ source: 'app-key', target: 'key', mode: 0o400 }] }, 'service { id }');
    const rotated = await mutate('secretRotate', 'SecretRotateInput', { id: 'app-key', data: DATA_2, wait: 120 }, 'secret { id name } services { name } rollouts { id conclusion } oldRemoved');
    assert.deepEqual(rotated.userErrors, []);
    assert.equal(rotated.secret.name, 'app-key.v2');
    assert.deepEqual(rotated.services.map((s: Json) => s.name).sort(), ['sc-api', 'sc-web']);
    assert.equal(rotated.rollouts.length, 2);
    assert.equal(rotated.oldRemoved, true);
    for (const name of ['sc-web', 'sc-api']) {
      const refs = JSON.parse(await docker('service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Secrets}}', name));
      assert.equal(refs.length, 1);
      assert.equal(refs[0].SecretName, 'app-key.v2');
      assert.equal(refs[0].File.Name, 'key');
      await waitFor(`${name} on the new secret`, async () => (await fileChecksum(name, '/run/secrets/key')) === sha(DATA_2), 90_000);
    }
    assert.equal((await dockerCli(manager, ['secret', 'inspect', 'app-key'])).code, 1);
  });

  test("a team deployer cannot reference another team's secret, by ID or by name, on create or update", async () => {
    await docker('secret', 'create', '--label', 'team=billing', 'bill-key', '/etc/hostname');
    const billId = (await docker('secret', 'inspect', '--format', '{{.ID}}', 'bill-key')).trim();
    for (const source of ['bill-key', billId]) {
      const res = await mutate('serviceCreate', 'ServiceCreateInput', { name: 'pay-svc', image: IMAGE, command: IDLE, secrets: [{ source }] }, 'service { id }', payments);
      assert.deepEqual(res.userErrors.map((e: Json) => [e.code, e.field]), [['REFERENCE_NOT_FOUND', ['input', 'secrets', '0', 'source']]]);
    }
    assert.equal((await dockerCli(manager, ['service', 'inspect', 'pay-svc'])).code, 1);
    // A payments service an admin gave billing's secret: the team's update is refused, the engine unchanged.
    await docker('service', 'create', '-d', '--name', 'pay-mixed', '--label', 'team=payments', '--replicas', '0', '--secret', 'bill-key', IMAGE, ...IDLE);
    const before = (await docker('service', 'inspect', '--format', '{{.Version.Index}}', 'pay-mixed')).trim();
    const res = await mutate('serviceUpdate', 'ServiceUpdateInput', { id: 'pay-mixed', envAdd: ['A=1'] }, 'service { id }', payments);
    assert.deepEqual(res.userErrors.map((e: Json) => e.code), ['REFERENCE_NOT_FOUND']);
    assert.equal((await docker('service', 'inspect', '--format', '{{.Version.Index}}', 'pay-mixed')).trim(), before);
  });

  test('secretAdd on a running service: the file in the new task; secretRemove: gone from the spec', async () => {
    const created = await mutate('secretCreate', 'SecretCreateInput', { name: 'add-key', data: DATA_3 }, 'secret { id }');
    assert.deepEqual(created.userErrors, []);
    const added = await mutate('serviceUpdate', 'ServiceUpdateInput', { id: 'sc-web', secretAdd: [{ source: 'add-key', target: 'added', mode: 0o400 }], wait: 120 }, 'service { secrets { source target mode } } rollout { conclusion }');
    assert.deepEqual(added.userErrors, []);
    assert.equal(added.rollout.conclusion, 'SUCCEEDED');
    assert.deepEqual(added.service.secrets.map((s: Json) => [s.source, s.target]).sort(), [['add-key', 'added'], ['app-key.v2', 'key']]);
    assert.equal(await fileChecksum('sc-web', '/run/secrets/added'), sha(DATA_3));

    const removed = await mutate('serviceUpdate', 'ServiceUpdateInput', { id: 'sc-web', secretRemove: ['add-key'], wait: 120 }, 'service { secrets { source } }');
    assert.deepEqual(removed.userErrors, []);
    const refs = JSON.parse(await docker('service', 'inspect', '--format', '{{json .Spec.TaskTemplate.ContainerSpec.Secrets}}', 'sc-web'));
    assert.deepEqual(refs.map((r: Json) => r.SecretName), ['app-key.v2']);
    const again = await mutate('serviceUpdate', 'ServiceUpdateInput', { id: 'sc-web', secretRemove: ['add-key'] }, 'service { id }');
    assert.deepEqual(again.userErrors.map((e: Json) => [e.code, e.field]), [['REFERENCE_NOT_FOUND', ['input', 'secretRemove', '0']]]);
  });

  test('the data is in no GraphQL answer, no log line, no audit record, no database dump', async () => {
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    const places: [string, string][] = [
      ['GraphQL answers', answers.join('\n')],
      ['log lines', lines.join('')],
      ['audit records', JSON.stringify(await db.records(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))],
      ['database dump', await db.dump()],
    ];
    for (const [where, text] of places) {
      for (const secret of [DATA_1, DATA_2, DATA_3]) {
        assert.ok(!text.includes(secret), `${where} hold the secret's data`);
        assert.ok(!text.includes(b64(secret)), `${where} hold the secret's data in base64`);
      }
    }
  });
});
