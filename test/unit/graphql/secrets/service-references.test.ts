// serviceCreate's `secrets` and `configs`: resolved to the engine's references (ID, name,
// file name, uid, gid, mode 0444 by default), bad targets refused, and a team deployer can
// never reference another team's secret or config, by name or by ID, on create or (a spec
// already holding one) on update: REFERENCE_NOT_FOUND, nothing sent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

describe('service references to secrets and configs', () => {
  let fake: FakeGateway;
  let payments: string;
  let paySecret: string;
  let shipSecret: string;
  let shipConfig: string;
  before(async () => {
    fake = await startFakeGateway();
    payments = await fake.tokenFor('deployer:team=payments');
  });
  after(() => fake.stop());
  beforeEach(async () => {
    const state = fake.engine.state;
    state.secrets.clear();
    state.configs.clear();
    for (const s of [...state.services.values()]) state.removeService(s);
    paySecret = (await fake.mutate('secretCreate', { name: 'pay-db', data: 'p', labels: [{ key: 'team', value: 'payments' }] }, 'secret { id }')).payload!.secret.id;
    shipSecret = (await fake.mutate('secretCreate', { name: 'ship-db', data: 's', labels: [{ key: 'team', value: 'shipping' }] }, 'secret { id }')).payload!.secret.id;
    shipConfig = (await fake.mutate('configCreate', { name: 'ship.conf', data: 'c', labels: [{ key: 'team', value: 'shipping' }] }, 'config { id }')).payload!.config.id;
    fake.engine.clearRequests();
  });

  const creates = () => fake.engine.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/services/create'));

  test('a readable secret by name: the spec references it by ID and name, target defaulting to its name, mode 0444', async () => {
    const { userErrors } = await fake.mutate('serviceCreate', { name: 'pay-api', image: 'busybox', secrets: [{ source: 'pay-db' }, { source: paySecret, target: 'other', uid: '1000', gid: '1000', mode: 0o400 }] }, 'service { id }', { token: payments });
    assert.deepEqual(userErrors, []);
    const readBack = await fake.gql('{ service(id: "pay-api") { secrets { source sourceId target uid gid mode } configs { source } } }', {}, { token: payments });
    assert.deepEqual(readBack.data!.service.secrets, [
      { source: 'pay-db', sourceId: paySecret, target: 'pay-db', uid: '0', gid: '0', mode: 0o444 },
      { source: 'pay-db', sourceId: paySecret, target: 'other', uid: '1000', gid: '1000', mode: 0o400 },
    ]);
    assert.deepEqual(readBack.data!.service.configs, []);
    const spec = creates()[0]!.body as Json;
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Secrets, [
      { File: { Name: 'pay-db', UID: '0', GID: '0', Mode: 0o444 }, SecretID: paySecret, SecretName: 'pay-db' },
      { File: { Name: 'other', UID: '1000', GID: '1000', Mode: 0o400 }, SecretID: paySecret, SecretName: 'pay-db' },
    ]);
  });

  test("another team's secret or config, by name or by ID: REFERENCE_NOT_FOUND, nothing created", async () => {
    const { userErrors } = await fake.mutate(
      'serviceCreate',
      { name: 'pay-api', image: 'busybox', secrets: [{ source: 'ship-db' }, { source: shipSecret }], configs: [{ source: shipConfig }] },
      'service { id }',
      { token: payments },
    );
    assert.deepEqual(codes(userErrors), [
      ['REFERENCE_NOT_FOUND', ['input', 'secrets', '0', 'source']],
      ['REFERENCE_NOT_FOUND', ['input', 'secrets', '1', 'source']],
      ['REFERENCE_NOT_FOUND', ['input', 'configs', '0', 'source']],
    ]);
    assert.equal(creates().length, 0);
  });

  test('targets: absolute, with "..", or twice are INVALID_VALUE', async () => {
    const { userErrors } = await fake.mutate('serviceCreate', { name: 'x', image: 'busybox', secrets: [{ source: 'pay-db', target: '/etc/x' }, { source: 'pay-db', target: 'a/../b' }, { source: 'pay-db', target: 't' }, { source: 'pay-db', target: 't' }] }, 'service { id }');
    assert.deepEqual(codes(userErrors), [
      ['INVALID_VALUE', ['input', 'secrets', '0', 'target']],
      ['INVALID_VALUE', ['input', 'secrets', '1', 'target']],
      ['INVALID_VALUE', ['input', 'secrets', '3', 'target']],
    ]);
  });

  test("an update of a team's service whose spec references another team's secret is refused, nothing sent", async () => {
    const ref = { File: { Name: 'ship-db', UID: '0', GID: '0', Mode: 0o444 }, SecretID: shipSecret, SecretName: 'ship-db' };
    fake.engine.state.addService(serviceSpec('pay-mixed', { Labels: { team: 'payments' }, TaskTemplate: { ...serviceSpec('x').TaskTemplate, ContainerSpec: { Image: 'busybox', Secrets: [ref] } } }));
    const { userErrors } = await fake.mutate('serviceUpdate', { id: 'pay-mixed', image: 'busybox:1' }, 'service { id }', { token: payments });
    assert.deepEqual(codes(userErrors), [['REFERENCE_NOT_FOUND', ['input', 'id']]]);
    assert.equal(fake.engine.requests.filter((r) => r.method === 'POST' && r.path.includes('/update')).length, 0);
  });
});
