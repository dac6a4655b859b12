// networkRemove and networkPrune against the fake engine: all or nothing (every network
// found, removable and unused before the first DELETE), users named (services, standalone
// containers, routing-mesh publishers; services outside a scoped caller's labels counted,
// not named), the engine's late refusal mapped with what was already removed, prune's
// label filters as the Engine's JSON `filters`, access refusals and the audit outcome.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { EngineError } from '../../../support/fake-engine/server.ts';
import { addContainer, swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const pairs = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

describe('networkRemove and networkPrune', () => {
  let fake: FakeGateway;
  const made: string[] = [];
  before(async () => {
    fake = await startFakeGateway();
  });
  after(() => fake.stop());
  beforeEach(() => {
    const state = fake.engine.state;
    for (const id of made.splice(0)) state.networks.delete(id);
    for (const s of [...state.services.values()]) state.removeService(s);
    for (const c of [...state.containers.values()]) state.containers.delete(c.Id);
    fake.engine.clearRequests();
    fake.audit.clear();
  });

  /** A swarm network in the fake, as `docker network create -d overlay` leaves it. */
  function network(name: string, extra: Json = {}): Json {
    const n = { ...swarmNetwork(fake.engine.state, { Name: name, Driver: 'overlay', Labels: {}, ...extra }) };
    fake.engine.state.networks.set(n.Id, n);
    made.push(n.Id);
    return n;
  }
  const deletes = () => fake.engine.requests.filter((r) => r.method === 'DELETE');
  const remove = (ids: string[], token?: string) => fake.mutate('networkRemove', { ids }, 'removed { id name }', token ? { token } : undefined);

  test('removes several, by name and by ID, in the order given', async () => {
    const a = network('rm-a');
    const b = network('rm-b');
    const { payload, userErrors } = await remove(['rm-a', b.Id]);
    assert.deepEqual(userErrors, []);
    assert.deepEqual(payload!.removed, [{ id: a.Id, name: 'rm-a' }, { id: b.Id, name: 'rm-b' }]);
    assert.deepEqual(deletes().map((r) => r.path), [`/networks/${a.Id}`, `/networks/${b.Id}`]);
    assert.equal(fake.engine.state.findNetwork('rm-a'), undefined);
    const outcome = fake.audit.outcomeOf('networkRemove')!;
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(outcome.objectIds, [a.Id, b.Id]);
  });

  test('a pre-defined network, a missing one and a bad reference: one userError each, nothing removed', async () => {
    network('rm-keep');
    const { payload, userErrors } = await remove(['rm-keep', 'bridge', 'no-such-net', '../x']);
    assert.deepEqual(payload!.removed, []);
    assert.deepEqual(pairs(userErrors), [
      ['INVALID_VALUE', ['input', 'ids', '1']],
      ['REFERENCE_NOT_FOUND', ['input', 'ids', '2']],
      ['INVALID_VALUE', ['input', 'ids', '3']],
    ]);
    assert.deepEqual(deletes(), []);
    assert.equal(fake.audit.outcomeOf('networkRemove')?.status, 'failed');
  });

  test('one in use by a service: IN_USE naming it, and none of the others removed', async () => {
    const free = network('rm-free');
    const used = network('rm-used');
    fake.engine.state.addService({ Name: 'web', TaskTemplate: { ContainerSpec: { Image: 'nginx' }, Networks: [{ Target: used.Id }] }, Mode: { Replicated: { Replicas: 1 } } });
    const { payload, userErrors } = await remove([free.Id, 'rm-used']);
    assert.deepEqual(payload!.removed, []);
    assert.deepEqual(pairs(userErrors), [['IN_USE', ['input', 'ids', '1']]]);
    assert.match(userErrors[0]!.message, /service\(s\) web/);
    assert.deepEqual(deletes(), []);
    assert.ok(fake.engine.state.findNetwork('rm-free'));
  });

  test('a service naming it in the deprecated Spec.Networks uses it too', async () => {
    const used = network('rm-old-style');
    fake.engine.state.addService({ Name: 'legacy', TaskTemplate: { ContainerSpec: { Image: 'nginx' } }, Networks: [{ Target: used.Id }], Mode: { Replicated: { Replicas: 1 } } });
    const { userErrors } = await remove(['rm-old-style']);
    assert.deepEqual(pairs(userErrors), [['IN_USE', ['input', 'ids', '0']]]);
    assert.match(userErrors[0]!.message, /legacy/);
  });

  test('a standalone container attached anywhere in the swarm: IN_USE naming it and its node', async () => {
    const net = network('rm-attached', { Attachable: true });
    const container = addContainer(fake.engine.state, { name: 'alpine1', networks: [net.Id] });
    const { userErrors } = await remove(['rm-attached']);
    assert.deepEqual(pairs(userErrors), [['IN_USE', ['input', 'ids', '0']]]);
    assert.match(userErrors[0]!.message, new RegExp(`${container.Id.slice(0, 12)} on node manager-1`));
    assert.deepEqual(deletes(), []);
  });

  test('ingress while a service publishes through the routing mesh: IN_USE naming the publisher', async () => {
    fake.engine.state.addService({ Name: 'published', TaskTemplate: { ContainerSpec: { Image: 'nginx' } }, EndpointSpec: { Ports: [{ TargetPort: 80, PublishedPort: 8080 }] } });
    const { userErrors } = await remove(['ingress']);
    assert.deepEqual(pairs(userErrors), [['IN_USE', ['input', 'ids', '0']]]);
    assert.match(userErrors[0]!.message, /routing mesh: published/);
    assert.match(userErrors[0]!.message, /host mode/);
  });

  test('to a label-scoped deployer, a service outside its labels is counted, not named', async () => {
    const net = network('rm-shared', { Labels: { team: 'payments' } });
    fake.engine.state.addService({ Name: 'billing-secret-name', Labels: { team: 'billing' }, TaskTemplate: { ContainerSpec: { Image: 'nginx' }, Networks: [{ Target: net.Id }] } });
    const token = await fake.tokenFor('deployer:team=payments');
    const { userErrors } = await remove(['rm-shared'], token);
    assert.deepEqual(pairs(userErrors), [['IN_USE', ['input', 'ids', '0']]]);
    assert.match(userErrors[0]!.message, /1 service\(s\) outside your grants' label scope/);
    assert.doesNotMatch(userErrors[0]!.message, /billing-secret-name/);
  });

  test('to a label-scoped deployer, a network outside its labels does not exist', async () => {
    network('rm-other-team', { Labels: { team: 'billing' } });
    const token = await fake.tokenFor('deployer:team=payments');
    const { userErrors } = await remove(['rm-other-team'], token);
    assert.deepEqual(pairs(userErrors), [['REFERENCE_NOT_FOUND', ['input', 'ids', '0']]]);
    assert.deepEqual(deletes(), []);
  });

  test('the engine refusing the second (used meanwhile): IN_USE saying which were already removed', async () => {
    const a = network('rm-first');
    const b = network('rm-raced');
    const restore = fake.engine.override('DELETE', `/networks/${b.Id}`, () => {
      throw new EngineError(403, `error while removing network: network rm-raced id ${b.Id} has active endpoints`);
    });
    try {
      const { payload, userErrors } = await remove([a.Id, b.Id]);
      assert.equal(payload!.removed.length, 0);
      assert.deepEqual(pairs(userErrors), [['IN_USE', ['input', 'ids', '1']]]);
      assert.match(userErrors[0]!.message, new RegExp(`already removed: ${a.Id}`));
      assert.equal(deletes().length, 2);
    } finally {
      restore();
    }
  });

  test('ingress needs an admin: a deployer is NOT_PERMITTED', async () => {
    const token = await fake.tokenFor('deployer');
    const { userErrors } = await remove(['ingress'], token);
    assert.deepEqual(pairs(userErrors), [['NOT_PERMITTED', ['input', 'ids', '0']]]);
    assert.deepEqual(deletes(), []);
  });

  test('a viewer is refused: FORBIDDEN, audited as denied, nothing sent', async () => {
    network('rm-viewer');
    const token = await fake.tokenFor('viewer');
    const { errorCodes } = await remove(['rm-viewer'], token);
    assert.deepEqual(errorCodes, ['FORBIDDEN']);
    assert.equal(fake.audit.refusals.at(-1)?.operation, 'networkRemove');
    assert.deepEqual(deletes(), []);
  });

  describe('networkPrune', () => {
    const prune = (label: string[] | undefined, token?: string) =>
      fake.mutate('networkPrune', label ? { label } : {}, 'removed { id name }', token ? { token } : undefined);

    test('sends the label filters as the Engine\'s JSON filters and returns what the engine removed, by name', async () => {
      const unused = network('prune-me', { Labels: { env: 'test' } });
      network('prune-other', { Labels: { env: 'prod' } });
      const { payload, userErrors } = await prune(['env=test']);
      assert.deepEqual(userErrors, []);
      const sent = fake.engine.requests.find((r) => r.path === '/networks/prune')!;
      assert.deepEqual(JSON.parse(sent.query.filters!), { label: ['env=test'] });
      assert.deepEqual(payload!.removed, [{ id: unused.Id, name: 'prune-me' }]);
      assert.ok(fake.engine.state.findNetwork('prune-other'));
      assert.equal(fake.audit.outcomeOf('networkPrune')?.status, 'succeeded');
    });

    test('without labels, every unused network goes; used ones and the pre-defined stay', async () => {
      const used = network('prune-used');
      fake.engine.state.addService({ Name: 'api', TaskTemplate: { ContainerSpec: { Image: 'nginx' }, Networks: [{ Target: used.Id }] } });
      network('prune-b');
      network('prune-a');
      const { payload } = await prune(undefined);
      assert.deepEqual(payload!.removed.map((r: { name: string }) => r.name), ['prune-a', 'prune-b']);
      const sent = fake.engine.requests.find((r) => r.path === '/networks/prune')!;
      assert.equal(sent.query.filters, undefined);
      for (const name of ['prune-used', 'bridge', 'host', 'none', 'ingress']) assert.ok(fake.engine.state.findNetwork(name), name);
    });

    test('a selector that is not key or key=value: INVALID_VALUE, nothing sent', async () => {
      const { userErrors } = await prune(['env=test', '=x']);
      assert.deepEqual(pairs(userErrors), [['INVALID_VALUE', ['input', 'label', '1']]]);
      assert.deepEqual(fake.engine.writes(), []);
    });

    test('a label-scoped deployer is refused: FORBIDDEN, nothing sent', async () => {
      const token = await fake.tokenFor('deployer:team=payments');
      const { errorCodes } = await prune(undefined, token);
      assert.deepEqual(errorCodes, ['FORBIDDEN']);
      assert.deepEqual(fake.engine.writes(), []);
    });
  });
});
