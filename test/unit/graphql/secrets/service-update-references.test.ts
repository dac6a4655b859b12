// serviceUpdate's secretAdd/secretRemove/configAdd/configRemove (`--secret-add`, `--secret-rm`,
// `--config-add`, `--config-rm`) against a fake engine: additions resolved within the caller's
// read scope, removals by name or ID applied first, a removal of a reference the service does
// not have and a target already in use refused with nothing sent, operators refused, and
// servicePlan showing the change as replacing the tasks.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);
const file = (name: string) => ({ Name: name, UID: '0', GID: '0', Mode: 0o444 });

describe('serviceUpdate: secret and config references', () => {
  let fake: FakeGateway;
  let payments: string;
  let paySecret: string;
  let payKey: string;
  let shipSecret: string;
  let payConfig: string;
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
    const team = [{ key: 'team', value: 'payments' }];
    paySecret = (await fake.mutate('secretCreate', { name: 'pay-db', data: 'p', labels: team }, 'secret { id }')).payload!.secret.id;
    payKey = (await fake.mutate('secretCreate', { name: 'pay-key', data: 'k', labels: team }, 'secret { id }')).payload!.secret.id;
    shipSecret = (await fake.mutate('secretCreate', { name: 'ship-db', data: 's', labels: [{ key: 'team', value: 'shipping' }] }, 'secret { id }')).payload!.secret.id;
    payConfig = (await fake.mutate('configCreate', { name: 'pay.conf', data: 'c', labels: team }, 'config { id }')).payload!.config.id;
    const { userErrors } = await fake.mutate('serviceCreate', { name: 'pay-api', image: 'busybox', labels: team, secrets: [{ source: 'pay-db' }] }, 'service { id }', { token: payments });
    assert.deepEqual(userErrors, []);
    fake.engine.clearRequests();
  });

  const updates = () => fake.engine.writes().filter((r) => /^\/services\/[^/]+\/update$/.test(r.path));
  const sentContainer = () => (updates().at(-1)!.body as Json).TaskTemplate.ContainerSpec;

  test('secretAdd by name and configAdd by ID: appended to the kept references, resolved to ID and name', async () => {
    const { userErrors } = await fake.mutate('serviceUpdate', { id: 'pay-api', secretAdd: [{ source: 'pay-key', target: 'key', mode: 0o400 }], configAdd: [{ source: payConfig }] }, 'service { id }', { token: payments });
    assert.deepEqual(userErrors, []);
    assert.deepEqual(sentContainer().Secrets, [
      { File: file('pay-db'), SecretID: paySecret, SecretName: 'pay-db' },
      { File: { ...file('key'), Mode: 0o400 }, SecretID: payKey, SecretName: 'pay-key' },
    ]);
    assert.deepEqual(sentContainer().Configs, [{ File: file('pay.conf'), ConfigID: payConfig, ConfigName: 'pay.conf' }]);
  });

  test('secretRemove by name or by ID drops every file of that secret; removed and added back under its target in one call', async () => {
    await fake.mutate('serviceUpdate', { id: 'pay-api', secretAdd: [{ source: 'pay-db', target: 'again' }] }, 'service { id }', { token: payments });
    const byId = await fake.mutate('serviceUpdate', { id: 'pay-api', secretRemove: [paySecret] }, 'service { id }', { token: payments });
    assert.deepEqual(byId.userErrors, []);
    assert.equal('Secrets' in sentContainer(), false);
    const readBack = await fake.gql('{ service(id: "pay-api") { secrets { source } } }', {}, { token: payments });
    assert.deepEqual(readBack.data!.service.secrets, []);
    await fake.mutate('serviceUpdate', { id: 'pay-api', secretAdd: [{ source: 'pay-db' }] }, 'service { id }', { token: payments });
    const swap = await fake.mutate('serviceUpdate', { id: 'pay-api', secretRemove: ['pay-db'], secretAdd: [{ source: 'pay-key', target: 'pay-db' }] }, 'service { id }', { token: payments });
    assert.deepEqual(swap.userErrors, []);
    assert.deepEqual(sentContainer().Secrets, [{ File: file('pay-db'), SecretID: payKey, SecretName: 'pay-key' }]);
  });

  test('an unknown secret, or another team\'s by ID: REFERENCE_NOT_FOUND at secretAdd.N.source, nothing sent', async () => {
    const { userErrors } = await fake.mutate('serviceUpdate', { id: 'pay-api', secretAdd: [{ source: 'no-such' }, { source: shipSecret }], configAdd: [{ source: 'ship-db' }] }, 'service { id }', { token: payments });
    assert.deepEqual(codes(userErrors), [
      ['REFERENCE_NOT_FOUND', ['input', 'secretAdd', '0', 'source']],
      ['REFERENCE_NOT_FOUND', ['input', 'secretAdd', '1', 'source']],
      ['REFERENCE_NOT_FOUND', ['input', 'configAdd', '0', 'source']],
    ]);
    assert.deepEqual(updates(), []);
  });

  test('removing a reference the service does not have is REFERENCE_NOT_FOUND; a target already used is INVALID_VALUE; nothing sent', async () => {
    const { userErrors } = await fake.mutate('serviceUpdate', { id: 'pay-api', secretRemove: ['pay-key'], configRemove: ['pay.conf'], secretAdd: [{ source: 'pay-key', target: 'pay-db' }] }, 'service { id }', { token: payments });
    assert.deepEqual(codes(userErrors), [
      ['REFERENCE_NOT_FOUND', ['input', 'secretRemove', '0']],
      ['INVALID_VALUE', ['input', 'secretAdd', '0', 'target']],
      ['REFERENCE_NOT_FOUND', ['input', 'configRemove', '0']],
    ]);
    assert.deepEqual(updates(), []);
  });

  test('an operator may not send them: NOT_PERMITTED at each, nothing sent', async () => {
    const operator = await fake.tokenFor('operator:team=payments');
    const { userErrors } = await fake.mutate('serviceUpdate', { id: 'pay-api', secretAdd: [{ source: 'pay-key' }], secretRemove: ['pay-db'], configAdd: [{ source: 'pay.conf' }], configRemove: ['x'] }, 'service { id }', { token: operator });
    assert.deepEqual(codes(userErrors), [
      ['NOT_PERMITTED', ['input', 'secretAdd']],
      ['NOT_PERMITTED', ['input', 'secretRemove']],
      ['NOT_PERMITTED', ['input', 'configAdd']],
      ['NOT_PERMITTED', ['input', 'configRemove']],
    ]);
    assert.deepEqual(updates(), []);
  });

  test('servicePlan of a secretAdd: the Secrets change, every running task replaced, nothing sent', async () => {
    const res = await fake.gql(
      'query ($input: ServiceUpdateInput!) { servicePlan(input: $input) { changes { path } replacesTasks replaced { taskId } rolloutKind userErrors { code } } }',
      { input: { id: 'pay-api', secretAdd: [{ source: 'pay-key' }] } },
      { token: payments },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const p = res.data!.servicePlan;
    assert.deepEqual(p.userErrors, []);
    assert.ok(p.changes.some((c: Json) => c.path.startsWith('TaskTemplate.ContainerSpec.Secrets')), JSON.stringify(p.changes));
    assert.equal(p.replacesTasks, true);
    const service = [...fake.engine.state.services.values()].find((s) => s.Spec.Name === 'pay-api')!;
    const running = [...fake.engine.state.tasks.values()].filter((t) => t.ServiceID === service.ID && t.DesiredState === 'running');
    assert.deepEqual(p.replaced.map((r: Json) => r.taskId).sort(), running.map((t) => t.ID).sort());
    assert.ok(running.length > 0);
    assert.equal(p.rolloutKind, 'UPDATE');
    assert.deepEqual(updates(), []);
  });
});
