// stackPlan through the gateway against the fake engine, with the compose conversion stubbed at
// its seam (stackConversion), so these tests are about the plan and the deploy that follows it:
// a new stack planned all CREATE, changing nothing and not audited; its hash deploys it; a
// redeploy planned as it is is UNCHANGED; an image change shows its difference and the tasks it
// replaces; a change made in between is PLAN_STALE with nothing sent; the policy's additions and
// refusals are the deploy's; a viewer may not plan.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { convertComposeText, stackConversion } from '../../../../src/graphql/stacks/prepare.ts';
import type { StackResources, StackService } from '../../../../src/docker/stack/stack-resources.ts';
import type { ServiceSpec } from '../../../../src/docker/engine-api/index.ts';

const NS = 'com.docker.stack.namespace';
const PLAN = `query ($input: StackDeployInput!) { stackPlan(input: $input) {
  stack { name services { name } }
  changes { kind name action specChanges { path before after } replacesTasks replaced { slot nodeId taskId reason paths } }
  policy { kind path field message } warnings planHash userErrors { field code message } } }`;

function service(key: string, image = 'nginx:1', extra: Partial<ServiceSpec> = {}): StackService {
  const spec = serviceSpec(`pl_${key}`, {
    Labels: { [NS]: 'pl', 'com.docker.stack.image': image },
    TaskTemplate: { ContainerSpec: { Image: image, Labels: { [NS]: 'pl' } }, Networks: [{ Target: 'pl_default', Aliases: [key] }], ForceUpdate: 0 },
    Mode: { Replicated: { Replicas: 2 } },
    ...extra,
  }) as ServiceSpec;
  return { key, name: `pl_${key}`, spec };
}

function resources(services: StackService[]): StackResources {
  return {
    namespace: 'pl',
    networks: [
      { key: 'default', name: 'pl_default', external: false, create: { Name: 'pl_default', CheckDuplicate: true, Driver: 'overlay', Scope: 'swarm', EnableIPv6: false, IPAM: { Driver: 'default', Options: null, Config: [] }, Internal: false, Attachable: false, Ingress: false, ConfigOnly: false, ConfigFrom: null, Options: {}, Labels: { [NS]: 'pl' } } },
    ],
    secrets: [],
    configs: [{ key: 'conf', name: 'pl_conf', external: false, spec: { Name: 'pl_conf', Labels: { [NS]: 'pl' }, Data: Buffer.from('port=80').toString('base64') } }],
    services,
  };
}

