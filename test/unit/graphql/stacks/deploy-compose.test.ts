// stackDeploy from compose text through the real loader and converter, against the fake engine:
// interpolation from `variables` (the secret's data from one), the loader's problems placed at
// `input.compose...` with nothing sent, its warnings in the payload, and an engine that stops
// answering part-way: the outcome is unknown and the answer names what was done.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import type { Json } from '../../../support/fake-engine/state.ts';
import { HANG_UP } from '../../../support/fake-engine/router.ts';

const NS = 'com.docker.stack.namespace';

const COMPOSE = `version: "3.8"
services:
  web:
    image: nginx:\${TAG:-1.25}
    build: .
    secrets: [db]
  worker:
    image: busybox:latest
secrets:
  db:
    environment: DB_PASSWORD
`;

describe('stackDeploy from compose text', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(() => fake.stop());
  beforeEach(() => {
    const state = fake.engine.state;
    for (const s of [...state.services.values()]) state.removeService(s);
    for (const n of [...state.networks.values()]) if (n.Labels?.[NS]) state.networks.delete(n.Id);
    state.secrets.clear();
    state.configs.clear();
    fake.audit.clear();
    fake.engine.clearRequests();
  });

  const deploy = (compose: string, variables: Json[] = [{ name: 'DB_PASSWORD', value: 'pw-1' }, { name: 'TAG', value: '1.27' }]) =>
    fake.mutate('stackDeploy', { name: 'shop', compose, variables }, 'stack { name services { name } } rollouts { serviceName } warnings');

  test('interpolates the variables, takes the secret from one, warns of what it ignores', async () => {
    const { payload, userErrors } = await deploy(COMPOSE);
    assert.deepEqual(userErrors, []);
    assert.deepEqual(payload!.stack.services.map((s: Json) => s.name), ['shop_web', 'shop_worker']);
    assert.ok(payload!.warnings.some((w: string) => /Ignoring unsupported options: build/.test(w)), JSON.stringify(payload!.warnings));
    const web = [...fake.engine.state.services.values()].find((s) => s.Spec.Name === 'shop_web')!;
    assert.equal(web.Spec.TaskTemplate.ContainerSpec.Image, 'nginx:1.27');
    const secret = [...fake.engine.state.secrets.values()][0]!;
    assert.equal(Buffer.from(secret.Spec.Data, 'base64').toString(), 'pw-1');
    assert.equal(web.Spec.TaskTemplate.ContainerSpec.Secrets[0].SecretID, secret.ID);
  });

  test("the loader's problems are at input.compose paths, nothing sent", async () => {
    const { userErrors } = await deploy('services:\n  web:\n    image: nginx\n    env_file: ./secrets.env\n');
    assert.ok(userErrors.length > 0);
    for (const e of userErrors) assert.deepEqual((e.field ?? []).slice(0, 2), ['input', 'compose'], JSON.stringify(e));
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('no answer part-way: ENGINE_UNAVAILABLE naming what was done, the outcome unknown', async () => {
    const restore = fake.engine.override('POST', '/services/create', () => HANG_UP);
    try {
      const answer = await deploy(COMPOSE);
      assert.deepEqual(answer.errorCodes, ['ENGINE_UNAVAILABLE']);
      assert.match(JSON.stringify(answer), /created network \\"shop_default\\"; created secret \\"shop_db\\"/);
      assert.equal(fake.audit.outcomeOf('stackDeploy')!.status, 'unknown');
    } finally {
      restore();
    }
  });
});
