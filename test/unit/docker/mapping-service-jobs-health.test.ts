// Job modes, health checks, and command/args on update, as the CLI maps `--mode
// replicated-job|global-job`, `--replicas`, `--max-concurrent`, `--health-*`,
// `--no-healthcheck`, `--entrypoint` and `--args` (cli/command/service/opts.go, update.go, scale.go).
import { problemsOf } from '../../support/user-errors.ts';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkServiceCreateOptions, toServiceSpec as specOf, type ServiceCreateOptions } from '../../../src/docker/mapping/service-spec.ts';
import { applyServiceScale as scaled, applyServiceUpdate as updated, checkServiceScaleOptions, checkServiceUpdateOptions, type ServiceUpdateOptions } from '../../../src/docker/mapping/service-update.ts';
import type { ServiceSpec } from '../../../src/docker/engine-api/index.ts';

const NO_NETWORKS = new Map<string, string>();
const create = (o: Partial<ServiceCreateOptions>) => specOf(checkServiceCreateOptions({ name: 'j', image: 'sg-busybox:latest', ...o }), NO_NETWORKS);
const createProblems = (o: Partial<ServiceCreateOptions>) => problemsOf(() => create(o));
const update = (current: ServiceSpec, o: ServiceUpdateOptions) => updated(current, checkServiceUpdateOptions(o), NO_NETWORKS);
const scale = (current: ServiceSpec, replicas: number) => scaled(current, checkServiceScaleOptions({ replicas }));

test('--mode replicated-job --replicas 3 --max-concurrent 2: TotalCompletions from replicas (or totalCompletions), restart on-failure', () => {
  const spec = create({ mode: 'REPLICATED_JOB', replicas: 3, maxConcurrent: 2 });
  assert.deepEqual(spec.Mode, { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 3 } });
  assert.deepEqual(spec.TaskTemplate.RestartPolicy, { Condition: 'on-failure' });
  assert.deepEqual(create({ mode: 'REPLICATED_JOB', totalCompletions: 3, maxConcurrent: 2 }).Mode, spec.Mode);
  // MaxConcurrent defaults to the completions, as the CLI's; both default to 1.
  assert.deepEqual(create({ mode: 'REPLICATED_JOB', totalCompletions: 4 }).Mode, { ReplicatedJob: { MaxConcurrent: 4, TotalCompletions: 4 } });
  assert.deepEqual(create({ mode: 'REPLICATED_JOB' }).Mode, { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } });
});

test('--mode global-job: GlobalJob, restart on-failure; other modes send no restart policy', () => {
  const spec = create({ mode: 'GLOBAL_JOB' });
  assert.deepEqual(spec.Mode, { GlobalJob: {} });
  assert.deepEqual(spec.TaskTemplate.RestartPolicy, { Condition: 'on-failure' });
  assert.equal(create({ mode: 'GLOBAL' }).TaskTemplate.RestartPolicy, undefined);
  assert.equal(create({}).TaskTemplate.RestartPolicy, undefined);
});

test('job options outside their modes, contradicting counts and policies for jobs are refused at their fields', () => {
  assert.deepEqual(createProblems({ mode: 'REPLICATED', maxConcurrent: 2, totalCompletions: 2 }), [['INVALID_VALUE', ['totalCompletions']], ['INVALID_VALUE', ['maxConcurrent']]]);
  assert.deepEqual(createProblems({ mode: 'GLOBAL_JOB', replicas: 2 }), [['INVALID_VALUE', ['replicas']]]);
  assert.deepEqual(createProblems({ mode: 'REPLICATED_JOB', replicas: 2, totalCompletions: 3 }), [['INVALID_VALUE', ['totalCompletions']]]);
  assert.deepEqual(createProblems({ mode: 'REPLICATED_JOB', maxConcurrent: 0, totalCompletions: -1 }), [['INVALID_VALUE', ['totalCompletions']], ['INVALID_VALUE', ['maxConcurrent']]]);
  assert.deepEqual(createProblems({ mode: 'GLOBAL_JOB', updateConfig: { parallelism: 2 }, rollbackConfig: { order: 'start-first' } }), [['INVALID_VALUE', ['updateConfig']], ['INVALID_VALUE', ['rollbackConfig']]]);
  // An empty policy is no policy (the CLI sends none without a flag).
  assert.deepEqual(create({ mode: 'GLOBAL_JOB', updateConfig: { parallelism: null } }).UpdateConfig, undefined);
});

