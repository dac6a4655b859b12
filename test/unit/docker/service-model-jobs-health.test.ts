// toServiceModel for job modes and health checks: the mode, the job's counts and status, and
// the spec's health check read back (durations in seconds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Service as EngineService, ServiceSpec } from '../../../src/docker/engine-api/index.ts';
import { toServiceModel } from '../../../src/docker/model/service.ts';

const service = (spec: Partial<ServiceSpec>, extra: Partial<EngineService> = {}): EngineService => ({
  ID: 'id1',
  Version: { Index: 7 },
  CreatedAt: '2026-12-01T00:00:00Z',
  UpdatedAt: '2026-12-01T00:00:01Z',
  Spec: { Name: 's', Labels: null, TaskTemplate: { ContainerSpec: { Image: 'sg-busybox:latest' }, ForceUpdate: 0 }, Mode: { Replicated: { Replicas: 2 } }, ...spec },
  ...extra,
});

test('a replicated job: its mode, completions as replicas, concurrency and job status', () => {
  const m = toServiceModel('c1', service({ Mode: { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 3 } } }, { JobStatus: { JobIteration: { Index: 4 }, LastExecution: '2026-12-01T00:00:02Z' } }));
  assert.equal(m.mode, 'REPLICATED_JOB');
  assert.equal(m.replicas, 3);
  assert.equal(m.maxConcurrent, 2);
  assert.deepEqual(m.jobStatus, { iteration: 4, lastExecution: '2026-12-01T00:00:02Z' });
});

test('a global job, and services that are no jobs', () => {
  const g = toServiceModel('c1', service({ Mode: { GlobalJob: {} } }, { JobStatus: {} }));
  assert.deepEqual([g.mode, g.replicas, g.maxConcurrent, g.jobStatus], ['GLOBAL_JOB', null, null, { iteration: 0, lastExecution: null }]);
  const r = toServiceModel('c1', service({}));
  assert.deepEqual([r.mode, r.replicas, r.maxConcurrent, r.jobStatus], ['REPLICATED', 2, null, null]);
  assert.equal(toServiceModel('c1', service({ Mode: { Global: {} } })).mode, 'GLOBAL');
});

test('the health check of the spec, zero fields as 0; none without one', () => {
  const spec = { TaskTemplate: { ContainerSpec: { Image: 'x', Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 1_500_000_000, Retries: 2 } }, ForceUpdate: 0 } };
  assert.deepEqual(toServiceModel('c1', service(spec)).healthcheck, { test: ['CMD-SHELL', 'true'], intervalSeconds: 1.5, timeoutSeconds: 0, startPeriodSeconds: 0, retries: 2 });
  assert.equal(toServiceModel('c1', service({})).healthcheck, null);
});
