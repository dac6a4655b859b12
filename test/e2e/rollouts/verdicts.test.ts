// Rollout verdicts on a real one-node swarm, each as a client reads it through `rollout(id)`
// and each checked against the Engine's own state (`docker service inspect`, the tasks): a
// rolling update that converges, a stop-first update waiting for a host-mode port, a bad update rolled back or paused by the swarm, a health check
// that never passes until the deadline, a global service no node may run, and a replicated job.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IDLE } from '../../support/dashboard-query.ts';
import { concluded, engineService, engineTasks, msBetween, startRollout, startRolloutGateway, type RolloutGateway } from '../../support/rollouts.ts';
import { swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ro-verdicts';
const IMAGE = 'sg-busybox:latest';
const EXIT_AT_ONCE = { command: ['sh', '-c', 'exit 1'], args: [] };

type Json = Record<string, any>;

describe('rollout verdicts', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let rg: RolloutGateway;

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    rg = await startRolloutGateway(swarm, SWARM);
  });

  after(async () => {
    await rg?.close();
    await swarmDown(SWARM);
  });

  /** Creates a service and waits for its CREATE rollout to succeed, so an update starts from a converged service. */
  async function createConverged(input: Json): Promise<Json> {
    const { rollout } = await startRollout(rg.gql, 'serviceCreate', { image: IMAGE, args: IDLE, ...input });
    assert.equal(rollout.kind, 'CREATE');
    const done = await concluded(rg.gql, rollout.id);
    assert.equal(done.conclusion, 'SUCCEEDED', `${input.name} created: ${done.reason}`);
    return done;
  }

  test('a rolling update that converges: SUCCEEDED, 3 of 3 running the new spec, every slot running and up to date', async () => {
    await createConverged({ name: 'ro-conv', replicas: 3, updateConfig: { parallelism: 1, delay: '0s', monitor: '1s' } });
    const { service, rollout } = await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-conv', envAdd: ['ROLLOUT=2'] });
    assert.equal(rollout.kind, 'UPDATE');
    assert.equal(rollout.conclusion, null, 'the payload answers before the rollout concludes (no wait)');
    assert.equal(rollout.serviceVersion, service.version, 'the rollout is of the version the update produced');
    assert.equal(rollout.serviceName, 'ro-conv');
    assert.equal(rollout.serviceId, service.id);
    assert.equal(rollout.cluster, SWARM);

    const done = await concluded(rg.gql, rollout.id);
    assert.equal(done.conclusion, 'SUCCEEDED', done.reason);
    assert.equal(done.status, 'COMPLETED');
    assert.deepEqual([done.desired, done.running, done.upToDate, done.failed], [3, 3, 3, 0]);
    assert.equal(done.slots.length, 3);
    assert.deepEqual(done.slots.map((s: Json) => s.slot).sort(), [1, 2, 3]);
    for (const slot of done.slots) {
      assert.deepEqual([slot.state, slot.desiredState, slot.upToDate], ['RUNNING', 'RUNNING', true], JSON.stringify(slot));
      assert.ok(slot.nodeId && slot.taskId, JSON.stringify(slot));
    }
    assert.ok(msBetween(done.startedAt, done.concludedAt) > 0, `concludedAt ${done.concludedAt} after startedAt ${done.startedAt}`);
    assert.equal(done.updateState, 'COMPLETED');

    // The Engine agrees: the update completed, and the slots' tasks are its running tasks of the new spec.
    const engine = await engineService(manager, 'ro-conv');
    assert.equal(engine.UpdateStatus?.State, 'completed');
    assert.ok(engine.Spec.TaskTemplate.ContainerSpec.Env.includes('ROLLOUT=2'));
    const running = (await engineTasks(manager, 'ro-conv')).filter((t) => t.DesiredState === 'running' && t.Status.State === 'running');
    assert.deepEqual(running.map((t) => t.ID).sort(), done.slots.map((s: Json) => s.taskId).sort());
    for (const t of running) assert.ok(t.Spec.ContainerSpec.Env.includes('ROLLOUT=2'), `task ${t.ID} runs the new spec`);
  });

  test('a stop-first update of a host-mode port whose old task takes its stop grace period: SUCCEEDED, not NO_ELIGIBLE_NODES while the port is still held', async () => {
    // httpd as PID 1 ignores SIGTERM, so the old task holds port 8097 for its whole 10 s stop
    // grace period; meanwhile the scheduler reports the new task pending with "host-mode port
    // already in use on 1 node". It places the task once the old one has stopped.
    const httpd = { command: ['httpd', '-f', '-p', '80'], args: [] };
    await createConverged({ name: 'ro-hostport', replicas: 1, ...httpd, publish: ['published=8097,target=80,mode=host'], updateConfig: { parallelism: 1, delay: '0s', monitor: '1s' } });
    const { rollout } = await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-hostport', envAdd: ['ROLLOUT=2'] });
    const done = await concluded(rg.gql, rollout.id);
    assert.deepEqual([done.conclusion, done.running, done.upToDate], ['SUCCEEDED', 1, 1], done.reason);

    // The Engine agrees, and the old task did take longer than the 5 s grace to stop.
    const engine = await engineService(manager, 'ro-hostport');
    assert.equal(engine.UpdateStatus?.State, 'completed');
    const tasks = await engineTasks(manager, 'ro-hostport');
    const running = tasks.filter((t) => t.DesiredState === 'running' && t.Status.State === 'running');
    assert.equal(running.length, 1);
    assert.ok(running[0]!.Spec.ContainerSpec.Env.includes('ROLLOUT=2'));
    const old = tasks.find((t) => t.DesiredState === 'shutdown' && !(t.Spec.ContainerSpec.Env ?? []).includes('ROLLOUT=2'));
    assert.ok(old, 'the old task is listed as shut down');
    const after = (at: string) => (msBetween(engine.UpdateStatus.StartedAt, at) / 1000).toFixed(1);
    console.log(`# after the update started: the old task stopped at ${after(old.Status.Timestamp)} s, the new one ran at ${after(running[0]!.Status.Timestamp)} s`);
    // What this test is about happened: the port was held longer than the unschedulable grace.
    assert.ok(Number(after(old.Status.Timestamp)) > 5, 'the old task held the port for more than 5 s');
  });

  test('a bad update with failure action ROLLBACK: the swarm rolls it back and the rollout concludes ROLLED_BACK (a failure)', async () => {
    await createConverged({
      name: 'ro-rollback',
      replicas: 2,
      updateConfig: { parallelism: 1, monitor: '2s', failureAction: 'ROLLBACK', maxFailureRatio: 0 },
      rollbackConfig: { parallelism: 0, monitor: '1s' },
    });
    const { rollout } = await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-rollback', ...EXIT_AT_ONCE });
    const done = await concluded(rg.gql, rollout.id);
    assert.equal(done.conclusion, 'ROLLED_BACK', done.reason);
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.updateState, 'ROLLBACK_COMPLETED');
    assert.ok(done.failed >= 1, `failed ${done.failed}: the new spec's task that exited counts`);
    assert.ok(done.reason, 'the reason says why');

    // The Engine: the rollback completed and the service runs its previous spec again.
    const engine = await engineService(manager, 'ro-rollback');
    assert.equal(engine.UpdateStatus?.State, 'rollback_completed');
    assert.equal(engine.Spec.TaskTemplate.ContainerSpec.Command, undefined);
    assert.deepEqual(engine.Spec.TaskTemplate.ContainerSpec.Args, IDLE);
    const failedNew = (await engineTasks(manager, 'ro-rollback')).filter((t) => t.Status.State === 'failed' && t.Spec.ContainerSpec.Command?.[2] === 'exit 1');
    assert.ok(failedNew.length >= 1, 'a task of the bad spec failed on the engine');
  });

  test('a bad update with failure action PAUSE: the swarm pauses it and the rollout concludes PAUSED_ON_FAILURE with the swarm\'s message', async () => {
    await createConverged({ name: 'ro-pause', replicas: 2, updateConfig: { parallelism: 1, monitor: '2s', failureAction: 'PAUSE', maxFailureRatio: 0 } });
    const { rollout } = await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-pause', ...EXIT_AT_ONCE });
    const done = await concluded(rg.gql, rollout.id);
    assert.equal(done.conclusion, 'PAUSED_ON_FAILURE', done.reason);
    assert.equal(done.status, 'COMPLETED');
    assert.equal(done.updateState, 'PAUSED');

    const engine = await engineService(manager, 'ro-pause');
    assert.equal(engine.UpdateStatus?.State, 'paused');
    // The swarm's own words, e.g. "update paused due to failure or early termination of task ...".
    assert.match(engine.UpdateStatus.Message, /paused/);
    assert.equal(done.updateMessage, engine.UpdateStatus.Message);
    assert.ok(done.reason?.includes(engine.UpdateStatus.Message), `reason ${JSON.stringify(done.reason)} holds the swarm's message`);
  });

  test('a health check that never passes, deadline 15 s: TIMED_OUT at the deadline, the reason says the task is starting', async () => {
    // A long start period: the task stays `starting` (not yet running) the whole time.
    const { rollout } = await startRollout(rg.gql, 'serviceCreate', {
      name: 'ro-unhealthy',
      image: IMAGE,
      args: IDLE,
      replicas: 1,
      healthcheck: { test: ['CMD', 'false'], interval: '1s', timeout: '1s', startPeriod: '5m', retries: 3 },
      deadline: 15,
    });
    const deadlineMs = msBetween(rollout.startedAt, rollout.deadline);
    assert.ok(deadlineMs >= 14_000 && deadlineMs <= 16_000, `deadline ${rollout.deadline} is 15 s after ${rollout.startedAt}`);
    const done = await concluded(rg.gql, rollout.id, 60_000);
    assert.equal(done.conclusion, 'TIMED_OUT', done.reason);
    assert.equal(done.status, 'COMPLETED');
    const late = msBetween(done.deadline, done.concludedAt);
    assert.ok(late >= 0 && late < 5_000, `concluded ${late} ms after its deadline`);
    assert.match(done.reason ?? '', /starting/);
    assert.equal(done.running, 0, 'a task starting until healthy is not running');
    assert.deepEqual(done.slots.map((s: Json) => s.state), ['STARTING']);

    // The Engine: the task is still `starting` (its health check never passed).
    const tasks = await engineTasks(manager, 'ro-unhealthy');
    assert.ok(tasks.some((t) => t.Status.State === 'starting'), tasks.map((t) => t.Status.State).join(', '));
    assert.ok(!tasks.some((t) => t.Status.State === 'running'));
  });

  test('a global service constrained to no node: NO_ELIGIBLE_NODES well before its deadline, naming the constraint', async () => {
    const { rollout } = await startRollout(rg.gql, 'serviceCreate', {
      name: 'ro-nowhere',
      image: IMAGE,
      args: IDLE,
      mode: 'GLOBAL',
      constraints: ['node.labels.nowhere==1'],
      deadline: 300,
    });
    const done = await concluded(rg.gql, rollout.id, 60_000);
    assert.equal(done.conclusion, 'NO_ELIGIBLE_NODES', done.reason);
    assert.equal(done.status, 'COMPLETED');
    assert.ok(msBetween(done.concludedAt, done.deadline) > 240_000, `concluded at ${done.concludedAt}, deadline ${done.deadline}`);
    assert.match(done.reason ?? '', /node\.labels\.nowhere==1/);
    assert.equal(done.desired, 0);
    // The Engine: no node runs a task of it.
    assert.deepEqual(await engineTasks(manager, 'ro-nowhere'), []);
  });

  test('a replicated job with totalCompletions 2 (command true): SUCCEEDED once both tasks completed', async () => {
    const { rollout } = await startRollout(rg.gql, 'serviceCreate', { name: 'ro-job', image: IMAGE, mode: 'REPLICATED_JOB', totalCompletions: 2, maxConcurrent: 1, args: ['true'] });
    assert.equal(rollout.kind, 'CREATE');
    const done = await concluded(rg.gql, rollout.id);
    assert.equal(done.conclusion, 'SUCCEEDED', done.reason);
    assert.equal(done.status, 'COMPLETED');
    assert.deepEqual([done.desired, done.running, done.failed], [2, 2, 0]);
    const complete = (await engineTasks(manager, 'ro-job')).filter((t) => t.Status.State === 'complete');
    assert.equal(complete.length, 2);
  });
});
