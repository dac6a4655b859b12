// servicePlan on a real swarm (1 manager + 1 worker): for a set of changes (image, env, a
// service label only, placement only, replicas only) the tasks the plan says the swarm would
// replace are the ones it replaced (task IDs read from the engine before and after, the update
// sent with the plan's hash and waited for); a change made with the docker CLI between plan and
// update is PLAN_STALE with the engine left as the CLI made it; a team operator's plan of a field
// it may not change gets serviceUpdate's own refusal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IDLE } from '../../support/dashboard-query.ts';
import { tokenFor } from '../../support/identity.ts';
import { dataOf, engineService, engineTasks, mutateService, startRolloutGateway, type Gql, type RolloutGateway } from '../../support/rollouts.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'plan-e2e';
const IMAGE = 'sg-busybox:latest';
const IMAGE_V2 = 'sg-busybox:plan2';
const SERVICE = 'plan-web';

type Json = Record<string, any>;

const PLAN = `query ($input: ServiceUpdateInput!) { servicePlan(input: $input) {
  service { id version } changes { path before after } replacesTasks replaced { slot nodeId taskId reason paths }
  added removed rolloutKind policy { kind path field message } planHash userErrors { field code message } } }`;

describe('servicePlan', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let rg: RolloutGateway;

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    worker = swarm.nodes.find((n) => n.role === 'worker')!;
    for (const node of swarm.nodes) await dockerOk(node, ['tag', IMAGE, IMAGE_V2]);
    rg = await startRolloutGateway(swarm, SWARM);
  });

  after(async () => {
    await rg?.close();
    await swarmDown(SWARM);
  });

  const nodeIdOf = async (node: SwarmNode) => (await dockerOk(node, ['info', '--format', '{{.Swarm.NodeID}}'])).trim();
  const plan = async (input: Json, gql: Gql = rg.gql): Promise<Json> => dataOf(await gql(PLAN, { input })).servicePlan as Json;

  /** The IDs of the tasks meant to run (desired state running), with their node. */
  async function liveTasks(name: string): Promise<Map<string, string>> {
    const tasks = await engineTasks(manager, name);
    return new Map(tasks.filter((t) => t.DesiredState === 'running').map((t) => [t.ID as string, t.NodeID as string]));
  }

  /** Waits until `count` tasks are meant to run and all of them run. */
  async function settled(name: string, count: number): Promise<void> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const live = (await engineTasks(manager, name)).filter((t) => t.DesiredState === 'running');
      if (live.length === count && live.every((t) => t.Status.State === 'running')) return;
      if (Date.now() > deadline) assert.fail(`${name}: ${count} tasks did not settle: ${live.map((t) => t.Status.State).join(', ')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Plans `change`, sends it with the plan's hash and waits for its rollout; the plan's prediction must be what the swarm did. */
  async function predicted(change: Json, replicasAfter: number, gql: Gql = rg.gql): Promise<Json> {
    const beforeTasks = await liveTasks(SERVICE);
    const p = await plan({ id: SERVICE, ...change }, gql);
    assert.deepEqual(p.userErrors, []);
    const payload = await mutateService(gql, 'serviceUpdate', { id: SERVICE, ...change, planHash: p.planHash, wait: 90 });
    assert.deepEqual(payload.userErrors, [], JSON.stringify(payload.userErrors));
    assert.equal(payload.rollout?.kind ?? null, p.rolloutKind, 'the rollout kind the plan named');
    if (payload.rollout) assert.equal(payload.rollout.conclusion, 'SUCCEEDED', payload.rollout.reason);
    await settled(SERVICE, replicasAfter);
    const afterTasks = await liveTasks(SERVICE);
    const gone = [...beforeTasks.keys()].filter((id) => !afterTasks.has(id)).sort();
    const fresh = [...afterTasks.keys()].filter((id) => !beforeTasks.has(id));
    // Only changes that remove no slot are planned here: which slots go is the swarm's choice.
    assert.equal(p.removed, 0);
    assert.deepEqual(p.replaced.map((r: Json) => r.taskId).sort(), gone, `replaced: plan ${JSON.stringify(p.replaced)}, swarm ${JSON.stringify(gone)}`);
    assert.equal(fresh.length, p.replaced.length + p.added, 'new tasks: one per replaced task and per added slot');
    assert.equal(gone.length, p.replaced.length + p.removed, 'tasks gone: one per replaced task and per removed slot');
    assert.equal(p.replacesTasks, p.replaced.length > 0);
    for (const r of p.replaced) assert.equal(r.nodeId, beforeTasks.get(r.taskId));
    return p;
  }

  test('the plan predicts which tasks the swarm replaces: image, env, service label only, placement only, replicas only', async () => {
    const created = await mutateService(rg.gql, 'serviceCreate', { name: SERVICE, image: IMAGE, args: IDLE, replicas: 2, wait: 90 });
    assert.deepEqual(created.userErrors, []);
    await settled(SERVICE, 2);

    const image = await predicted({ image: IMAGE_V2 }, 2);
    assert.deepEqual(image.changes.map((c: Json) => c.path), ['TaskTemplate.ContainerSpec.Image']);
    assert.deepEqual(image.replaced.map((r: Json) => r.reason), ['TASK_SPEC_CHANGED', 'TASK_SPEC_CHANGED']);

    const env = await predicted({ envAdd: ['PLAN=1'] }, 2);
    assert.equal(env.replaced.length, 2);

    const label = await predicted({ labels: { add: [{ key: 'tier', value: 'web' }] } }, 2);
    assert.deepEqual([label.changes.map((c: Json) => c.path), label.replaced, label.rolloutKind], [['Labels.tier'], [], null]);

    // Placement only: a guarded deployer's update that changes nothing else (an env value the
    // service has already) gets the policy's worker constraint and nothing more. The swarm spread
    // the two tasks over both nodes; the worker's task meets the constraint and stays, the
    // manager's is replaced.
    const managerId = await nodeIdOf(manager);
    const workerId = await nodeIdOf(worker);
    assert.deepEqual([...(await liveTasks(SERVICE)).values()].sort(), [managerId, workerId].sort(), 'the tasks run one per node');
    const deployer = rg.as(await tokenFor(['deployer']));
    const placement = await predicted({ envAdd: ['PLAN=1'] }, 2, deployer);
    assert.equal(placement.changes.length, 1, JSON.stringify(placement.changes));
    assert.match(placement.changes[0].path, /^TaskTemplate\.Placement/);
    assert.deepEqual(placement.policy.map((f: Json) => f.kind), ['ADDED']);
    assert.deepEqual(placement.replaced.map((r: Json) => [r.nodeId, r.reason]), [[managerId, 'PLACEMENT_NOT_MET']]);

    const scale = await predicted({ replicas: 4 }, 4);
    assert.deepEqual([scale.replaced, scale.added, scale.removed, scale.rolloutKind], [[], 2, 0, 'SCALE']);
  });

  test('plan, a change with the docker CLI, then the update with the plan\'s hash: PLAN_STALE, the engine as the CLI left it', async () => {
    const p = await plan({ id: SERVICE, envAdd: ['STALE=1'] });
    assert.deepEqual(p.userErrors, []);
    await dockerOk(manager, ['service', 'update', '-d', '--label-add', 'changed=by-cli', SERVICE]);
    const version = (await engineService(manager, SERVICE)).Version.Index;
    const payload = await mutateService(rg.gql, 'serviceUpdate', { id: SERVICE, envAdd: ['STALE=1'], planHash: p.planHash });
    assert.deepEqual(payload.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'planHash'], 'PLAN_STALE']]);
    const engine = await engineService(manager, SERVICE);
    assert.equal(engine.Version.Index, version, 'the gateway sent nothing');
    assert.ok(!(engine.Spec.TaskTemplate.ContainerSpec.Env ?? []).includes('STALE=1'));
    // A fresh plan's hash goes through.
    const again = await plan({ id: SERVICE, envAdd: ['STALE=1'] });
    const ok = await mutateService(rg.gql, 'serviceUpdate', { id: SERVICE, envAdd: ['STALE=1'], planHash: again.planHash });
    assert.deepEqual(ok.userErrors, []);
  });

  test('a team operator\'s plan of a field it may not change: serviceUpdate\'s refusal, nothing sent', async () => {
    const created = await mutateService(rg.gql, 'serviceCreate', { name: 'plan-team', image: IMAGE, args: IDLE, replicas: 1, labels: [{ key: 'team', value: 'payments' }] });
    assert.deepEqual(created.userErrors, []);
    const operator = rg.as(await tokenFor(['operator:team=payments']));
    const version = (await engineService(manager, 'plan-team')).Version.Index;
    const input = { id: 'plan-team', publishAdd: ['18099:80'] };
    const p = await plan(input, operator);
    const update = await mutateService(operator, 'serviceUpdate', input);
    assert.deepEqual(p.userErrors, update.userErrors);
    assert.deepEqual(p.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'publishAdd'], 'NOT_PERMITTED']]);
    assert.equal(p.planHash, '');
    const allowed = await plan({ id: 'plan-team', image: IMAGE_V2 }, operator);
    assert.deepEqual(allowed.userErrors, []);
    assert.ok(allowed.policy.some((f: Json) => f.kind === 'ADDED' && /node\.role==worker/.test(f.message)), 'the worker constraint the policy adds for a guarded operator');
    assert.equal((await engineService(manager, 'plan-team')).Version.Index, version);
  });
});
