// A label-scoped deployer's stacks on a real swarm (one manager): every object of its stack
// carries its label (read from the Engine API); a compose file naming another team's external
// network is refused with nothing created; a guardrail violation in one of three services
// refuses the whole stack (GUARDRAIL at that service's compose path) with nothing created; and
// removing another team's stack, or a stack holding an object outside its scope, is refused
// with nothing removed.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, type GqlResponse, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { objectCount, readStack } from '../../support/stack-parity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'pe-scoped';
const IDLE = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;

type Json = Record<string, any>;

const DEPLOY = 'mutation($i: StackDeployInput!) { stackDeploy(input: $i) { stack { name services { name } } userErrors { field code message } } }';
const REMOVE = 'mutation($i: StackRemoveInput!) { stackRemove(input: $i) { removed { id name } userErrors { field code message } } }';

/** A service of the harness's image, kept running, with extra compose lines (indented under the service). */
const service = (key: string, extra = '') => `  ${key}:\n    image: sg-busybox:latest\n    command: ${IDLE}\n    deploy:\n      replicas: 1\n${extra}`;

describe("a label-scoped deployer's stacks on a real swarm", () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let payments: string;
  let billing: string;

  async function deploy(name: string, compose: string, token: string, variables: { name: string; value: string }[] = []): Promise<Json> {
    return expectData(await gw.gql(DEPLOY, { i: { name, compose, variables } }, { token })).stackDeploy;
  }

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    gw = await startGateway(configFor([swarm]));
    payments = await tokenFor(['deployer:team=payments']);
    billing = await tokenFor(['deployer:team=billing']);
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test("the deployer's stack: its services, networks, secrets and configs all carry team=payments", async () => {
    const compose = [
      'version: "3.9"',
      'services:',
      service('api', '    networks: [backend]\n    secrets: [db_password]\n    configs: [api_conf]\n'),
      service('worker', '    networks: [backend]\n'),
      'networks:',
      '  backend: {}',
      'secrets:',
      '  db_password:',
      '    environment: DB_PASSWORD',
      'configs:',
      '  api_conf:',
      '    content: "port=8080"',
      '',
    ].join('\n');
    const res = await deploy('pay', compose, payments, [{ name: 'DB_PASSWORD', value: 'pw-Zr5tKq1' }]);
    assert.deepEqual(res.userErrors, []);
    assert.deepEqual(res.stack.services.map((s: Json) => s.name).sort(), ['pay_api', 'pay_worker']);

    const r = await readStack(manager, 'pay');
    const labelled = [
      ...r.services.map((s: Json) => [`service ${s.Spec.Name}`, s.Spec.Labels]),
      ...r.networks.map((n: Json) => [`network ${n.Name}`, n.Labels]),
      ...r.secrets.map((s: Json) => [`secret ${s.Spec.Name}`, s.Spec.Labels]),
      ...r.configs.map((c: Json) => [`config ${c.Spec.Name}`, c.Spec.Labels]),
    ];
    assert.deepEqual(labelled.map(([what]) => what).sort(), [
      'config pay_api_conf', 'network pay_backend', 'secret pay_db_password', 'service pay_api', 'service pay_worker',
    ]);
    for (const [what, labels] of labelled) {
      assert.equal(labels?.team, 'payments', `${what} lacks team=payments: ${JSON.stringify(labels)}`);
      assert.equal(labels?.['com.docker.stack.namespace'], 'pay', `${what}: ${JSON.stringify(labels)}`);
    }
  });

  test("another team's external network: refused, nothing created", async () => {
    await dockerOk(manager, ['network', 'create', '--driver', 'overlay', '--label', 'team=other', 'other-net']);
    const compose = [
      'version: "3.9"',
      'services:',
      service('web', '    networks: [shared]\n'),
      'networks:',
      '  shared:',
      '    external: true',
      '    name: other-net',
      '',
    ].join('\n');
    const res = await deploy('pay-ext', compose, payments);
    assert.equal(res.stack, null);
    // Exactly what a network that does not exist gets: nothing says it is another team's.
    assert.deepEqual(res.userErrors.map((e: Json) => [e.code, e.field]), [['REFERENCE_NOT_FOUND', ['input', 'compose', 'networks', 'shared']]], JSON.stringify(res.userErrors));
    assert.doesNotMatch(JSON.stringify(res.userErrors), /team=other|other's/);
    assert.equal(objectCount(await readStack(manager, 'pay-ext')), 0);
  });

  test('a guardrail violation in one of three services refuses the whole stack, nothing created', async () => {
    const compose = [
      'version: "3.9"',
      'services:',
      service('front', '    networks: [app]\n'),
      service('middle', '    networks: [app]\n    volumes:\n      - /etc:/host-etc:ro\n'),
      service('back', '    networks: [app]\n'),
      'networks:',
      '  app: {}',
      'configs:',
      '  settings:',
      '    content: "x=1"',
      '',
    ].join('\n');
    const res = await deploy('pay-bad', compose, payments);
    assert.equal(res.stack, null);
    // One refusal, at the offending volume of the offending service; the two clean services and the file's network and config were not created either.
    assert.deepEqual(res.userErrors.map((e: Json) => [e.code, e.field]), [['GUARDRAIL', ['input', 'compose', 'services', 'middle', 'volumes', '0']]], JSON.stringify(res.userErrors));
    assert.match(res.userErrors[0].message, /^Guardrail no-host-bind-mounts:/);
    assert.equal(objectCount(await readStack(manager, 'pay-bad')), 0);
  });

  test("stackRemove of another team's stack, or of a stack holding an object outside the scope: refused, nothing removed", async () => {
    const billed = await deploy('bill', ['version: "3.9"', 'services:', service('ledger'), ''].join('\n'), billing);
    assert.deepEqual(billed.userErrors, []);
    const before = await readStack(manager, 'bill');
    assert.equal(before.services.length, 1);

    // billing's stack is, to payments, a stack that does not exist: the same NOT_FOUND, nothing removed.
    const res: GqlResponse = await gw.gql(REMOVE, { i: { name: 'bill' } }, { token: payments });
    const missing: GqlResponse = await gw.gql(REMOVE, { i: { name: 'nope' } }, { token: payments });
    const answer = (r: GqlResponse, name: string) => ({ data: r.data, errors: r.errors?.map((e) => ({ code: e.extensions?.code, message: e.message.replace(name, '<name>') })) });
    assert.deepEqual(answer(res, 'bill'), answer(missing, 'nope'), `payments' stackRemove of billing's stack: ${JSON.stringify(res)}`);
    assert.deepEqual(res.errors?.map((e) => e.extensions?.code), ['NOT_FOUND'], JSON.stringify(res));
    assert.equal(objectCount(await readStack(manager, 'bill')), objectCount(before));

    // A stack the admin deployed with the Docker CLI, one service the payments team's and one not.
    const mixed = [
      'version: "3.9"',
      'services:',
      service('pay', '      labels:\n        team: payments\n'),
      service('other', '      labels:\n        team: other\n'),
      '',
    ].join('\n');
    await dockerOk(manager, ['network', 'create', '--driver', 'overlay', '--label', 'team=payments', '--label', 'com.docker.stack.namespace=mixed', 'mixed_default']);
    const dir = await mkdtemp(path.join(tmpdir(), 'sg-stack-scoped-'));
    await writeFile(path.join(dir, 'compose.yml'), mixed);
    await dockerOk(manager, ['stack', 'deploy', '--resolve-image', 'never', '-c', path.join(dir, 'compose.yml'), 'mixed']);
    await rm(dir, { recursive: true, force: true });
    const mixedBefore = await readStack(manager, 'mixed');
    assert.equal(mixedBefore.services.length, 2);

    const mixedRes = expectData(await gw.gql(REMOVE, { i: { name: 'mixed' } }, { token: payments })).stackRemove;
    assert.deepEqual(mixedRes.userErrors.map((e: Json) => e.code), ['IN_USE'], JSON.stringify(mixedRes.userErrors));
    assert.deepEqual(mixedRes.removed, []);
    assert.doesNotMatch(mixedRes.userErrors[0].message, /mixed_other/);
    assert.equal(objectCount(await readStack(manager, 'mixed')), objectCount(mixedBefore));
  });
});