test('--health-cmd, --health-interval, ... and --no-healthcheck on create; zero fields left out', () => {
  const spec = create({ healthcheck: { test: ['CMD-SHELL', 'test -e /tmp/ok'], interval: '1s', timeout: '2s', startPeriod: '0s', retries: 2 } });
  assert.deepEqual(spec.TaskTemplate.ContainerSpec?.Healthcheck, { Test: ['CMD-SHELL', 'test -e /tmp/ok'], Interval: 1e9, Timeout: 2e9, Retries: 2 });
  assert.deepEqual(create({ noHealthcheck: true }).TaskTemplate.ContainerSpec?.Healthcheck, { Test: ['NONE'] });
  assert.equal(create({ healthcheck: { test: null } }).TaskTemplate.ContainerSpec?.Healthcheck, undefined);
  assert.equal(create({}).TaskTemplate.ContainerSpec?.Healthcheck, undefined);
  assert.deepEqual(createProblems({ noHealthcheck: true, healthcheck: { retries: 1 } }), [['INVALID_VALUE', ['noHealthcheck']]]);
  assert.deepEqual(createProblems({ healthcheck: { test: ['sh', '-c', 'true'], interval: '1us' } }), [['INVALID_VALUE', ['healthcheck', 'test']], ['INVALID_VALUE', ['healthcheck', 'interval']]]);
});

const running = (): ServiceSpec => ({
  Name: 'web',
  Labels: {},
  TaskTemplate: {
    ContainerSpec: { Image: 'sg-busybox:latest', Command: ['sleep'], Args: ['1d'], Healthcheck: { Test: ['CMD', 'true'], Interval: 5e9, Retries: 4 } },
    ForceUpdate: 0,
  },
  Mode: { Replicated: { Replicas: 1 } },
});

test('--entrypoint and --args replace Command and Args; an empty list goes back to the image\'s', () => {
  const spec = update(running(), { command: ['sh', '-c', 'exit 1'], args: [] });
  assert.deepEqual(spec.TaskTemplate.ContainerSpec?.Command, ['sh', '-c', 'exit 1']);
  assert.equal(spec.TaskTemplate.ContainerSpec?.Args, undefined);
  const back = update(running(), { command: [], args: ['2d'] });
  assert.equal(back.TaskTemplate.ContainerSpec?.Command, undefined);
  assert.deepEqual(back.TaskTemplate.ContainerSpec?.Args, ['2d']);
  assert.deepEqual(update(running(), {}).TaskTemplate.ContainerSpec, running().TaskTemplate.ContainerSpec);
});

test('--health-* on update change only the fields given; NONE is cleared by them, set by --no-healthcheck', () => {
  const changed = update(running(), { healthcheck: { timeout: '3s', retries: 0 } }).TaskTemplate.ContainerSpec?.Healthcheck;
  assert.deepEqual(changed, { Test: ['CMD', 'true'], Interval: 5e9, Timeout: 3e9 });
  const none = update(running(), { noHealthcheck: true });
  assert.deepEqual(none.TaskTemplate.ContainerSpec?.Healthcheck, { Test: ['NONE'] });
  assert.deepEqual(update(none, { healthcheck: { interval: '2s' } }).TaskTemplate.ContainerSpec?.Healthcheck, { Interval: 2e9 });
  // test: [] goes back to the image's command; a check left with nothing is removed.
  assert.equal(update(none, { healthcheck: { test: [] } }).TaskTemplate.ContainerSpec?.Healthcheck, undefined);
  assert.deepEqual(problemsOf(() => update(running(), { noHealthcheck: true, healthcheck: { test: ['NONE'] } })), [['INVALID_VALUE', ['noHealthcheck']]]);
  assert.deepEqual(problemsOf(() => update(running(), { healthcheck: { startPeriod: 'soon' } })), [['INVALID_VALUE', ['healthcheck', 'startPeriod']]]);
});

test('scale sets a replicated job\'s TotalCompletions (as docker service scale); global jobs cannot be scaled; update replicas needs a replicated service', () => {
  const job: ServiceSpec = { ...running(), Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } } };
  assert.deepEqual(scale(job, 5).Mode, { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 5 } });
  const globalJob: ServiceSpec = { ...running(), Mode: { GlobalJob: {} } };
  const [problem] = (() => {
    try {
      scale(globalJob, 2);
    } catch (err) {
      return (err as { problems: { code: string; field: string[]; message: string }[] }).problems;
    }
    return [];
  })();
  assert.deepEqual([problem?.code, problem?.field], ['INVALID_STATE', ['replicas']]);
  assert.match(problem!.message, /is a global job, so it cannot be scaled/);
  assert.deepEqual(problemsOf(() => update(job, { replicas: 2 })), [['INVALID_STATE', ['replicas']]]);
});
