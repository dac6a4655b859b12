// secretRotate/configRotate against the fake engine: the new version `<base>.v<N>` with the
// rotation labels, every service moved to it with the same file (one update each, at its
// version, each with a rollout), the old one removed; a service outside a scoped caller's
// labels refuses the whole rotation up front, nothing created.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { nextVersion } from '../../../../src/graphql/secrets/rotate.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

test('nextVersion: <base>.v2 first, then counts on from the labels', () => {
  assert.deepEqual(nextVersion('db', { a: 'b' }), { name: 'db.v2', labels: { a: 'b', 'com.swarm-gateway.rotation.base': 'db', 'com.swarm-gateway.rotation.version': '2' } });
  assert.equal(nextVersion('db.v2', { 'com.swarm-gateway.rotation.base': 'db', 'com.swarm-gateway.rotation.version': '2' }).name, 'db.v3');
});

describe('secretRotate', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(() => fake.stop());
  beforeEach(() => {
    const state = fake.engine.state;
    state.secrets.clear();
    for (const s of [...state.services.values()]) state.removeService(s);
    fake.audit.clear();
  });

  async function secretUsedBy(teams: string[]): Promise<string> {
    const id = (await fake.mutate('secretCreate', { name: 'db', data: 'old', labels: [{ key: 'team', value: 'payments' }] }, 'secret { id }')).payload!.secret.id;
    teams.forEach((team, i) => {
      const ref = { File: { Name: 'db-file', UID: '10', GID: '20', Mode: 0o400 }, SecretID: id, SecretName: 'db' };
      fake.engine.state.addService(serviceSpec(`svc-${i}`, { Labels: { team }, TaskTemplate: { ...serviceSpec('x').TaskTemplate, ContainerSpec: { Image: 'busybox', Secrets: [ref] } } }));
    });
    fake.engine.clearRequests();
    return id;
  }

  test('two services moved to db.v2 with the same file, each with a rollout; the old secret removed', async () => {
    const oldId = await secretUsedBy(['payments', 'payments']);
    const { payload, userErrors } = await fake.mutate('secretRotate', { id: 'db', data: 'new' }, 'secret { id name labels { key value } } services { name } rollouts { id } oldRemoved', { token: await fake.tokenFor('deployer:team=payments') });
    assert.deepEqual(userErrors, []);
    assert.equal(payload!.secret.name, 'db.v2');
    assert.ok(payload!.secret.labels.some((l: Json) => l.key === 'com.swarm-gateway.rotation.version' && l.value === '2'));
    assert.deepEqual(payload!.services.map((s: Json) => s.name).sort(), ['svc-0', 'svc-1']);
    assert.equal(payload!.rollouts.length, 2);
    assert.equal(payload!.oldRemoved, true);
    const newId = payload!.secret.id;
    for (const s of fake.engine.state.services.values()) {
      assert.deepEqual(s.Spec.TaskTemplate.ContainerSpec.Secrets, [{ File: { Name: 'db-file', UID: '10', GID: '20', Mode: 0o400 }, SecretID: newId, SecretName: 'db.v2' }]);
    }
    assert.equal(fake.engine.state.secrets.has(oldId), false);
    assert.equal(Buffer.from(fake.engine.state.secrets.get(newId)!.Spec.Data, 'base64').toString(), 'new');
    assert.equal(fake.audit.outcomeOf('secretRotate')!.status, 'succeeded');
  });

  test("a service outside the caller's scope uses it: refused up front, nothing created or updated", async () => {
    await secretUsedBy(['payments', 'shipping']);
    const { userErrors } = await fake.mutate('secretRotate', { id: 'db', data: 'new' }, 'secret { id }', { token: await fake.tokenFor('deployer:team=payments') });
    assert.deepEqual(codes(userErrors), [['IN_USE', ['input', 'id']]]);
    assert.doesNotMatch(userErrors[0]!.message, /svc-1/);
    assert.equal(fake.engine.state.secrets.size, 1);
    assert.equal(fake.engine.writes().length, 0);
  });

  test('removeOld false keeps the old secret', async () => {
    const oldId = await secretUsedBy(['payments']);
    const { payload } = await fake.mutate('secretRotate', { id: oldId, dataBase64: Buffer.from('n').toString('base64'), removeOld: false }, 'oldRemoved');
    assert.equal(payload!.oldRemoved, false);
    assert.equal(fake.engine.state.secrets.has(oldId), true);
  });
});
