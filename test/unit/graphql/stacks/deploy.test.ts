// stackDeploy against the fake engine, with the compose conversion stubbed at its seam
// (stackConversion): these tests are about what the deploy decides and sends from converted
// resources: the order of the writes, the policy over every service before anything is sent,
// the scope's labels on everything created, foreign names never adopted, the CLI's merge
// (replicas, ForceUpdate, the pinned image), prune, the plan hash, and the audit redaction.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import { EngineError } from '../../../support/fake-engine/errors.ts';
import { Reply } from '../../../support/fake-engine/router.ts';
import { convertComposeText, stackConversion, stackPlanHash } from '../../../../src/graphql/stacks/prepare.ts';
import type { PreparedStack } from '../../../../src/graphql/stacks/prepared-stack.ts';
import type { StackResources } from '../../../../src/docker/stack/stack-resources.ts';
import type { ServiceSpec } from '../../../../src/docker/engine-api/index.ts';
import { redactInput } from '../../../../src/audit/redact.ts';

const NS = 'com.docker.stack.namespace';
const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

function service(stack: string, key: string, extra: Partial<ServiceSpec> = {}): { key: string; name: string; spec: ServiceSpec } {
  const spec = serviceSpec(`${stack}_${key}`, {
    Labels: { [NS]: stack, 'com.docker.stack.image': 'nginx:1' },
    TaskTemplate: { ContainerSpec: { Image: 'nginx:1', Labels: { [NS]: stack } }, Networks: [{ Target: `${stack}_default`, Aliases: [key] }], ForceUpdate: 0 },
    Mode: { Replicated: {} },
    ...extra,
  }) as ServiceSpec;
  return { key, name: `${stack}_${key}`, spec };
}

/** Two services on the stack's default network, one mounting a secret and a config. */
function resources(stack = 'shop', opts: { services?: ReturnType<typeof service>[]; externalNetwork?: string } = {}): StackResources {
  const web = service(stack, 'web');
  web.spec.TaskTemplate.ContainerSpec!.Secrets = [{ File: { Name: 'db', UID: '0', GID: '0', Mode: 0o444 }, SecretName: `${stack}_db`, SecretID: '' }];
  web.spec.TaskTemplate.ContainerSpec!.Configs = [{ File: { Name: '/etc/app.conf', UID: '0', GID: '0', Mode: 0o444 }, ConfigName: `${stack}_conf`, ConfigID: '' }];
  return {
    namespace: stack,
    networks: [
      { key: 'default', name: `${stack}_default`, external: false, create: { Name: `${stack}_default`, CheckDuplicate: true, Driver: 'overlay', Scope: 'swarm', EnableIPv6: false, IPAM: { Driver: 'default', Options: {}, Config: [] }, Internal: false, Attachable: false, Ingress: false, ConfigOnly: false, ConfigFrom: null, Options: {}, Labels: { [NS]: stack } } },
      ...(opts.externalNetwork ? [{ key: 'shared', name: opts.externalNetwork, external: true, create: null }] : []),
    ],
    secrets: [{ key: 'db', name: `${stack}_db`, external: false, spec: { Name: `${stack}_db`, Labels: { [NS]: stack }, Data: Buffer.from('s3cret').toString('base64') } }],
    configs: [{ key: 'conf', name: `${stack}_conf`, external: false, spec: { Name: `${stack}_conf`, Labels: { [NS]: stack }, Data: Buffer.from('port=80').toString('base64') } }],
    services: opts.services ?? [web, service(stack, 'worker')],
  };
}

