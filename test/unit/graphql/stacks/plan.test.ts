// stackPlan's resolver over a prepared stack given by hand (stackPlanResolver takes the
// preparation as a step), against a fake engine: each object's action, services first then
// networks, secrets and configs by name; an updated service's spec difference and the tasks the
// swarm would replace (image: all; labels or replicas only: none; placement only: those on a
// node that no longer meets it); the policy's additions per service; the deploy's refusals as
// userErrors with everything else empty; tasks read in one engine call for the whole stack.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import pino from 'pino';
import { parseConfig } from '../../../../src/config/config.ts';
import { EngineRegistry } from '../../../../src/docker/registry.ts';
import type { Service, ServiceSpec } from '../../../../src/docker/engine-api/index.ts';
import { UserInputError } from '../../../../src/errors/gateway-error.ts';
import { parseGrant } from '../../../../src/grants/grant.ts';
import { createContext, type GatewayContext } from '../../../../src/graphql/context.ts';
import { stackPlanResolver } from '../../../../src/graphql/stacks/plan.ts';
import type { PreparedService, PreparedStack } from '../../../../src/graphql/stacks/prepared-stack.ts';
import type { Rollouts } from '../../../../src/rollouts/rollouts.ts';
import { startFakeEngine, type FakeEngine } from '../../../support/fake-engine/server.ts';
import { FakeSwarm, serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { recordingAudit } from '../../../support/fake-gateway.ts';

const NS = 'com.docker.stack.namespace';

describe('stackPlan over a prepared stack', () => {
  let engine: FakeEngine;
  let registry: EngineRegistry;
  let config: ReturnType<typeof parseConfig>;
  before(async () => {
    engine = await startFakeEngine({ state: FakeSwarm.create({ managers: ['manager-1'], workers: ['worker-1'] }) });
    config = parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engine.url }] }], engine: { watch: { enabled: false } }, logLevel: 'silent' });
    registry = new EngineRegistry(config);
  });
  after(() => engine.close());
  beforeEach(() => {
    for (const s of [...engine.state.services.values()]) engine.state.removeService(s);
    engine.clearRequests();
  });

  const contextFor = (grant: string): GatewayContext =>
    createContext(
      { registry, guardrails: config.guardrails, auth: config.auth, audit: recordingAudit(), database: null, rollouts: {} as Rollouts, logger: pino({ level: 'silent' }) },
      { requestId: 'test', principal: { id: 'token:test', kind: 'token', grants: [parseGrant(grant)], clientAddress: undefined }, userAgent: undefined },
    );
  const stackLabels = (stack: string, extra: Record<string, string> = {}) => ({ [NS]: stack, ...extra });
  const addService = (name: string, extra: Json = {}) => engine.state.addService(serviceSpec(name, { Labels: stackLabels(name.split('_')[0]!), ...extra })) as Service;
  const withSpec = (s: Service, change: (spec: Json) => void): ServiceSpec => {
    const spec = structuredClone(s.Spec) as Json;
    change(spec);
    return spec as ServiceSpec;
  };
  const running = (s: Service) => [...engine.state.tasks.values()].filter((t) => t.ServiceID === s.ID && t.DesiredState === 'running');
  const update = (s: Service, spec: ServiceSpec, merged: ServiceSpec = spec): PreparedService => ({ key: s.Spec.Name!.split('_')[1]!, name: s.Spec.Name!, action: 'update', current: s, merged, spec });
  const empty = (ctx: GatewayContext, namespace: string): PreparedStack => ({ loaders: ctx.loaders('fake'), namespace, warnings: [], networks: [], secrets: [], configs: [], services: [] });

  async function runPlan(ctx: GatewayContext, build: (ctx: GatewayContext) => PreparedStack | Promise<PreparedStack>, hash = () => 'a'.repeat(64)) {
    const resolver = stackPlanResolver({ prepare: async (c) => build(c), hash });
    const input = { name: 'st', compose: 'services: {}' };
    // JSON round trip: plain values only, as a client sees them.
    return JSON.parse(JSON.stringify(await resolver({}, { input }, ctx))) as Json;
  }

  test('a new stack: every object CREATE, services first then networks, secrets, configs, each by name; no stack yet; the hash and the warnings passed on', async () => {
    const ctx = contextFor('admin');
    const plan = await runPlan(ctx, (c) => ({
      ...empty(c, 'fresh'),
      warnings: [{ path: ['services', 'web', 'build'], message: 'Ignoring unsupported options: build' }],
      services: ['web', 'db'].map((key) => ({ key, name: `fresh_${key}`, action: 'create' as const, current: null, merged: serviceSpec(`fresh_${key}`) as ServiceSpec, spec: serviceSpec(`fresh_${key}`) as ServiceSpec })),
      networks: [{ key: 'default', name: 'fresh_default', action: 'create', external: false, create: { Name: 'fresh_default' } as never, current: null }],
      secrets: [
        { key: 'b', name: 'fresh_b', action: 'create', external: false, spec: null, current: null },
        { key: 'a', name: 'fresh_a', action: 'create', external: false, spec: null, current: null },
      ],
      configs: [{ key: 'c', name: 'fresh_c', action: 'create', external: false, spec: null, current: null }],
    }));
    assert.deepEqual(plan.changes.map((c: Json) => [c.kind, c.name, c.action, c.specChanges, c.replacesTasks, c.replaced]), [
      ['SERVICE', 'fresh_db', 'CREATE', [], false, []],
      ['SERVICE', 'fresh_web', 'CREATE', [], false, []],
      ['NETWORK', 'fresh_default', 'CREATE', [], false, []],
      ['SECRET', 'fresh_a', 'CREATE', [], false, []],
      ['SECRET', 'fresh_b', 'CREATE', [], false, []],
      ['CONFIG', 'fresh_c', 'CREATE', [], false, []],
    ]);
    assert.equal(plan.stack, null);
    assert.equal(plan.planHash, 'a'.repeat(64));
    assert.deepEqual(plan.warnings, ['Ignoring unsupported options: build']);
    assert.deepEqual([plan.policy, plan.userErrors], [[], []]);
    assert.deepEqual(engine.writes(), []);
  });

  test('an existing stack: image replaces every task, a label or the replicas alone none, unchanged and pruned services have no difference; the stack is shown', async () => {
    const ctx = contextFor('admin');
    const image = addService('st_image', { Mode: { Replicated: { Replicas: 2 } } });
    const label = addService('st_label', { Mode: { Replicated: { Replicas: 2 } } });
    const replicas = addService('st_replicas');
    const same = addService('st_same');
    const pruned = addService('st_pruned');
    const plan = await runPlan(ctx, (c) => ({
      ...empty(c, 'st'),
      services: [
        update(image, withSpec(image, (s) => (s.TaskTemplate.ContainerSpec.Image = 'busybox:2'))),
        update(label, withSpec(label, (s) => (s.Labels.tier = 'web'))),
        update(replicas, withSpec(replicas, (s) => (s.Mode.Replicated.Replicas = 3))),
        { key: 'same', name: 'st_same', action: 'unchanged', current: same, merged: same.Spec, spec: same.Spec },
        { key: 'pruned', name: 'st_pruned', action: 'remove', current: pruned, merged: null, spec: null },
      ],
      networks: [{ key: 'ext', name: 'outside', action: 'unchanged', external: true, create: null, current: null }],
    }));
    const byName = Object.fromEntries(plan.changes.map((c: Json) => [c.name, c]));
    assert.deepEqual(plan.changes.map((c: Json) => [c.kind, c.name, c.action]), [
      ['SERVICE', 'st_image', 'UPDATE'],
      ['SERVICE', 'st_label', 'UPDATE'],
      ['SERVICE', 'st_pruned', 'REMOVE'],
      ['SERVICE', 'st_replicas', 'UPDATE'],
      ['SERVICE', 'st_same', 'UNCHANGED'],
      ['NETWORK', 'outside', 'UNCHANGED'],
    ]);
    assert.deepEqual(byName.st_image.specChanges, [{ path: 'TaskTemplate.ContainerSpec.Image', before: '"busybox:latest"', after: '"busybox:2"' }]);
    assert.equal(byName.st_image.replacesTasks, true);
    assert.deepEqual(
      byName.st_image.replaced.map((r: Json) => [r.taskId, r.slot, r.reason, r.paths]).sort(),
      running(image).map((t) => [t.ID, t.Slot, 'TASK_SPEC_CHANGED', ['TaskTemplate.ContainerSpec.Image']]).sort(),
    );
    assert.deepEqual(byName.st_label.specChanges.map((c: Json) => c.path), ['Labels.tier']);
    assert.deepEqual([byName.st_label.replacesTasks, byName.st_label.replaced], [false, []]);
    assert.deepEqual(byName.st_replicas.specChanges.map((c: Json) => c.path), ['Mode.Replicated.Replicas']);
    assert.deepEqual([byName.st_replicas.replacesTasks, byName.st_replicas.replaced], [false, []]);
    for (const name of ['st_same', 'st_pruned']) assert.deepEqual([byName[name].specChanges, byName[name].replacesTasks, byName[name].replaced], [[], false, []], name);
    assert.deepEqual(plan.stack, { cluster: 'fake', name: 'st' });
    assert.deepEqual(engine.writes(), []);
  });

  test("a label-only redeploy against a stored spec with the engine's defaults: UPDATE at the label path only, no task replaced", async () => {
    const ctx = contextFor('admin');
    // The stored spec carries what the engine fills in (serviceSpec has them: EndpointSpec.Mode,
    // Isolation, Runtime, the update configs' FailureAction and Order); the converter, like the
    // CLI, sends none of them.
    const web = addService('st_web', { Mode: { Replicated: { Replicas: 2 } } });
    const converted = withSpec(web, (s) => {
      s.Labels.tier = 'web';
      delete s.EndpointSpec;
      delete s.TaskTemplate.ContainerSpec.Isolation;
      delete s.TaskTemplate.Runtime;
      for (const c of [s.UpdateConfig, s.RollbackConfig]) {
        delete c.FailureAction;
        delete c.Order;
      }
    });
    const plan = await runPlan(ctx, (c) => ({ ...empty(c, 'st'), services: [update(web, converted)] }));
    const [change] = plan.changes;
    assert.equal(change.action, 'UPDATE');
    assert.deepEqual(change.specChanges, [{ path: 'Labels.tier', before: null, after: '"web"' }]);
    assert.deepEqual([change.replacesTasks, change.replaced], [false, []]);
  });

  test('placement only: the task on a node that no longer meets the constraint is replaced, the one on a node that does stays', async () => {
    const ctx = contextFor('admin');
    const placed = addService('st_placed', { Mode: { Replicated: { Replicas: 2 } } });
    const tasks = running(placed);
    const nodeRole = (id: string) => engine.state.nodes.get(id)!.Spec.Role;
    assert.deepEqual(tasks.map((t) => nodeRole(t.NodeID)).sort(), ['manager', 'worker']);
    const plan = await runPlan(ctx, (c) => ({ ...empty(c, 'st'), services: [update(placed, withSpec(placed, (s) => (s.TaskTemplate.Placement = { Constraints: ['node.role==worker'] })))] }));
    const [change] = plan.changes;
    assert.deepEqual(change.specChanges.map((c: Json) => c.path), ['TaskTemplate.Placement.Constraints']);
    const onManager = tasks.find((t) => nodeRole(t.NodeID) === 'manager')!;
    assert.deepEqual(change.replaced.map((r: Json) => [r.taskId, r.nodeId, r.reason]), [[onManager.ID, onManager.NodeID, 'PLACEMENT_NOT_MET']]);
    assert.equal(change.replacesTasks, true);
  });

  test("the policy's additions: one ADDED finding per path it set, naming the service; the difference is against what would be sent", async () => {
    const ctx = contextFor('admin');
    const guarded = addService('st_guarded');
    const merged = withSpec(guarded, (s) => (s.TaskTemplate.ContainerSpec.Image = 'busybox:2'));
    const spec = withSpec(guarded, (s) => {
      s.TaskTemplate.ContainerSpec.Image = 'busybox:2';
      s.TaskTemplate.Placement = { Constraints: ['node.role==worker'] };
    });
    const created = serviceSpec('st_new') as ServiceSpec;
    const createdSent = withSpec({ Spec: created } as Service, (s) => (s.TaskTemplate.ContainerSpec.ReadOnly = true));
    const plan = await runPlan(ctx, (c) => ({
      ...empty(c, 'st'),
      services: [update(guarded, spec, merged), { key: 'new', name: 'st_new', action: 'create', current: null, merged: created, spec: createdSent }],
    }));
    assert.deepEqual(plan.policy, [
      { kind: 'ADDED', path: 'TaskTemplate.Placement.Constraints', field: null, message: 'The guardrail policy sets TaskTemplate.Placement.Constraints of service st_guarded to ["node.role==worker"] before sending (it was absent).' },
      { kind: 'ADDED', path: 'TaskTemplate.ContainerSpec.ReadOnly', field: null, message: 'The guardrail policy sets TaskTemplate.ContainerSpec.ReadOnly of service st_new to true before sending (it was absent).' },
    ]);
    const guardedChange = plan.changes.find((c: Json) => c.name === 'st_guarded');
    assert.deepEqual(guardedChange.specChanges.map((c: Json) => c.path), ['TaskTemplate.ContainerSpec.Image', 'TaskTemplate.Placement.Constraints']);
  });

  test("the deploy's refusals: userErrors, the GUARDRAIL ones as REFUSED findings, every other field empty; another failure is no userError", async () => {
    const ctx = contextFor('admin');
    addService('st_web');
    const refusal = new UserInputError([
      { field: ['input', 'compose', 'services', 'web', 'privileged'], code: 'GUARDRAIL', message: 'privileged containers are not allowed' },
      { field: ['input', 'compose', 'services', 'db', 'image'], code: 'COMPOSE_INVALID', message: 'image is required' },
    ]);
    const plan = await runPlan(ctx, () => {
      throw refusal;
    });
    assert.deepEqual(plan, {
      stack: null,
      changes: [],
      policy: [{ kind: 'REFUSED', path: null, field: ['input', 'compose', 'services', 'web', 'privileged'], message: 'privileged containers are not allowed' }],
      warnings: [],
      planHash: '',
      userErrors: refusal.userErrors,
    });
    await assert.rejects(runPlan(ctx, () => { throw new Error('engine down'); }), /engine down/);
  });

  test("the stack is shown only when the caller may read an object of it", async () => {
    addService('st_other', { Labels: stackLabels('st', { team: 'shipping' }) });
    const scoped = contextFor('deployer:team=payments');
    const plan = await runPlan(scoped, (c) => empty(c, 'st'));
    assert.equal(plan.stack, null);
    const admin = await runPlan(contextFor('admin'), (c) => empty(c, 'st'));
    assert.deepEqual(admin.stack, { cluster: 'fake', name: 'st' });
  });

  test('the tasks of every updated service are read in one engine call', async () => {
    const ctx = contextFor('admin');
    const services = ['a', 'b', 'c'].map((k) => addService(`st_${k}`));
    engine.clearRequests();
    const plan = await runPlan(ctx, (c) => ({ ...empty(c, 'st'), services: services.map((s) => update(s, withSpec(s, (spec) => (spec.TaskTemplate.ContainerSpec.Image = 'busybox:2')))) }));
    assert.equal(plan.changes.filter((c: Json) => c.replacesTasks).length, 3);
    const taskCalls = engine.requests.filter((r) => r.method === 'GET' && /\/tasks$/.test(r.path));
    assert.equal(taskCalls.length, 1);
  });
});
