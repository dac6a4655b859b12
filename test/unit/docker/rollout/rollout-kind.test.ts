// rolloutKindOf: which service changes start a rollout, and of which kind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceSpec } from '../../../../src/docker/engine-api/index.ts';
import { rolloutKindOf } from '../../../../src/docker/rollout/rollout-kind.ts';

const base = (): ServiceSpec => ({
  Name: 'web',
  Labels: { team: 'payments' },
  TaskTemplate: { ContainerSpec: { Image: 'sg-busybox:latest', Args: ['sleep', '3600'] }, ForceUpdate: 0 },
  Mode: { Replicated: { Replicas: 2 } },
  UpdateConfig: { Parallelism: 1, MaxFailureRatio: 0, Order: 'stop-first' },
  EndpointSpec: { Mode: 'vip' },
});

const changed = (change: (s: ServiceSpec) => void): ServiceSpec => {
  const spec = base();
  change(spec);
  return spec;
};

describe('rolloutKindOf', () => {
  it('a new service is a CREATE', () => {
    assert.equal(rolloutKindOf(null, base()), 'CREATE');
  });

  it('a new image, env or network in the task spec is an UPDATE', () => {
    assert.equal(rolloutKindOf(base(), changed((s) => (s.TaskTemplate.ContainerSpec!.Image = 'sg-busybox:other'))), 'UPDATE');
    assert.equal(rolloutKindOf(base(), changed((s) => (s.TaskTemplate.ContainerSpec!.Env = ['A=1']))), 'UPDATE');
    assert.equal(rolloutKindOf(base(), changed((s) => (s.TaskTemplate.Networks = [{ Target: 'n1' }]))), 'UPDATE');
  });

  it('a new published port (the endpoint spec) is an UPDATE: swarmkit replaces tasks whose endpoint differs', () => {
    assert.equal(rolloutKindOf(base(), changed((s) => (s.EndpointSpec = { Mode: 'vip', Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }] }))), 'UPDATE');
  });

  it('a change of mode is an UPDATE', () => {
    assert.equal(rolloutKindOf(base(), changed((s) => (s.Mode = { Global: {} }))), 'UPDATE');
  });

  it('a task spec change with a new replica count is an UPDATE, not a SCALE', () => {
    const after = changed((s) => {
      s.TaskTemplate.ContainerSpec!.Image = 'sg-busybox:other';
      s.Mode = { Replicated: { Replicas: 5 } };
    });
    assert.equal(rolloutKindOf(base(), after), 'UPDATE');
  });

  it('only ForceUpdate bumped is a REDEPLOY, also with a new replica count', () => {
    assert.equal(rolloutKindOf(base(), changed((s) => (s.TaskTemplate.ForceUpdate = 1))), 'REDEPLOY');
    const both = changed((s) => {
      s.TaskTemplate.ForceUpdate = 1;
      s.Mode = { Replicated: { Replicas: 3 } };
    });
    assert.equal(rolloutKindOf(base(), both), 'REDEPLOY');
  });

  it('only the replica count (or a job completion count) changed is a SCALE', () => {
    assert.equal(rolloutKindOf(base(), changed((s) => (s.Mode = { Replicated: { Replicas: 0 } }))), 'SCALE');
    const job = changed((s) => (s.Mode = { ReplicatedJob: { TotalCompletions: 2, MaxConcurrent: 2 } }));
    assert.equal(rolloutKindOf(job, changed((s) => (s.Mode = { ReplicatedJob: { TotalCompletions: 4, MaxConcurrent: 2 } }))), 'SCALE');
  });

  it('labels or update policy only: no rollout', () => {
    assert.equal(rolloutKindOf(base(), changed((s) => (s.Labels = { team: 'payments', tier: 'web' }))), null);
    assert.equal(rolloutKindOf(base(), changed((s) => (s.UpdateConfig = { Parallelism: 2, MaxFailureRatio: 0, Order: 'start-first' }))), null);
    assert.equal(rolloutKindOf(base(), base()), null);
  });

  it('a job runs again on any update (a new iteration): labels only is a REDEPLOY', () => {
    const job = changed((s) => (s.Mode = { GlobalJob: {} }));
    const relabelled = changed((s) => {
      s.Mode = { GlobalJob: {} };
      s.Labels = { team: 'other' };
    });
    assert.equal(rolloutKindOf(job, relabelled), 'REDEPLOY');
  });
});
