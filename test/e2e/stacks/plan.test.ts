// stackPlan against what the swarm then does (one manager): a stack of two services (2
// replicas each) is deployed, and each plan is checked against the Engine API after the deploy
// that carries its hash:
// - a label-only change is an UPDATE at the label path alone with no task replaced, and the
//   same tasks run afterwards (the engine's defaults in the stored spec are no change);
// - an env change replaces the tasks it lists (and only those: the other service's tasks stay);
// - a redeploy of the same file is UNCHANGED for every service and sends nothing;
// - a hash taken before the service is changed out of band (scaled through the Engine API) is
//   PLAN_STALE and the deploy changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { engineGet, engineRequest } from '../../support/stack-parity.ts';
import { swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sp-stack-plan';
const STACK = 'spl';
const IMAGE = 'sg-busybox:latest';
const IDLE = `["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]`;
const WEB = `${STACK}_web`;
const WORKER = `${STACK}_worker`;

type Json = Record<string, any>;

const PLAN = `query ($input: StackDeployInput!) { stackPlan(input: $input) {
  changes { kind name action specChanges { path before after } replacesTasks replaced { taskId slot reason paths } }
  planHash userErrors { field code message } } }`;
const DEPLOY = `mutation ($input: StackDeployInput!) { stackDeploy(input: $input) {
  rollouts { serviceName kind conclusion } userErrors { field code message } } }`;

function composeOf(web: { tier: string; mode: string }): string {
  const service = (name: string, tier: string, mode: string) => [
    `  ${name}:`,
    `    image: ${IMAGE}`,
    `    command: ${IDLE}`,
    '    environment:',
    `      - MODE=${mode}`,
    '    deploy:',
    '      replicas: 2',
    '      labels:',
    `        tier: ${tier}`,
    '      update_config:',
    '        parallelism: 2',
    '        delay: 0s',
    '        monitor: 1s',
  ];
  return ['version: "3.9"', 'services:', ...service('web', web.tier, web.mode), ...service('worker', 'back', 'one'), ''].join('\n');
}

describe('stackPlan against what the swarm does', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    gw = await startGateway(configFor([swarm]));
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  const plan = async (compose: string): Promise<Json> => {
    const answer = expectData(await gw.gql(PLAN, { input: { name: STACK, compose } })).stackPlan as Json;
    assert.deepEqual(answer.userErrors, []);
    return answer;
  };
  const deploy = async (compose: string, planHash?: string): Promise<Json> =>
    expectData(await gw.gql(DEPLOY, { input: { name: STACK, compose, wait: 120, ...(planHash ? { planHash } : {}) } })).stackDeploy as Json;
  const serviceChange = (answer: Json, name: string): Json => answer.changes.find((c: Json) => c.kind === 'SERVICE' && c.name === name);
  /** The IDs of the service's tasks the swarm wants running, read from the Engine API. */
  const runningTasks = async (service: string): Promise<string[]> => {
    const filters = encodeURIComponent(JSON.stringify({ service: [service], 'desired-state': ['running'] }));
    return ((await engineGet(manager, `/tasks?filters=${filters}`)) as Json[]).map((t) => t.ID).sort();
  };
  const service = (name: string): Promise<Json> => engineGet(manager, `/services/${name}`);

  test('the first deploy: both services created, two tasks each', async () => {
    const answer = await deploy(composeOf({ tier: 'front', mode: 'one' }));
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(answer.rollouts.map((r: Json) => [r.serviceName, r.kind, r.conclusion]), [
      [WEB, 'CREATE', 'SUCCEEDED'],
      [WORKER, 'CREATE', 'SUCCEEDED'],
    ]);
    assert.equal((await runningTasks(WEB)).length, 2);
    assert.equal((await runningTasks(WORKER)).length, 2);
  });

  test('a label-only change: UPDATE at the label path alone, no task replaced; after the deploy with its hash the same tasks run and the label is set', async () => {
    const [webTasks, workerTasks] = [await runningTasks(WEB), await runningTasks(WORKER)];
    const compose = composeOf({ tier: 'edge', mode: 'one' });
    const answer = await plan(compose);
    const web = serviceChange(answer, WEB);
    assert.equal(web.action, 'UPDATE');
    assert.deepEqual(web.specChanges, [{ path: 'Labels.tier', before: '"front"', after: '"edge"' }]);
    assert.deepEqual([web.replacesTasks, web.replaced], [false, []]);
    assert.equal(serviceChange(answer, WORKER).action, 'UNCHANGED');

    const version = (await service(WEB)).Version.Index;
    const deployed = await deploy(compose, answer.planHash);
    // The update is sent, and starts no rollout: no task is to be replaced.
    assert.deepEqual([deployed.userErrors, deployed.rollouts], [[], []]);
    const updated = await service(WEB);
    assert.ok(updated.Version.Index > version);
    assert.equal(updated.Spec.Labels.tier, 'edge');
    assert.deepEqual(await runningTasks(WEB), webTasks);
    assert.deepEqual(await runningTasks(WORKER), workerTasks);
  });

  test('an env change: the tasks the plan lists are replaced by new ones, the other service keeps its tasks', async () => {
    const [webTasks, workerTasks] = [await runningTasks(WEB), await runningTasks(WORKER)];
    const compose = composeOf({ tier: 'edge', mode: 'two' });
    const answer = await plan(compose);
    const web = serviceChange(answer, WEB);
    assert.equal(web.action, 'UPDATE');
    assert.deepEqual(web.specChanges, [{ path: 'TaskTemplate.ContainerSpec.Env', before: '["MODE=one"]', after: '["MODE=two"]' }]);
    assert.equal(web.replacesTasks, true);
    assert.deepEqual(web.replaced.map((r: Json) => r.taskId).sort(), webTasks);
    for (const r of web.replaced) assert.deepEqual([r.reason, r.paths], ['TASK_SPEC_CHANGED', ['TaskTemplate.ContainerSpec.Env']]);
    assert.deepEqual(serviceChange(answer, WORKER).replaced, []);

    const deployed = await deploy(compose, answer.planHash);
    assert.deepEqual(deployed.userErrors, []);
    assert.deepEqual(deployed.rollouts.map((r: Json) => [r.serviceName, r.kind, r.conclusion]), [[WEB, 'UPDATE', 'SUCCEEDED']]);
    const after = await runningTasks(WEB);
    assert.equal(after.length, 2);
    assert.deepEqual(after.filter((id) => webTasks.includes(id)), [], 'every listed task was replaced');
    assert.deepEqual((await service(WEB)).Spec.TaskTemplate.ContainerSpec.Env, ['MODE=two']);
    assert.deepEqual(await runningTasks(WORKER), workerTasks);
  });

  test('a redeploy of the same file: every service UNCHANGED, and the deploy sends nothing', async () => {
    const compose = composeOf({ tier: 'edge', mode: 'two' });
    const answer = await plan(compose);
    assert.deepEqual(answer.changes.filter((c: Json) => c.kind === 'SERVICE').map((c: Json) => [c.name, c.action, c.specChanges, c.replaced]), [
      [WEB, 'UNCHANGED', [], []],
      [WORKER, 'UNCHANGED', [], []],
    ]);
    const versions = [(await service(WEB)).Version.Index, (await service(WORKER)).Version.Index];
    const deployed = await deploy(compose, answer.planHash);
    assert.deepEqual([deployed.userErrors, deployed.rollouts], [[], []]);
    assert.deepEqual([(await service(WEB)).Version.Index, (await service(WORKER)).Version.Index], versions);
  });

  test('a plan whose service was scaled out of band since: the deploy with its hash is PLAN_STALE and changes nothing', async () => {
    const compose = composeOf({ tier: 'edge', mode: 'three' });
    const answer = await plan(compose);
    const current = await service(WEB);
    const scaled = structuredClone(current.Spec);
    scaled.Mode.Replicated.Replicas = 3;
    await engineRequest(manager, 'POST', `/services/${current.ID}/update?version=${current.Version.Index}`, scaled);
    const versions = [(await service(WEB)).Version.Index, (await service(WORKER)).Version.Index];
    assert.ok(versions[0] > current.Version.Index);

    const deployed = await deploy(compose, answer.planHash);
    assert.deepEqual(deployed.userErrors.map((e: Json) => [e.code, e.field]), [['PLAN_STALE', ['input', 'planHash']]]);
    assert.deepEqual(deployed.rollouts, []);
    const web = await service(WEB);
    assert.deepEqual([web.Version.Index, (await service(WORKER)).Version.Index], versions);
    assert.deepEqual([web.Spec.TaskTemplate.ContainerSpec.Env, web.Spec.Mode.Replicated.Replicas], [['MODE=two'], 3]);
  });
});
