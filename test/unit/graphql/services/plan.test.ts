// servicePlan and serviceUpdate's planHash against a fake engine: the plan changes nothing and
// is not audited; it shows the spec difference, the tasks the swarm would replace and what the
// policy adds; its hash lets the update through, a change in between is PLAN_STALE with nothing
// sent; its refusals are serviceUpdate's (an operator's labels, bad input).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

const PLAN = `query ($input: ServiceUpdateInput!) { servicePlan(input: $input) {
  service { id version } changes { path before after } replacesTasks replaced { slot nodeId taskId reason }
  added removed rolloutKind policy { kind path field message } planHash userErrors { field code message } } }`;

describe('servicePlan', () => {
  let fg: FakeGateway;
  before(async () => {
    fg = await startFakeGateway();
  });
  after(() => fg?.stop());
  beforeEach(() => {
    fg.engine.clearRequests();
    fg.audit.clear();
  });
  const addService = (name: string, extra: Json = {}) => fg.engine.state.addService(serviceSpec(name, extra));
  const runningTasks = (service: Json) => [...fg.engine.state.tasks.values()].filter((t) => t.ServiceID === service.ID && t.DesiredState === 'running');
  const plan = async (input: Record<string, unknown>, token?: string) => {
    const res = await fg.gql(PLAN, { input }, token ? { token } : undefined);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.servicePlan;
  };
  const updates = () => fg.engine.writes().filter((r) => /^\/services\/[^/]+\/update$/.test(r.path));

  test('a new image: the path before and after, every running task replaced, an UPDATE; nothing sent, nothing audited', async () => {
    const service = addService('plan-img', { Mode: { Replicated: { Replicas: 2 } } });
    const p = await plan({ id: 'plan-img', image: 'busybox:2' });
    assert.deepEqual(p.userErrors, []);
    assert.deepEqual(p.service, { id: service.ID, version: service.Version.Index });
    assert.deepEqual(p.changes, [{ path: 'TaskTemplate.ContainerSpec.Image', before: JSON.stringify(service.Spec.TaskTemplate.ContainerSpec.Image), after: '"busybox:2"' }]);
    assert.equal(p.replacesTasks, true);
    assert.deepEqual(
      p.replaced.map((r: Json) => [r.slot, r.taskId, r.reason]).sort(),
      runningTasks(service).map((t) => [t.Slot, t.ID, 'TASK_SPEC_CHANGED']).sort(),
    );
    assert.equal(p.rolloutKind, 'UPDATE');
    assert.match(p.planHash, /^[0-9a-f]{64}$/);
    assert.deepEqual(fg.engine.writes(), []);
    assert.deepEqual(fg.audit.intents, []);
  });

  test('service labels or replicas only: no task replaced; replicas counted as added', async () => {
    addService('plan-lbl');
    const labels = await plan({ id: 'plan-lbl', labels: { add: [{ key: 'tier', value: 'web' }] } });
    assert.deepEqual(labels.changes.map((c: Json) => c.path), ['Labels.tier']);
    assert.equal(labels.replacesTasks, false);
    assert.equal(labels.rolloutKind, null);
    const scale = await plan({ id: 'plan-lbl', replicas: 3 });
    assert.deepEqual([scale.replaced, scale.added, scale.removed, scale.rolloutKind], [[], 2, 0, 'SCALE']);
  });

  test('a guarded caller: the worker constraint the policy adds is a finding and part of the difference', async () => {
    addService('plan-pol');
    const p = await plan({ id: 'plan-pol', envAdd: ['A=1'] }, await fg.tokenFor('deployer'));
    assert.deepEqual(p.userErrors, []);
    assert.deepEqual(p.policy.map((f: Json) => [f.kind, f.path]), [['ADDED', 'TaskTemplate.Placement.Constraints']]);
    assert.match(p.policy[0].message, /node\.role==worker/);
    assert.ok(p.changes.some((c: Json) => c.path === 'TaskTemplate.Placement.Constraints' && c.after.includes('node.role==worker')));
  });

  test('the update with the plan\'s hash is sent; a change made in between is PLAN_STALE with nothing sent', async () => {
    const service = addService('plan-hash');
    const first = await plan({ id: 'plan-hash', envAdd: ['A=1'] });
    const ok = await fg.mutate('serviceUpdate', { id: 'plan-hash', envAdd: ['A=1'], planHash: first.planHash });
    assert.deepEqual(ok.userErrors, []);
    assert.equal(updates().length, 1);

    const second = await plan({ id: 'plan-hash', image: 'busybox:9' });
    fg.engine.state.updateService(service, { ...structuredClone(service.Spec), Labels: { changed: 'elsewhere' } });
    fg.engine.clearRequests();
    const stale = await fg.mutate('serviceUpdate', { id: 'plan-hash', image: 'busybox:9', planHash: second.planHash });
    assert.deepEqual(stale.userErrors.map((e) => [e.field, e.code]), [[['input', 'planHash'], 'PLAN_STALE']]);
    assert.deepEqual(updates(), []);
    // A hash of another input is stale too: the hash covers the spec that would be sent.
    const third = await plan({ id: 'plan-hash', image: 'busybox:9' });
    const other = await fg.mutate('serviceUpdate', { id: 'plan-hash', image: 'busybox:10', planHash: third.planHash });
    assert.deepEqual(other.userErrors.map((e) => e.code), ['PLAN_STALE']);
    assert.deepEqual(updates(), []);
  });

  test('an operator may plan what it may change, and gets serviceUpdate\'s refusal for the rest', async () => {
    addService('plan-ops');
    const token = await fg.tokenFor('operator');
    const allowed = await plan({ id: 'plan-ops', image: 'busybox:3', planHash: 'ignored-by-the-plan' }, token);
    assert.deepEqual(allowed.userErrors, []);
    const refused = await plan({ id: 'plan-ops', labels: { add: [{ key: 'a', value: 'b' }] } }, token);
    const update = await fg.mutate('serviceUpdate', { id: 'plan-ops', labels: { add: [{ key: 'a', value: 'b' }] } }, '__typename', { token });
    assert.deepEqual(refused.userErrors, update.userErrors);
    assert.deepEqual(refused.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'labels'], 'NOT_PERMITTED']]);
    assert.equal(refused.planHash, '');
    assert.ok(refused.service, 'the service the caller may read is shown beside the refusal');
  });

  test('a viewer may not plan: FORBIDDEN', async () => {
    addService('plan-view');
    const res = await fg.gql(PLAN, { input: { id: 'plan-view', image: 'x:1' } }, { token: await fg.tokenFor('viewer') });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('bad input: the same userErrors as serviceUpdate', async () => {
    addService('plan-bad');
    const input = { id: 'plan-bad', replicas: -1 };
    const p = await plan(input);
    const update = await fg.mutate('serviceUpdate', input);
    assert.ok(p.userErrors.length > 0);
    assert.deepEqual(p.userErrors, update.userErrors);
  });
});
