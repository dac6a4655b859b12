// Secrets and configs against the fake engine: create (name grammar, data given exactly
// once, size, base64, a scoped deployer's labels stamped), reads (no data for a secret, a
// config's data as text and base64, label-scoped lists), label updates at a version, removal
// refused IN_USE naming only readable services.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';

const SECRET_TEXT = 's3cr3t-value-do-not-leak';
const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

describe('secrets and configs', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(() => fake.stop());
  beforeEach(() => {
    const state = fake.engine.state;
    state.secrets.clear();
    state.configs.clear();
    for (const s of [...state.services.values()]) state.removeService(s);
    fake.engine.clearRequests();
    fake.audit.clear();
  });

  const SECRET_FIELDS = 'secret { id name version labels { key value } driver usedBy { name } }';

  test('secretCreate sends the data base64 to the engine and answers no data; the intent is recorded (its redaction: test/unit/audit)', async () => {
    const { payload, userErrors, response } = await fake.mutate('secretCreate', { name: 'db-password', data: SECRET_TEXT, labels: [{ key: 'app', value: 'db' }] }, SECRET_FIELDS);
    assert.deepEqual(userErrors, []);
    assert.equal(payload!.secret.name, 'db-password');
    assert.deepEqual(payload!.secret.labels, [{ key: 'app', value: 'db' }]);
    assert.ok(!JSON.stringify(response).includes(SECRET_TEXT));
    const stored = [...fake.engine.state.secrets.values()][0]!;
    assert.equal(Buffer.from(stored.Spec.Data, 'base64').toString('utf8'), SECRET_TEXT);
    const read = await fake.gql(`{ secret(id: "db-password") { id name } }`);
    assert.ok(!JSON.stringify(read).includes(Buffer.from(SECRET_TEXT).toString('base64')));
    assert.equal(fake.audit.outcomeOf('secretCreate')!.status, 'succeeded');
    assert.deepEqual(fake.audit.outcomeOf('secretCreate')!.objectIds, [stored.ID]);
  });

  test('bad names, data given twice or not at all, empty, too large or bad base64: userErrors at the field, nothing created', async () => {
    const cases: [Record<string, unknown>, [string, string[]][]][] = [
      [{ name: '-bad', data: 'x' }, [['INVALID_VALUE', ['input', 'name']]]],
      [{ name: 'a'.repeat(65), data: 'x' }, [['INVALID_VALUE', ['input', 'name']]]],
      [{ name: 'ok', data: 'x', dataBase64: 'eA==' }, [['INVALID_VALUE', ['input']]]],
      [{ name: 'ok' }, [['INVALID_VALUE', ['input']]]],
      [{ name: 'ok', data: '' }, [['INVALID_VALUE', ['input', 'data']]]],
      [{ name: 'ok', data: 'x'.repeat(500 * 1024 + 1) }, [['INVALID_VALUE', ['input', 'data']]]],
      [{ name: 'ok', dataBase64: 'not base64!' }, [['INVALID_VALUE', ['input', 'dataBase64']]]],
    ];
    for (const [input, expected] of cases) {
      const { userErrors } = await fake.mutate('secretCreate', input, 'secret { id }');
      assert.deepEqual(codes(userErrors), expected, JSON.stringify(input).slice(0, 80));
    }
    assert.equal(fake.engine.state.secrets.size, 0);
    assert.equal(fake.engine.writes().length, 0);
  });

  test('exactly 500 KiB is accepted; a taken name is NAME_CONFLICT', async () => {
    assert.deepEqual((await fake.mutate('secretCreate', { name: 'big', data: 'x'.repeat(500 * 1024) }, 'secret { id }')).userErrors, []);
    assert.deepEqual(codes((await fake.mutate('secretCreate', { name: 'big', data: 'y' }, 'secret { id }')).userErrors), [['NAME_CONFLICT', ['input', 'name']]]);
  });

  test('a config reads back its data as text and base64; binary data has text null', async () => {
    await fake.mutate('configCreate', { name: 'text.conf', data: 'listen 80;' }, 'config { id }');
    await fake.mutate('configCreate', { name: 'bin.conf', dataBase64: Buffer.from([0xff, 0xfe, 0x00]).toString('base64') }, 'config { id }');
    const res = await fake.gql('{ configs { totalCount nodes { name data dataBase64 } } }');
    assert.deepEqual(res.data!.configs, {
      totalCount: 2,
      nodes: [
        { name: 'bin.conf', data: null, dataBase64: '//4A' },
        { name: 'text.conf', data: 'listen 80;', dataBase64: Buffer.from('listen 80;').toString('base64') },
      ],
    });
  });

  test('a scoped deployer: its secret is stamped with its labels; it sees and removes only those of its scope', async () => {
    const payments = await fake.tokenFor('deployer:team=payments');
    const { payload, userErrors } = await fake.mutate('secretCreate', { name: 'pay-key', data: 'k' }, SECRET_FIELDS, { token: payments });
    assert.deepEqual(userErrors, []);
    assert.deepEqual(payload!.secret.labels, [{ key: 'team', value: 'payments' }]);
    await fake.mutate('secretCreate', { name: 'ship-key', data: 'k', labels: [{ key: 'team', value: 'shipping' }] }, 'secret { id }');
    const listed = await fake.gql('{ secrets { nodes { name } } }', {}, { token: payments });
    assert.deepEqual(listed.data!.secrets.nodes, [{ name: 'pay-key' }]);
    const other = await fake.gql('{ secret(id: "ship-key") { name } }', {}, { token: payments });
    assert.equal(other.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const removal = await fake.mutate('secretRemove', { id: 'ship-key' }, 'removed { id }', { token: payments });
    assert.deepEqual(codes(removal.userErrors), [['REFERENCE_NOT_FOUND', ['input', 'id']]]);
    assert.equal(fake.engine.state.secrets.size, 2);
  });

  test('secretUpdate changes labels at the version, sends no data, keeps scope labels', async () => {
    const created = await fake.mutate('secretCreate', { name: 'lbl', data: SECRET_TEXT, labels: [{ key: 'team', value: 'payments' }, { key: 'old', value: '1' }] }, 'secret { id version }');
    const { id, version } = created.payload!.secret;
    const stale = await fake.mutate('secretUpdate', { id, version: version - 1, labels: { add: [{ key: 'x', value: 'y' }] } }, 'secret { id }');
    assert.deepEqual(codes(stale.userErrors), [['VERSION_CONFLICT', ['input', 'version']]]);
    fake.engine.clearRequests();
    const ok = await fake.mutate('secretUpdate', { id, version, labels: { add: [{ key: 'x', value: 'y' }], remove: ['old'] } }, 'secret { labels { key value } version }');
    assert.deepEqual(ok.userErrors, []);
    assert.deepEqual(ok.payload!.secret.labels, [{ key: 'team', value: 'payments' }, { key: 'x', value: 'y' }]);
    const update = fake.engine.requests.find((r) => r.method === 'POST' && r.path.endsWith('/update'))!;
    assert.equal(update.query.version, String(version));
    assert.equal((update.body as Json).Data, undefined);
    const scoped = await fake.mutate('secretUpdate', { id, labels: { remove: ['team'] } }, 'secret { id }', { token: await fake.tokenFor('deployer:team=payments') });
    assert.deepEqual(scoped.userErrors.map((e) => e.code), ['SCOPE_LABEL']);
  });

  test('secretRemove is refused IN_USE while a service references it, naming only readable services', async () => {
    const created = await fake.mutate('secretCreate', { name: 'shared', data: 'x', labels: [{ key: 'team', value: 'payments' }] }, 'secret { id }');
    const id = created.payload!.secret.id;
    const ref = { File: { Name: 'shared', UID: '0', GID: '0', Mode: 0o444 }, SecretID: id, SecretName: 'shared' };
    const withSecret = (name: string, team: string) =>
      fake.engine.state.addService(serviceSpec(name, { Labels: { team }, TaskTemplate: { ...serviceSpec(name).TaskTemplate, ContainerSpec: { Image: 'busybox', Secrets: [ref] } } }));
    withSecret('pay-api', 'payments');
    withSecret('ship-api', 'shipping');
    const used = await fake.gql(`{ secret(id: "${id}") { usedBy { name } } }`, {}, { token: await fake.tokenFor('viewer:team=payments') });
    assert.deepEqual(used.data!.secret.usedBy, [{ name: 'pay-api' }]);
    const { userErrors } = await fake.mutate('secretRemove', { id }, 'removed { id }', { token: await fake.tokenFor('deployer:team=payments') });
    assert.deepEqual(codes(userErrors), [['IN_USE', ['input', 'id']]]);
    assert.match(userErrors[0]!.message, /pay-api/);
    assert.doesNotMatch(userErrors[0]!.message, /ship-api/);
    assert.match(userErrors[0]!.message, /1 service\(s\) outside/);
    assert.equal(fake.engine.requests.filter((r) => r.method === 'DELETE').length, 0);
  });

  test('configRemove removes an unused config', async () => {
    const created = await fake.mutate('configCreate', { name: 'gone.conf', data: 'x' }, 'config { id }');
    const { payload, userErrors } = await fake.mutate('configRemove', { id: 'gone.conf' }, 'removed { id name }');
    assert.deepEqual(userErrors, []);
    assert.deepEqual(payload!.removed, [{ id: created.payload!.config.id, name: 'gone.conf' }]);
    assert.equal(fake.engine.state.configs.size, 0);
  });
});
