// stackDeploy and stackRemove on a real swarm (1 manager + 1 worker): a stack of two services
// on a network of its own, a config from `content` and a secret from a variable
// (`environment:`), deployed through the gateway, is what `docker stack ls/services/ps` list;
// a redeploy with a change rolls the changed service out (waited for: SUCCEEDED) and leaves the
// other alone; prune removes the service the file no longer names; a secret's new data is the
// engine's refusal, answered as "use secretRotate" with no service touched; stackRemove leaves nothing
// of the stack on the engine (by the namespace label).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { engineGet } from '../../support/stack-parity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sd-stack-deploy';
const STACK = 'sdk';
const IMAGE = 'sg-busybox:latest';
const IDLE = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;
const SECRET_VALUE = 'sd-e2e-secret-value-4711';
const NS = 'com.docker.stack.namespace';

type Json = Record<string, any>;

const DEPLOY = `mutation ($input: StackDeployInput!) { stackDeploy(input: $input) {
  stack { name services { name } networks { name } secrets { name } configs { name } }
  rollouts { serviceName kind conclusion } warnings removed { id name } userErrors { field code message } } }`;
const REMOVE = `mutation ($input: StackRemoveInput!) { stackRemove(input: $input) { removed { id name } userErrors { field code message } } }`;

function composeOf(opts: { webEnv?: string; worker?: boolean }): string {
  const lines = [
    'version: "3.9"',
    'services:',
    '  web:',
    `    image: ${IMAGE}`,
    `    command: ${IDLE}`,
    ...(opts.webEnv ? ['    environment:', `      - ${opts.webEnv}`] : []),
    '    networks: [back]',
    '    configs:',
    '      - source: app',
    '        target: /etc/app.conf',
    '    secrets:',
    '      - db',
    '    deploy:',
    '      replicas: 1',
    '      update_config:',
    '        delay: 0s',
    '        monitor: 1s',
  ];
  if (opts.worker !== false) lines.push('  worker:', `    image: ${IMAGE}`, `    command: ${IDLE}`, '    networks: [back]', '    deploy:', '      replicas: 1');
  lines.push('networks:', '  back: {}', 'configs:', '  app:', '    content: "port=80"', 'secrets:', '  db:', '    environment: DB_PASSWORD', '');
  return lines.join('\n');
}

