// A redeploy compares the final spec with the stored one with the engine's defaults on both
// sides: what the engine filled in (seen on a real swarm) is no change; a removed field is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceSpecChanges } from '../../../../src/graphql/stacks/engine-defaults.ts';
import type { ServiceSpec } from '../../../../src/docker/engine-api/index.ts';

const sent = (): ServiceSpec => ({
  Name: 'shop_web',
  Labels: { 'com.docker.stack.namespace': 'shop' },
  TaskTemplate: { ContainerSpec: { Image: 'nginx:1', Env: ['A=1'] }, ForceUpdate: 0 },
  Mode: { Replicated: { Replicas: 1 } },
  UpdateConfig: { Parallelism: 1, MaxFailureRatio: 0, Order: '' as never },
  EndpointSpec: {},
});

const stored = (): ServiceSpec => {
  const s = sent();
  s.EndpointSpec = { Mode: 'vip' };
  s.TaskTemplate.ContainerSpec!.Isolation = 'default';
  s.TaskTemplate.Runtime = 'container';
  s.UpdateConfig = { Parallelism: 1, MaxFailureRatio: 0, FailureAction: 'pause', Order: 'stop-first' };
  return s;
};

test("the engine's defaults in the stored spec are no change", () => {
  assert.deepEqual(serviceSpecChanges(stored(), sent()), []);
});

test('a field the file no longer sets is a change, a default aside', () => {
  const next = sent();
  delete next.TaskTemplate.ContainerSpec!.Env;
  assert.deepEqual(serviceSpecChanges(stored(), next).map((c) => c.path), ['TaskTemplate.ContainerSpec.Env']);
  const order = sent();
  order.UpdateConfig!.Order = 'start-first';
  assert.deepEqual(serviceSpecChanges(stored(), order).map((c) => c.path), ['UpdateConfig.Order']);
});