describe('stackPlan through the gateway', () => {
  let fake: FakeGateway;
  let converted: StackResources;
  before(async () => {
    fake = await startFakeGateway();
    stackConversion.convert = () => ({ resources: structuredClone(converted), warnings: [{ path: ['services', 'web', 'build'], message: 'Ignoring unsupported options: build' }] });
  });
  after(async () => {
    stackConversion.convert = convertComposeText;
    await fake.stop();
  });
  beforeEach(() => {
    const state = fake.engine.state;
    for (const s of [...state.services.values()]) state.removeService(s);
    for (const n of [...state.networks.values()]) if (n.Labels?.[NS]) state.networks.delete(n.Id);
    state.secrets.clear();
    state.configs.clear();
    converted = resources([service('web'), service('worker')]);
    fake.audit.clear();
    fake.engine.clearRequests();
  });

  const input = (extra: Json = {}) => ({ name: 'pl', compose: 'version: "3.8"', ...extra });
  const plan = async (extra: Json = {}, token?: string) => {
    const res = await fake.gql(PLAN, { input: input(extra) }, token ? { token } : undefined);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.stackPlan as Json;
  };
  const deploy = (extra: Json = {}, token?: string) => fake.mutate('stackDeploy', input(extra), 'stack { name }', token ? { token } : undefined);
  const engineService = (name: string) => [...fake.engine.state.services.values()].find((s) => s.Spec.Name === name)!;
  const running = (s: Json) => [...fake.engine.state.tasks.values()].filter((t) => t.ServiceID === s.ID && t.DesiredState === 'running');

  test('a new stack: all CREATE, nothing sent, nothing audited; its hash deploys it; planned again it is UNCHANGED and shown', async () => {
    const p = await plan();
    assert.deepEqual(p.userErrors, []);
    assert.equal(p.stack, null);
    assert.deepEqual(p.changes.map((c: Json) => [c.kind, c.name, c.action]), [
      ['SERVICE', 'pl_web', 'CREATE'], ['SERVICE', 'pl_worker', 'CREATE'], ['NETWORK', 'pl_default', 'CREATE'], ['CONFIG', 'pl_conf', 'CREATE'],
    ]);
    assert.deepEqual(p.warnings, ['Ignoring unsupported options: build']);
    assert.match(p.planHash, /^[0-9a-f]{64}$/);
    assert.deepEqual(fake.engine.writes(), []);
    assert.deepEqual([fake.audit.intents, fake.audit.refusals], [[], []]);

    const deployed = await deploy({ planHash: p.planHash });
    assert.deepEqual(deployed.userErrors, []);
    assert.equal(deployed.payload!.stack.name, 'pl');

    const again = await plan();
    assert.deepEqual(again.stack, { name: 'pl', services: [{ name: 'pl_web' }, { name: 'pl_worker' }] });
    assert.deepEqual(again.changes.map((c: Json) => [c.kind, c.name, c.action, c.specChanges, c.replaced]), [
      ['SERVICE', 'pl_web', 'UNCHANGED', [], []], ['SERVICE', 'pl_worker', 'UNCHANGED', [], []], ['NETWORK', 'pl_default', 'UNCHANGED', [], []], ['CONFIG', 'pl_conf', 'UNCHANGED', [], []],
    ]);
  });

  test("an image change: the difference, every task of that service replaced, the other untouched; the hash goes through once, a change in between is PLAN_STALE with nothing sent", async () => {
    assert.deepEqual((await deploy()).userErrors, []);
    converted = resources([service('web', 'nginx:2'), service('worker')]);
    const p = await plan();
    const web = p.changes.find((c: Json) => c.name === 'pl_web');
    assert.equal(web.action, 'UPDATE');
    assert.deepEqual(web.specChanges.map((c: Json) => c.path), ['Labels.com.docker.stack.image', 'TaskTemplate.ContainerSpec.Image']);
    assert.deepEqual(web.replaced.map((r: Json) => r.taskId).sort(), running(engineService('pl_web')).map((t) => t.ID).sort());
    assert.equal(web.replacesTasks, true);
    assert.deepEqual(p.changes.find((c: Json) => c.name === 'pl_worker').action, 'UNCHANGED');

    // Someone sets a label on the service (as `docker service update --label-add` would) between the plan and the deploy.
    const scaled = engineService('pl_web');
    fake.engine.state.updateService(scaled, { ...structuredClone(scaled.Spec), Labels: { ...scaled.Spec.Labels, touched: 'by-cli' } });
    fake.engine.clearRequests();
    const stale = await deploy({ planHash: p.planHash });
    assert.deepEqual(stale.userErrors.map((e) => [e.code, e.field]), [['PLAN_STALE', ['input', 'planHash']]]);
    assert.deepEqual(fake.engine.writes(), []);

    const fresh = await plan();
    const ok = await deploy({ planHash: fresh.planHash });
    assert.deepEqual(ok.userErrors, []);
    assert.equal(engineService('pl_web').Spec.TaskTemplate.ContainerSpec.Image, 'nginx:2');
  });

  test("a guarded deployer: the policy's additions named per service; a service the policy refuses: the deploy's userErrors as REFUSED findings, the rest empty", async () => {
    const deployer = await fake.tokenFor('deployer');
    const guarded = await plan({}, deployer);
    assert.deepEqual(guarded.userErrors, []);
    assert.ok(guarded.policy.length > 0);
    for (const f of guarded.policy) assert.equal(f.kind, 'ADDED');
    assert.ok(guarded.policy.some((f: Json) => / of service pl_web /.test(f.message)), JSON.stringify(guarded.policy));
    assert.ok(guarded.policy.some((f: Json) => / of service pl_worker /.test(f.message)), JSON.stringify(guarded.policy));

    const bad = service('worker');
    bad.spec.TaskTemplate.ContainerSpec!.Mounts = [{ Type: 'bind', Source: '/etc', Target: '/host-etc', ReadOnly: true }];
    converted = resources([service('web'), bad]);
    const refused = await plan({}, deployer);
    const deployed = await deploy({}, deployer);
    assert.ok(refused.userErrors.length > 0);
    assert.deepEqual(refused.userErrors, deployed.userErrors);
    for (const e of refused.userErrors) assert.equal(e.code, 'GUARDRAIL');
    assert.deepEqual(refused.policy, refused.userErrors.map((e: Json) => ({ kind: 'REFUSED', path: null, field: e.field, message: e.message })));
    assert.deepEqual([refused.stack, refused.changes, refused.warnings, refused.planHash], [null, [], [], '']);
    assert.equal(fake.engine.state.services.size, 0);
  });

  test('a viewer may not plan a deploy', async () => {
    const res = await fake.gql(PLAN, { input: input() }, { token: await fake.tokenFor('viewer') });
    assert.equal(res.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.deepEqual(fake.engine.writes(), []);
  });
});
