// Health checks, job modes and command/args updates through the gateway against a real
// one-node swarm, each result checked through the Engine (`docker service inspect`,
// `docker service ps`): a passing health check reaches running and one that never passes does
// not; a replicated job with totalCompletions 2 completes (and scales to a new iteration), a
// global job completes and cannot be scaled; an update whose command exits at once is accepted
// and its tasks fail; the guardrail policy lets a team deployer's job with a health check
// through and still refuses its docker socket mount.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { guardrailsSchema } from '../../../src/config/access-config.ts';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'health-jobs-e2e';
const IMAGE = 'sg-busybox:latest';
/** A task that stops at once on SIGTERM (a plain `sleep` as PID 1 ignores it for 10 s). */
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
const TEAM = [{ key: 'team', value: 'payments' }];

type Json = Record<string, any>;

const INPUT_TYPES: Record<string, string> = { serviceCreate: 'ServiceCreateInput', serviceUpdate: 'ServiceUpdateInput', serviceScale: 'ServiceScaleInput' };
const SERVICE_FIELDS = `service { id name version mode replicas maxConcurrent command args
  healthcheck { test intervalSeconds timeoutSeconds startPeriodSeconds retries } jobStatus { iteration lastExecution } }`;

describe('health checks, jobs and command updates', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let deployer: string;

  const docker = (...args: string[]) => dockerOk(manager, args);
  const inspect = async (name: string): Promise<Json> => (JSON.parse(await docker('service', 'inspect', name)) as Json[])[0]!;
  /** `state|error` of each task of the service, as `docker service ps` shows them (every iteration and replaced task). */
  const taskStates = async (name: string) =>
    (await docker('service', 'ps', '--no-trunc', '--format', '{{.CurrentState}}|{{.Error}}', name)).split('\n').filter(Boolean);

  async function mutate(field: string, input: Json, token?: string): Promise<Json> {
    const res = await gw.gql(`mutation($input: ${INPUT_TYPES[field]}!) { ${field}(input: $input) { ${SERVICE_FIELDS} userErrors { field code message } } }`, { input }, token === undefined ? {} : { token });
    return expectData(res)[field] as Json;
  }
  async function accepted(field: string, input: Json, token?: string): Promise<Json> {
    const payload = await mutate(field, input, token);
    assert.deepEqual(payload.userErrors, [], JSON.stringify(payload.userErrors));
    return payload.service as Json;
  }
  const read = async (name: string) => expectData(await gw.gql(`query($id: ID!) { ${SERVICE_FIELDS.replace('service {', 'service(id: $id) {')} }`, { id: name })).service as Json;

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    gw = await startGateway({ ...configFor([swarm]), guardrails: guardrailsSchema.parse({}) });
    deployer = await tokenFor(['deployer:team=payments']);
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('a passing health check: the engine holds it, the gateway reads it back, and the task reaches running', async () => {
    const created = await accepted('serviceCreate', {
      name: 'hc-pass',
      image: IMAGE,
      args: IDLE,
      healthcheck: { test: ['CMD-SHELL', 'true'], interval: '1s', timeout: '2s', startPeriod: '500ms', retries: 2 },
    });
    assert.deepEqual(created.healthcheck, { test: ['CMD-SHELL', 'true'], intervalSeconds: 1, timeoutSeconds: 2, startPeriodSeconds: 0.5, retries: 2 });
    assert.deepEqual((await inspect('hc-pass')).Spec.TaskTemplate.ContainerSpec.Healthcheck, { Test: ['CMD-SHELL', 'true'], Interval: 1e9, Timeout: 2e9, StartPeriod: 5e8, Retries: 2 });
    // A task with a health check is `starting` until the check passes, then `running`.
    await waitFor('hc-pass running', async () => (await taskStates('hc-pass')).some((t) => t.startsWith('Running')));
  });

  test('a health check that never passes: no task runs, the swarm replaces each one as unhealthy', async () => {
    await accepted('serviceCreate', { name: 'hc-fail', image: IMAGE, args: IDLE, healthcheck: { test: ['CMD', 'false'], interval: '1s', timeout: '1s', retries: 1 } });
    // The task's process never exits by itself: a task that ended was stopped by the swarm as
    // unhealthy (IDLE exits 0 on that SIGTERM, so the task shows Complete). None ever ran.
    const ended = (t: string) => /^(Complete|Failed|Shutdown)/.test(t);
    const states = await waitFor('two hc-fail tasks replaced as unhealthy', async () => {
      const all = await taskStates('hc-fail');
      return all.filter(ended).length >= 2 ? all : null;
    });
    assert.ok(!states.some((t) => t.startsWith('Running')), states.join('; '));
    // noHealthcheck on update disables it (test NONE); the next task runs.
    const updated = await accepted('serviceUpdate', { id: 'hc-fail', noHealthcheck: true });
    assert.deepEqual(updated.healthcheck?.test, ['NONE']);
    assert.deepEqual((await inspect('hc-fail')).Spec.TaskTemplate.ContainerSpec.Healthcheck, { Test: ['NONE'] });
    await waitFor('hc-fail running without its check', async () => (await taskStates('hc-fail')).some((t) => t.startsWith('Running')));
  });

  test('a health check of no Docker form, or beside noHealthcheck, is refused at its field and nothing is created', async () => {
    const payload = await mutate('serviceCreate', { name: 'hc-bad', image: IMAGE, healthcheck: { test: ['true'], interval: '1us' } });
    assert.deepEqual(payload.userErrors.map((e: Json) => [e.field, e.code]), [
      [['input', 'healthcheck', 'test'], 'INVALID_VALUE'],
      [['input', 'healthcheck', 'interval'], 'INVALID_VALUE'],
    ]);
    const conflict = await mutate('serviceCreate', { name: 'hc-bad', image: IMAGE, noHealthcheck: true, healthcheck: { retries: 1 } });
    assert.deepEqual(conflict.userErrors.map((e: Json) => e.field), [['input', 'noHealthcheck']]);
    assert.ok(!(await docker('service', 'ls', '--format', '{{.Name}}')).split('\n').includes('hc-bad'));
  });

  test('a replicated job with totalCompletions 2 completes; its job status reads back; scaling runs it again', async () => {
    const created = await accepted('serviceCreate', { name: 'job-two', image: IMAGE, mode: 'REPLICATED_JOB', totalCompletions: 2, maxConcurrent: 1, args: ['true'] });
    assert.deepEqual([created.mode, created.replicas, created.maxConcurrent], ['REPLICATED_JOB', 2, 1]);
    const spec = (await inspect('job-two')).Spec;
    assert.deepEqual(spec.Mode, { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 2 } });
    assert.equal(spec.TaskTemplate.RestartPolicy.Condition, 'on-failure');
    const done = (n: number) => async () => (await taskStates('job-two')).filter((t) => t.startsWith('Complete')).length >= n;
    await waitFor('2 completed tasks of job-two', done(2));
    const first = await read('job-two');
    // The engine leaves out a zero index (Go's omitempty).
    assert.equal(first.jobStatus.iteration, (await inspect('job-two')).JobStatus.JobIteration.Index ?? 0);
    assert.ok(first.jobStatus.lastExecution, 'the job has run');

    // docker service scale on a replicated job sets TotalCompletions, and the job runs again.
    const scaled = await accepted('serviceScale', { id: 'job-two', replicas: 3 });
    assert.equal(scaled.replicas, 3);
    assert.deepEqual((await inspect('job-two')).Spec.Mode, { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 3 } });
    await waitFor('job-two in a new iteration', async () => (await read('job-two')).jobStatus.iteration > first.jobStatus.iteration);
    await waitFor('5 completed tasks of job-two (2 + 3)', done(5));
  });

  test('a global job completes on the node; it cannot be scaled, nor take an update policy', async () => {
    const created = await accepted('serviceCreate', { name: 'job-global', image: IMAGE, mode: 'GLOBAL_JOB', args: ['true'] });
    assert.deepEqual([created.mode, created.replicas, created.maxConcurrent], ['GLOBAL_JOB', null, null]);
    assert.deepEqual((await inspect('job-global')).Spec.Mode, { GlobalJob: {} });
    await waitFor('job-global completed', async () => (await taskStates('job-global')).some((t) => t.startsWith('Complete')));
    const version = (await inspect('job-global')).Version.Index;
    const refused = await mutate('serviceScale', { id: 'job-global', replicas: 2 });
    assert.deepEqual(refused.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'replicas'], 'INVALID_STATE']]);
    assert.match(refused.userErrors[0].message, /global job, so it cannot be scaled/);
    assert.equal((await inspect('job-global')).Version.Index, version, 'the engine was not asked');
    const policy = await mutate('serviceCreate', { name: 'job-policy', image: IMAGE, mode: 'GLOBAL_JOB', updateConfig: { parallelism: 2 } });
    assert.deepEqual(policy.userErrors.map((e: Json) => e.field), [['input', 'updateConfig']]);
  });

  test('serviceUpdate with command ["sh","-c","exit 1"] is accepted and its new tasks fail; args and an empty command replace the old ones', async () => {
    await accepted('serviceCreate', { name: 'cmd-upd', image: IMAGE, args: IDLE, updateConfig: { monitor: '1s' } });
    await waitFor('cmd-upd running', async () => (await taskStates('cmd-upd')).some((t) => t.startsWith('Running')));
    const updated = await accepted('serviceUpdate', { id: 'cmd-upd', command: ['sh', '-c', 'exit 1'], args: [] });
    assert.deepEqual([updated.command, updated.args], [['sh', '-c', 'exit 1'], []]);
    const c = (await inspect('cmd-upd')).Spec.TaskTemplate.ContainerSpec;
    assert.deepEqual([c.Command, c.Args], [['sh', '-c', 'exit 1'], undefined]);
    await waitFor('a failed cmd-upd task', async () => (await taskStates('cmd-upd')).some((t) => t.startsWith('Failed') && /exit \(1\)/.test(t)));

    const back = await accepted('serviceUpdate', { id: 'cmd-upd', command: [], args: IDLE, healthcheck: { test: ['CMD', 'true'], interval: '1s' } });
    assert.deepEqual([back.command, back.args, back.healthcheck.test], [[], IDLE, ['CMD', 'true']]);
    const c2 = (await inspect('cmd-upd')).Spec.TaskTemplate.ContainerSpec;
    assert.deepEqual([c2.Command, c2.Args, c2.Healthcheck], [undefined, IDLE, { Test: ['CMD', 'true'], Interval: 1e9 }]);
  });

  test("a team deployer's job with a health check passes the policy (the worker constraint added); its docker socket mount does not", async () => {
    const job = { name: 'team-job', image: IMAGE, labels: TEAM, mode: 'REPLICATED_JOB', totalCompletions: 1, args: ['true'], healthcheck: { test: ['CMD-SHELL', 'true'], interval: '1s' } };
    await accepted('serviceCreate', job, deployer);
    const spec = (await inspect('team-job')).Spec;
    assert.deepEqual(spec.TaskTemplate.Placement.Constraints, ['node.role==worker']);
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Healthcheck, { Test: ['CMD-SHELL', 'true'], Interval: 1e9 });
    const escape = await mutate('serviceCreate', { ...job, name: 'team-job-sock', mounts: [{ type: 'BIND', source: '/var/run/docker.sock', target: '/s' }] }, deployer);
    assert.deepEqual(escape.userErrors.map((e: Json) => [e.field, e.code, e.message.match(/^Guardrail ([a-z-]+):/)?.[1]]), [[['input', 'mounts', '0', 'source'], 'GUARDRAIL', 'no-docker-socket']]);
    assert.ok(!(await docker('service', 'ls', '--format', '{{.Name}}')).split('\n').includes('team-job-sock'));
    // The team deployer's command and health check update passes the policy too; a team
    // operator may not make it (operators change image, env, replicas and force only).
    const operator = await mutate('serviceUpdate', { id: 'team-job', command: ['sh', '-c', 'exit 0'], healthcheck: { retries: 2 } }, await tokenFor(['operator:team=payments']));
    assert.deepEqual(operator.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'command'], 'NOT_PERMITTED'], [['input', 'healthcheck'], 'NOT_PERMITTED']]);
    await accepted('serviceUpdate', { id: 'team-job', command: ['sh', '-c', 'exit 0'], healthcheck: { retries: 2 } }, deployer);
    assert.deepEqual((await inspect('team-job')).Spec.TaskTemplate.ContainerSpec.Healthcheck, { Test: ['CMD-SHELL', 'true'], Interval: 1e9, Retries: 2 });
  });
});
