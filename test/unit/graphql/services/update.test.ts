// serviceUpdate against a fake engine: the whole new spec sent at the version read (what
// was not asked for stays), force redeploy (ForceUpdate + 1, every task replaced),
// version conflicts (the caller's stale version before the engine is asked, the engine's
// "update out of sequence" after), bad input with nothing sent, what an operator may
// change, label scopes, NOT_FOUND, and the audit outcome.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { outOfSequence } from '../../../support/fake-engine/server.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

const SERVICE = 'service { id name version image replicas } warnings';

describe('serviceUpdate', () => {
  let fg: FakeGateway;
  let netA: Json;
  let netB: Json;
  before(async () => {
    fg = await startFakeGateway();
    for (const name of ['upd-net-a', 'upd-net-b']) {
      const network = swarmNetwork(fg.engine.state, { Name: name, Driver: 'overlay' });
      fg.engine.state.networks.set(network.Id, network);
    }
    netA = fg.engine.state.findNetwork('upd-net-a')!;
    netB = fg.engine.state.findNetwork('upd-net-b')!;
  });
  after(() => fg?.stop());
  beforeEach(() => {
    fg.engine.clearRequests();
    fg.audit.clear();
  });
  const updates = () => fg.engine.writes().filter((r) => /^\/services\/[^/]+\/update$/.test(r.path));
  const addService = (name: string, extra: Json = {}) => fg.engine.state.addService(serviceSpec(name, extra));

  test('image, replicas, networks, ports, env and labels change together; the rest of the spec is sent as it was', async () => {
    const created = addService('upd', {
      Labels: { x: '1', keep: 'yes' },
      TaskTemplate: { ...serviceSpec('upd').TaskTemplate, ContainerSpec: { Image: 'busybox:1', Args: ['sleep', '1d'], Env: ['A=1', 'B=2'] }, Networks: [{ Target: netA.Id }] },
      EndpointSpec: { Mode: 'vip', Ports: [{ Protocol: 'tcp', TargetPort: 90, PublishedPort: 8090, PublishMode: 'ingress' }] },
    });
    const before = structuredClone(created);
    const answer = await fg.mutate('serviceUpdate', {
      id: 'upd',
      image: 'busybox:2',
      replicas: 2,
      networkAdd: [{ target: 'upd-net-b', aliases: ['b-alias'] }],
      networkRemove: ['upd-net-a'],
      publishAdd: ['8091:91/udp'],
      publishRemove: ['90'],
      envAdd: ['C=3', 'A=9'],
      envRemove: ['B'],
      labels: { add: [{ key: 'y', value: '2' }], remove: ['x'] },
    }, SERVICE);
    assert.deepEqual(answer.userErrors, []);
    const [sent] = updates();
    assert.equal(updates().length, 1);
    assert.equal(sent!.path, `/services/${created.ID}/update`);
    assert.equal(sent!.query.version, String(before.Version.Index));
    const spec = sent!.body as Json;
    assert.equal(spec.TaskTemplate.ContainerSpec.Image, 'busybox:2');
    assert.deepEqual(spec.Mode, { Replicated: { Replicas: 2 } });
    assert.deepEqual(spec.TaskTemplate.Networks, [{ Target: netB.Id, Aliases: ['b-alias'] }]);
    assert.deepEqual(spec.EndpointSpec.Ports, [{ Protocol: 'udp', TargetPort: 91, PublishedPort: 8091, PublishMode: 'ingress' }]);
    assert.deepEqual([...spec.TaskTemplate.ContainerSpec.Env].sort(), ['A=9', 'C=3']);
    assert.deepEqual(spec.Labels, { keep: 'yes', y: '2' });
    // What was not asked for is sent back as the engine had it.
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Args, ['sleep', '1d']);
    assert.deepEqual(spec.UpdateConfig, before.Spec.UpdateConfig);
    assert.deepEqual(spec.RollbackConfig, before.Spec.RollbackConfig);
    assert.equal(spec.TaskTemplate.ForceUpdate, 0);
    // The payload is the service read after the change.
    const stored = fg.engine.state.findService('upd')!;
    assert.deepEqual(answer.payload!.service, { id: created.ID, name: 'upd', version: stored.Version.Index, image: 'busybox:2', replicas: 2 });
    const outcome = fg.audit.outcomeOf('serviceUpdate')!;
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(outcome.objectIds, [created.ID]);
    assert.equal(fg.audit.intents[0]!.target, 'upd');
  });

  test('a spec whose networks are in the deprecated Spec.Networks (behind an empty TaskTemplate.Networks): the update moves them to TaskTemplate.Networks', async () => {
    addService('legacy', { Networks: [{ Target: netA.Id, Aliases: ['old'] }], TaskTemplate: { ...serviceSpec('legacy').TaskTemplate, Networks: [] } });
    const read = await fg.gql('{ service(id: "legacy") { networks { networkId aliases } } }');
    assert.deepEqual(read.data.service.networks, [{ networkId: netA.Id, aliases: ['old'] }]);
    const answer = await fg.mutate('serviceUpdate', { id: 'legacy', networkAdd: [{ target: 'upd-net-b' }] }, SERVICE);
    assert.deepEqual(answer.userErrors, []);
    const spec = updates()[0]!.body as Json;
    assert.equal(spec.Networks, undefined);
    assert.deepEqual(spec.TaskTemplate.Networks, [{ Target: netA.Id, Aliases: ['old'] }, { Target: netB.Id }].sort((a, b) => (a.Target < b.Target ? -1 : 1)));
  });

  test('force: ForceUpdate goes up by one, nothing else changes, and the engine replaces every task', async () => {
    const created = addService('forced', { Mode: { Replicated: { Replicas: 2 } } });
    const tasksBefore = [...fg.engine.state.tasks.values()].filter((t) => t.ServiceID === created.ID && t.DesiredState === 'running').map((t) => t.ID);
    const specBefore = structuredClone(created.Spec);
    const answer = await fg.mutate('serviceUpdate', { id: 'forced', force: true }, SERVICE);
    assert.deepEqual(answer.userErrors, []);
    const spec = updates()[0]!.body as Json;
    assert.equal(spec.TaskTemplate.ForceUpdate, 1);
    assert.deepEqual({ ...spec, TaskTemplate: { ...spec.TaskTemplate, ForceUpdate: 0 } }, specBefore);
    const tasksAfter = [...fg.engine.state.tasks.values()].filter((t) => t.ServiceID === created.ID && t.DesiredState === 'running').map((t) => t.ID);
    assert.equal(tasksAfter.length, 2);
    assert.ok(tasksAfter.every((id) => !tasksBefore.includes(id)));
    // A second force goes on counting.
    fg.engine.clearRequests();
    await fg.mutate('serviceUpdate', { id: 'forced', force: true }, SERVICE);
    assert.equal((updates()[0]!.body as Json).TaskTemplate.ForceUpdate, 2);
  });

  test('a version other than the current one is VERSION_CONFLICT at input.version before the engine is asked', async () => {
    const created = addService('stale');
    const answer = await fg.mutate('serviceUpdate', { id: 'stale', envAdd: ['E=5'], version: created.Version.Index - 1 }, SERVICE);
    assert.equal(answer.payload!.service, null);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'version'], 'VERSION_CONFLICT']]);
    assert.deepEqual(updates(), []);
    assert.equal(fg.audit.outcomeOf('serviceUpdate')!.errorCode, 'VERSION_CONFLICT');
  });

  test('the engine\'s "update out of sequence" (a change meanwhile) is VERSION_CONFLICT at input.version too', async () => {
    addService('raced');
    const restore = fg.engine.override('POST', '/services/:id/update', () => {
      throw outOfSequence();
    });
    try {
      const answer = await fg.mutate('serviceUpdate', { id: 'raced', envAdd: ['E=5'] }, SERVICE);
      assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'version'], 'VERSION_CONFLICT']]);
      assert.match(answer.userErrors[0]!.message, /update out of sequence/);
      assert.equal(updates().length, 1);
    } finally {
      restore();
    }
  });

  test('bad input: userErrors at their fields and the engine asked nothing', async () => {
    addService('checked');
    const answer = await fg.mutate('serviceUpdate', { id: 'checked', replicas: -1, publishAdd: ['70000:80'], envAdd: ['=x'] }, SERVICE);
    const got = answer.userErrors.map((e) => `${e.field?.join('.')}:${e.code}`).sort();
    assert.ok(got.includes('input.replicas:INVALID_VALUE'), got.join());
    assert.ok(got.includes('input.publishAdd.0:INVALID_PORT'), got.join());
    assert.deepEqual(fg.engine.requests, []);
  });

  test('an unknown network to add is REFERENCE_NOT_FOUND at its target; nothing sent', async () => {
    addService('netless');
    const answer = await fg.mutate('serviceUpdate', { id: 'netless', networkAdd: [{ target: 'no-such-net' }] }, SERVICE);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'networkAdd', '0', 'target'], 'REFERENCE_NOT_FOUND']]);
    assert.deepEqual(updates(), []);
  });

  test('an unknown service is NOT_FOUND', async () => {
    const answer = await fg.mutate('serviceUpdate', { id: 'no-such-service', replicas: 2 }, SERVICE);
    assert.deepEqual(answer.errorCodes, ['NOT_FOUND']);
    assert.deepEqual(updates(), []);
    assert.equal(fg.audit.outcomeOf('serviceUpdate')!.status, 'failed');
  });

  test('an operator changes image, env, replicas and force; labels or ports are NOT_PERMITTED at their fields', async () => {
    addService('ops');
    const token = await fg.tokenFor('operator');
    const allowed = await fg.mutate('serviceUpdate', { id: 'ops', image: 'busybox:3', envAdd: ['Z=1'], replicas: 2, force: true }, SERVICE, { token });
    assert.deepEqual(allowed.userErrors, []);
    assert.equal(updates().length, 1);
    fg.engine.clearRequests();
    const refused = await fg.mutate('serviceUpdate', { id: 'ops', labels: { add: [{ key: 'a', value: 'b' }] }, publishAdd: ['8099:99'] }, SERVICE, { token });
    assert.deepEqual(refused.userErrors.map((e) => [e.field, e.code]).sort(), [[['input', 'labels'], 'NOT_PERMITTED'], [['input', 'publishAdd'], 'NOT_PERMITTED']]);
    assert.deepEqual(updates(), []);
  });

  test('an operator\'s chatops update may wait for its rollout and set its deadline: neither is a spec field', async () => {
    addService('ops-wait');
    const token = await fg.tokenFor('operator');
    const answer = await fg.mutate('serviceUpdate', { id: 'ops-wait', image: 'busybox:4', wait: 1, deadline: 60 }, SERVICE, { token });
    assert.deepEqual(answer.userErrors, []);
    assert.equal(updates().length, 1);
  });

  test('a viewer may not update: FORBIDDEN, nothing sent, the refusal audited', async () => {
    addService('viewed');
    const answer = await fg.mutate('serviceUpdate', { id: 'viewed', replicas: 3 }, SERVICE, { token: await fg.tokenFor('viewer') });
    assert.deepEqual(answer.errorCodes, ['FORBIDDEN']);
    assert.deepEqual(fg.engine.writes(), []);
    assert.deepEqual(fg.audit.refusals.map((r) => [r.kind, r.operation]), [['denied', 'serviceUpdate']]);
  });

  test('a label-scoped deployer sees only its services: another team\'s is NOT_FOUND, and its own team label cannot be dropped', async () => {
    addService('pay', { Labels: { team: 'payments' } });
    addService('bill', { Labels: { team: 'billing' } });
    const token = await fg.tokenFor('deployer:team=payments');
    const other = await fg.mutate('serviceUpdate', { id: 'bill', replicas: 2 }, SERVICE, { token });
    assert.deepEqual(other.errorCodes, ['NOT_FOUND']);
    const drop = await fg.mutate('serviceUpdate', { id: 'pay', labels: { remove: ['team'] } }, SERVICE, { token });
    assert.deepEqual(drop.userErrors.map((e) => [e.field, e.code]), [[['input', 'labels', 'remove', '0'], 'SCOPE_LABEL']]);
    assert.deepEqual(updates(), []);
    const own = await fg.mutate('serviceUpdate', { id: 'pay', replicas: 2 }, SERVICE, { token });
    assert.deepEqual(own.userErrors, []);
    assert.equal(updates().length, 1);
  });
});
