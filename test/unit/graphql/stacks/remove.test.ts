// stackRemove against the fake engine: the stack's objects by the namespace label, removed in
// the CLI's order (services, secrets, configs, networks); a scoped caller refused the whole
// removal when an object is outside its scope; NOT_FOUND when it can see none of it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { EngineError } from '../../../support/fake-engine/errors.ts';

const NS = 'com.docker.stack.namespace';
const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

describe('stackRemove', () => {
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
  });

  function arrange(team: (kind: string) => string = () => 'payments') {
    const state = fake.engine.state;
    const labels = (kind: string) => ({ [NS]: 'shop', team: team(kind) });
    const network = swarmNetwork(state, { Name: 'shop_default', Driver: 'overlay', Labels: labels('network') });
    state.networks.set(network.Id, network);
    state.secrets.set('sec1', { ID: 'sec1', Version: { Index: 1 }, Spec: { Name: 'shop_db', Labels: labels('secret'), Data: 'eA==' } });
    state.configs.set('cfg1', { ID: 'cfg1', Version: { Index: 1 }, Spec: { Name: 'shop_conf', Labels: labels('config'), Data: 'eA==' } });
    const worker = state.addService(serviceSpec('shop_worker', { Labels: labels('service') }));
    const web = state.addService(serviceSpec('shop_web', { Labels: labels('service') }));
    state.addService(serviceSpec('other_web', { Labels: { [NS]: 'other' } }));
    fake.engine.clearRequests();
    return { network, web, worker };
  }
  const remove = (token?: string) => fake.mutate('stackRemove', { name: 'shop' }, 'removed { id name }', token ? { token } : undefined);
  const deletes = () => fake.engine.writes().map((r) => `${r.method} ${r.path.replace(/^\/v[\d.]+/, '')}`);

  test("removes services (by name), secrets, configs, then networks, the CLI's order; another stack stays", async () => {
    const { network, web, worker } = arrange();
    const { payload, userErrors } = await remove();
    assert.deepEqual(userErrors, []);
    assert.deepEqual(deletes(), [`DELETE /services/${web.ID}`, `DELETE /services/${worker.ID}`, 'DELETE /secrets/sec1', 'DELETE /configs/cfg1', `DELETE /networks/${network.Id}`]);
    assert.deepEqual(payload!.removed.map((o: Json) => o.name), ['shop_web', 'shop_worker', 'shop_db', 'shop_conf', 'shop_default']);
    assert.deepEqual([...fake.engine.state.services.values()].map((s) => s.Spec.Name), ['other_web']);
    assert.equal(fake.audit.outcomeOf('stackRemove')!.status, 'succeeded');
  });

  test('a scoped deployer is refused the whole removal when one object is outside its scope: nothing removed', async () => {
    arrange((kind) => (kind === 'config' ? 'shipping' : 'payments'));
    const { userErrors } = await remove(await fake.tokenFor('deployer:team=payments'));
    assert.deepEqual(codes(userErrors), [['IN_USE', ['input', 'name']]]);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('a scoped deployer removes its own stack', async () => {
    arrange();
    const { payload, userErrors } = await remove(await fake.tokenFor('deployer:team=payments'));
    assert.deepEqual(userErrors, []);
    assert.equal(payload!.removed.length, 5);
  });

  test('a stack the caller can read nothing of is NOT_FOUND, as a missing one', async () => {
    arrange(() => 'shipping');
    const scoped = await remove(await fake.tokenFor('deployer:team=payments'));
    assert.deepEqual(scoped.errorCodes, ['NOT_FOUND']);
    const missing = await fake.mutate('stackRemove', { name: 'nothing' }, 'removed { id }');
    assert.deepEqual(missing.errorCodes, ['NOT_FOUND']);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('a refusal part-way: the rest is still removed, and the answer says what was and what was not', async () => {
    const { network } = arrange();
    const restore = fake.engine.override('DELETE', '/secrets/:id', () => {
      throw new EngineError(400, 'rpc error: code = InvalidArgument desc = secret is in use');
    });
    try {
      const { userErrors } = await remove();
      assert.deepEqual(codes(userErrors), [['ENGINE_REJECTED', ['input', 'name']]]);
      assert.match(userErrors[0]!.message, /secret "shop_db": .*in use/);
      assert.match(userErrors[0]!.message, /Removed: shop_web, shop_worker, shop_conf, shop_default/);
      assert.equal(fake.engine.state.networks.has(network.Id), false);
      assert.equal(fake.audit.outcomeOf('stackRemove')!.status, 'failed');
    } finally {
      restore();
    }
  });
});