describe('stackDeploy and stackRemove on a real swarm', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    gw = await startGateway(configFor([swarm]));
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  const deploy = async (compose: string, extra: Json = {}): Promise<Json> =>
    expectData(await gw.gql(DEPLOY, { input: { name: STACK, compose, variables: [{ name: 'DB_PASSWORD', value: SECRET_VALUE }], ...extra } })).stackDeploy as Json;
  const labelled = async (path: string) => (await engineGet(manager, `${path}?filters=${encodeURIComponent(JSON.stringify({ label: [`${NS}=${STACK}`] }))}`)) as Json[];
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

  test('a deploy creates the network, the config, the secret and both services; the docker CLI lists the stack', async () => {
    const answer = await deploy(composeOf({}), { wait: 120 });
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(answer.rollouts.map((r: Json) => [r.serviceName, r.kind, r.conclusion]), [
      [`${STACK}_web`, 'CREATE', 'SUCCEEDED'],
      [`${STACK}_worker`, 'CREATE', 'SUCCEEDED'],
    ]);
    assert.deepEqual(answer.stack.services.map((s: Json) => s.name), [`${STACK}_web`, `${STACK}_worker`]);
    assert.deepEqual(answer.stack.networks.map((n: Json) => n.name), [`${STACK}_back`]);
    assert.deepEqual(answer.stack.secrets.map((s: Json) => s.name), [`${STACK}_db`]);
    assert.deepEqual(answer.stack.configs.map((c: Json) => c.name), [`${STACK}_app`]);

    assert.ok(lines(await dockerOk(manager, ['stack', 'ls', '--format', '{{.Name}} {{.Services}}'])).includes(`${STACK} 2`));
    assert.deepEqual(lines(await dockerOk(manager, ['stack', 'services', STACK, '--format', '{{.Name}} {{.Replicas}}'])).sort(), [`${STACK}_web 1/1`, `${STACK}_worker 1/1`]);
    const ps = lines(await dockerOk(manager, ['stack', 'ps', STACK, '--filter', 'desired-state=running', '--format', '{{.Name}} {{.CurrentState}}']));
    assert.equal(ps.length, 2, ps.join('\n'));
    assert.ok(ps.every((l) => /Running/.test(l)), ps.join('\n'));

    const web = await engineGet(manager, `/services/${STACK}_web`);
    const network = (await labelled('/networks'))[0]!;
    assert.equal(web.Spec.TaskTemplate.Networks[0].Target, network.Id);
    assert.equal(web.Spec.TaskTemplate.ContainerSpec.Secrets[0].SecretName, `${STACK}_db`);
    assert.equal(Buffer.from((await labelled('/configs'))[0]!.Spec.Data, 'base64').toString(), 'port=80');
  });

  test('a redeploy with a change rolls out only the changed service, waited for to SUCCEEDED', async () => {
    const workerTasks = async () => {
      const filters = encodeURIComponent(JSON.stringify({ service: [`${STACK}_worker`], 'desired-state': ['running'] }));
      return ((await engineGet(manager, `/tasks?filters=${filters}`)) as Json[]).map((t) => t.ID).sort();
    };
    const before = await workerTasks();
    const answer = await deploy(composeOf({ webEnv: 'MODE=two' }), { wait: 120 });
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(answer.rollouts.map((r: Json) => [r.serviceName, r.kind, r.conclusion]), [[`${STACK}_web`, 'UPDATE', 'SUCCEEDED']]);
    const web = await engineGet(manager, `/services/${STACK}_web`);
    assert.deepEqual(web.Spec.TaskTemplate.ContainerSpec.Env, ['MODE=two']);
    // The worker was not sent an update (no previous spec) and runs the same task.
    assert.equal((await engineGet(manager, `/services/${STACK}_worker`)).PreviousSpec, undefined);
    assert.deepEqual(await workerTasks(), before);
  });

  test('prune removes the service the file no longer names', async () => {
    const answer = await deploy(composeOf({ webEnv: 'MODE=two', worker: false }), { prune: true });
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(answer.removed.map((o: Json) => o.name), [`${STACK}_worker`]);
    assert.deepEqual((await labelled('/services')).map((s) => s.Spec.Name), [`${STACK}_web`]);
  });

  test("a secret's new data is refused by the engine: the answer says to rotate it, and the services are not touched", async () => {
    const web = await engineGet(manager, `/services/${STACK}_web`);
    const answer = expectData(await gw.gql(DEPLOY, { input: { name: STACK, compose: composeOf({ webEnv: 'MODE=two', worker: false }), variables: [{ name: 'DB_PASSWORD', value: 'another-value' }] } })).stackDeploy as Json;
    assert.deepEqual(answer.userErrors.map((e: Json) => [e.code, e.field]), [['INVALID_VALUE', ['input', 'compose', 'secrets', 'db']]]);
    assert.match(answer.userErrors[0].message, /secretRotate/);
    assert.equal((await engineGet(manager, `/services/${STACK}_web`)).Version.Index, web.Version.Index);
  });

  test('stackRemove removes everything with the namespace label', async () => {
    const removed = expectData(await gw.gql(REMOVE, { input: { name: STACK } })).stackRemove as Json;
    assert.deepEqual(removed.userErrors, []);
    assert.deepEqual(removed.removed.map((o: Json) => o.name), [`${STACK}_web`, `${STACK}_db`, `${STACK}_app`, `${STACK}_back`]);
    for (const path of ['/services', '/networks', '/secrets', '/configs']) {
      await waitFor(`no ${path} labelled ${STACK}`, async () => (await labelled(path)).length === 0, 30_000);
    }
  });
});