describe('stackDeploy', () => {
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
    for (const n of [...state.networks.values()]) if (n.Labels?.[NS] || n.Name.startsWith('shared')) state.networks.delete(n.Id);
    state.secrets.clear();
    state.configs.clear();
    converted = resources();
    fake.audit.clear();
    fake.engine.clearRequests();
  });
  afterEach(() => fake.engine.clearRequests());

  const deploy = (input: Json = {}, token?: string) =>
    fake.mutate('stackDeploy', { name: 'shop', compose: 'version: "3.8"', ...input }, 'stack { name } rollouts { serviceName kind } warnings removed { id name }', token ? { token } : undefined);
  const writes = () => fake.engine.writes().map((r) => `${r.method} ${r.path.replace(/^\/v[\d.]+/, '').replace(/\/[0-9a-z]{25}\//, '/:id/')}`);
  const engineService = (name: string) => [...fake.engine.state.services.values()].find((s) => s.Spec.Name === name)!;

  test('creates networks, then the secret and the config, then the services in name order, each service with a rollout', async () => {
    const { payload, userErrors } = await deploy({ variables: [{ name: 'DB_PASSWORD', value: 's3cret' }] });
    assert.deepEqual(userErrors, []);
    assert.deepEqual(writes().map((w) => w.replace(/\/[^/]+\/update$/, '/:id/update')), ['POST /networks/create', 'POST /secrets/create', 'POST /configs/create', 'POST /services/create', 'POST /services/create']);
    assert.deepEqual(payload!.rollouts.map((r: Json) => r.serviceName), ['shop_web', 'shop_worker']);
    assert.deepEqual(payload!.warnings, ['Ignoring unsupported options: build']);
    const network = [...fake.engine.state.networks.values()].find((n) => n.Name === 'shop_default')!;
    const web = engineService('shop_web');
    assert.equal(web.Spec.TaskTemplate.Networks[0].Target, network.Id);
    const secret = [...fake.engine.state.secrets.values()][0]!;
    assert.equal(web.Spec.TaskTemplate.ContainerSpec.Secrets[0].SecretID, secret.ID);
    assert.equal(web.Spec.TaskTemplate.ContainerSpec.Configs[0].ConfigID, [...fake.engine.state.configs.values()][0]!.ID);
    assert.equal(fake.audit.outcomeOf('stackDeploy')!.status, 'succeeded');
    assert.equal(fake.audit.intents.at(-1)!.target, 'shop');
  });

  test('a redeploy of the same file changes nothing but the secret (verified by the engine); a scaled replica count and ForceUpdate stay', async () => {
    await deploy();
    const web = engineService('shop_web');
    fake.engine.state.updateService(web, { ...web.Spec, Mode: { Replicated: { Replicas: 5 } }, TaskTemplate: { ...web.Spec.TaskTemplate, ForceUpdate: 3 } });
    fake.engine.clearRequests();
    const { userErrors, payload } = await deploy();
    assert.deepEqual(userErrors, []);
    assert.deepEqual(writes().map((w) => w.replace(/\/[^/]+\/update$/, '/:id/update')), ['POST /secrets/:id/update']);
    assert.deepEqual(payload!.rollouts, []);
    assert.equal(engineService('shop_web').Spec.Mode.Replicated.Replicas, 5);
    assert.equal(engineService('shop_web').Spec.TaskTemplate.ForceUpdate, 3);
  });

  test('a changed service is updated at its version, keeping replicas, ForceUpdate and the pinned image', async () => {
    await deploy();
    const web = engineService('shop_web');
    fake.engine.state.updateService(web, { ...web.Spec, Mode: { Replicated: { Replicas: 4 } }, TaskTemplate: { ...web.Spec.TaskTemplate, ForceUpdate: 2, ContainerSpec: { ...web.Spec.TaskTemplate.ContainerSpec, Image: 'nginx:1@sha256:abc' } } });
    const version = String(engineService('shop_web').Version.Index);
    converted.services[0]!.spec.TaskTemplate.ContainerSpec!.Env = ['MODE=new'];
    fake.engine.clearRequests();
    const { userErrors, payload } = await deploy();
    assert.deepEqual(userErrors, []);
    const after = engineService('shop_web').Spec;
    assert.deepEqual(after.TaskTemplate.ContainerSpec.Env, ['MODE=new']);
    assert.equal(after.Mode.Replicated.Replicas, 4);
    assert.equal(after.TaskTemplate.ForceUpdate, 2);
    assert.equal(after.TaskTemplate.ContainerSpec.Image, 'nginx:1@sha256:abc');
    assert.deepEqual(payload!.rollouts.map((r: Json) => [r.serviceName, r.kind]), [['shop_web', 'UPDATE']]);
    const update = fake.engine.writes().find((r) => r.path.includes('/services/'))!;
    assert.equal(update.query.version, version);
  });

  test("one service breaking the policy refuses the whole stack, every service's violations listed, nothing sent", async () => {
    const bad = service('shop', 'bad');
    bad.spec.TaskTemplate.ContainerSpec!.Mounts = [{ Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock' }];
    const worse = service('shop', 'worse');
    worse.spec.TaskTemplate.ContainerSpec!.Mounts = [{ Type: 'bind', Source: '/', Target: '/host' }];
    converted = resources('shop', { services: [service('shop', 'web'), bad, worse] });
    const { userErrors } = await deploy({}, await fake.tokenFor('deployer'));
    const fields = userErrors.map((e: Json) => e.field.slice(0, 4).join('.'));
    assert.ok(userErrors.every((e: Json) => e.code === 'GUARDRAIL'), JSON.stringify(userErrors));
    assert.ok(fields.includes('input.compose.services.bad') && fields.includes('input.compose.services.worse'), JSON.stringify(fields));
    assert.deepEqual(fake.engine.writes(), []);
    assert.equal(fake.audit.outcomeOf('stackDeploy')!.status, 'failed');
  });

  test('a guarded deployer gets the worker constraint on every service; a network still to be created passes the policy as an overlay', async () => {
    const { userErrors } = await deploy({}, await fake.tokenFor('deployer'));
    assert.deepEqual(userErrors, []);
    for (const name of ['shop_web', 'shop_worker']) assert.ok(engineService(name).Spec.TaskTemplate.Placement.Constraints.includes('node.role==worker'));
  });

  test("a scoped deployer's labels are stamped on every network, secret, config and service the stack creates", async () => {
    const { userErrors } = await deploy({}, await fake.tokenFor('deployer:team=payments'));
    assert.deepEqual(userErrors, []);
    const state = fake.engine.state;
    assert.equal([...state.networks.values()].find((n) => n.Name === 'shop_default')!.Labels.team, 'payments');
    assert.equal([...state.secrets.values()][0]!.Spec.Labels.team, 'payments');
    assert.equal([...state.configs.values()][0]!.Spec.Labels.team, 'payments');
    for (const name of ['shop_web', 'shop_worker']) assert.equal(engineService(name).Spec.Labels.team, 'payments');
  });

  test('a scoped deployer is refused a stack holding an object outside its scope: nothing sent', async () => {
    fake.engine.state.addService(serviceSpec('shop_legacy', { Labels: { [NS]: 'shop', team: 'shipping' } }));
    const { userErrors } = await deploy({}, await fake.tokenFor('deployer:team=payments'));
    assert.deepEqual(codes(userErrors), [['IN_USE', ['input', 'name']]]);
    assert.doesNotMatch(userErrors[0]!.message, /legacy/);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('a same-named object without the namespace label is never adopted: NAME_CONFLICT at its compose key, nothing sent', async () => {
    fake.engine.state.addService(serviceSpec('shop_web'));
    fake.engine.state.secrets.set('s1', { ID: 's1', Version: { Index: 1 }, Spec: { Name: 'shop_db', Labels: {}, Data: 'eA==' } });
    const { userErrors } = await deploy();
    assert.deepEqual(codes(userErrors), [
      ['NAME_CONFLICT', ['input', 'compose', 'secrets', 'db']],
      ['NAME_CONFLICT', ['input', 'compose', 'services', 'web']],
    ]);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('an external network that does not exist is REFERENCE_NOT_FOUND at its compose key, as the CLI words it', async () => {
    converted = resources('shop', { externalNetwork: 'shared-net' });
    const { userErrors } = await deploy();
    assert.deepEqual(codes(userErrors), [['REFERENCE_NOT_FOUND', ['input', 'compose', 'networks', 'shared']]]);
    assert.match(userErrors[0]!.message, /declared as external, but could not be found/);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test("an external network outside a scoped caller's scope is as missing", async () => {
    const state = fake.engine.state;
    const shared = swarmNetwork(state, { Name: 'shared-net', Driver: 'overlay', Labels: { team: 'shipping' } });
    state.networks.set(shared.Id, shared);
    converted = resources('shop', { externalNetwork: 'shared-net' });
    const { userErrors } = await deploy({}, await fake.tokenFor('deployer:team=payments'));
    assert.deepEqual(codes(userErrors), [['REFERENCE_NOT_FOUND', ['input', 'compose', 'networks', 'shared']]]);
  });

  test("a config whose data changed is refused before anything is sent (swarmkit cannot change it)", async () => {
    await deploy();
    converted.configs[0]!.spec!.Data = Buffer.from('port=81').toString('base64');
    fake.engine.clearRequests();
    const { userErrors } = await deploy();
    assert.deepEqual(codes(userErrors), [['INVALID_VALUE', ['input', 'compose', 'configs', 'conf']]]);
    assert.match(userErrors[0]!.message, /configRotate/);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test("a secret whose data changed: the engine's refusal says to rotate it; nothing was sent before it, so nothing is listed as done", async () => {
    await deploy();
    converted.secrets[0]!.spec!.Data = Buffer.from('other').toString('base64');
    const { userErrors } = await deploy();
    assert.deepEqual(codes(userErrors), [['INVALID_VALUE', ['input', 'compose', 'secrets', 'db']]]);
    assert.match(userErrors[0]!.message, /secretRotate/);
  });

  test('a failure part-way says what was created and what was not; the audit outcome is failed', async () => {
    // The first create is answered as the engine would; the second is refused.
    const remove = fake.engine.override('POST', '/services/create', ({ body, state }) => {
      if ((body as Json).Name === 'shop_worker') throw new EngineError(400, 'rpc error: code = InvalidArgument desc = boom');
      return new Reply(201, { ID: state.addService(body as Json).ID, Warnings: null });
    });
    try {
      const { userErrors } = await deploy();
      assert.equal(userErrors.length, 1, JSON.stringify(userErrors));
      assert.deepEqual(userErrors[0]!.field, ['input', 'compose', 'services', 'worker']);
      assert.match(userErrors[0]!.message, /Done: created network "shop_default"; created secret "shop_db"; created config "shop_conf"; created service "shop_web"\. Not done: create service "shop_worker"\./);
      assert.equal(fake.audit.outcomeOf('stackDeploy')!.status, 'failed');
    } finally {
      remove();
    }
  });

  test('prune removes the stack services the file no longer names', async () => {
    const old = fake.engine.state.addService(serviceSpec('shop_old', { Labels: { [NS]: 'shop' } }));
    const { payload, userErrors } = await deploy({ prune: true });
    assert.deepEqual(userErrors, []);
    assert.deepEqual(payload!.removed, [{ id: old.ID, name: 'shop_old' }]);
    assert.equal(fake.engine.state.services.has(old.ID), false);
  });

  test('without prune, the stack services the file no longer names stay', async () => {
    const old = fake.engine.state.addService(serviceSpec('shop_old', { Labels: { [NS]: 'shop' } }));
    const { payload } = await deploy();
    assert.deepEqual(payload!.removed, []);
    assert.equal(fake.engine.state.services.has(old.ID), true);
  });

  test('a planHash that does not match is PLAN_STALE with nothing sent', async () => {
    const { userErrors } = await deploy({ planHash: 'f'.repeat(64) });
    assert.deepEqual(codes(userErrors), [['PLAN_STALE', ['input', 'planHash']]]);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('bad names and variables are refused at their fields, a bad wait at its own, before anything is read', async () => {
    assert.deepEqual(codes((await deploy({ wait: 0 })).userErrors), [['INVALID_VALUE', ['input', 'wait']]]);
    const { userErrors } = await deploy({ name: '-bad', variables: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }, { name: '1X', value: '' }] });
    assert.deepEqual(codes(userErrors).sort(), [
      ['INVALID_VALUE', ['input', 'name']],
      ['INVALID_VALUE', ['input', 'variables', '1', 'name']],
      ['INVALID_VALUE', ['input', 'variables', '2', 'name']],
    ].sort());
    assert.deepEqual(fake.engine.writes(), []);
  });
});

test('stackPlanHash changes when a version it was planned against changes, and only then', () => {
  const prepared = (version: number): PreparedStack => ({
    loaders: null as never,
    namespace: 'shop',
    warnings: [],
    networks: [],
    secrets: [],
    configs: [],
    services: [{ key: 'web', name: 'shop_web', action: 'update', current: { ID: 'svc1', Version: { Index: version } } as never, merged: null, spec: { Name: 'shop_web' } as never }],
  });
  assert.equal(stackPlanHash(prepared(1)), stackPlanHash(prepared(1)));
  assert.notEqual(stackPlanHash(prepared(1)), stackPlanHash(prepared(2)));
});

test("the audit record of a stackDeploy input has every variable's value redacted, names kept", () => {
  const redacted = redactInput({ name: 'shop', compose: 'x', variables: [{ name: 'DB_PASSWORD', value: 's3cret' }, { name: 'TAG', value: '1.2' }] }) as Json;
  assert.deepEqual(redacted.variables, [{ name: 'DB_PASSWORD', value: '[redacted]' }, { name: 'TAG', value: '[redacted]' }]);
});
