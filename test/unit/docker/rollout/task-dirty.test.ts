// planTaskChanges: which tasks a new spec replaces, by swarmkit's dirty rules, over engine JSON.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ServiceSpec } from '../../../../src/docker/engine-api/index.ts';
import { planTaskChanges } from '../../../../src/docker/rollout/task-dirty.ts';
import { node, service, task, template, threeRunning } from './engine-json.ts';

const current = service();
const nodes = [node('node1', { labels: { zone: 'a' } }), node('node2', { labels: { zone: 'b' } })];
const next = (change: (s: ServiceSpec) => void): ServiceSpec => {
  const spec = structuredClone(current.Spec);
  change(spec);
  return spec;
};
const reasons = (plan: ReturnType<typeof planTaskChanges>) => plan.replaced.map((r) => `${r.slot}:${r.reason}`);

describe('planTaskChanges (swarmkit IsTaskDirty)', () => {
  it('a new image replaces every slot, naming task and node', () => {
    const tasks = threeRunning();
    const plan = planTaskChanges(current, tasks, nodes, next((s) => (s.TaskTemplate.ContainerSpec!.Image = 'sg-busybox:other')));
    assert.deepEqual(reasons(plan), ['1:TASK_SPEC_CHANGED', '2:TASK_SPEC_CHANGED', '3:TASK_SPEC_CHANGED']);
    assert.deepEqual(plan.replaced.map((r) => [r.taskId, r.nodeId]), tasks.map((t) => [t.ID, 'node1']));
    assert.equal(plan.added + plan.removed, 0);
  });

  it('names the paths in which each task differs', () => {
    const plan = planTaskChanges(current, threeRunning(), nodes, next((s) => (s.TaskTemplate.ContainerSpec!.Env = ['A=1'])));
    assert.deepEqual(plan.replaced.map((r) => r.paths), [['TaskTemplate.ContainerSpec.Env'], ['TaskTemplate.ContainerSpec.Env'], ['TaskTemplate.ContainerSpec.Env']]);
  });

  it('Runtime, which the engine\'s service view fills in and its task view leaves out, is no difference', () => {
    const withRuntime = next((s) => (s.TaskTemplate.Runtime = 'container'));
    assert.deepEqual(planTaskChanges(current, threeRunning(), nodes, withRuntime), { replaced: [], added: 0, removed: 0 });
  });

  it("keys the engine's task view shows as null (Privileges' CredentialSpec, SELinuxContext, seen on a real swarm) are no difference from a spec that leaves them out", () => {
    const sent = next((s) => (s.TaskTemplate.ContainerSpec!.Privileges = {}));
    const shown = { ...structuredClone(sent.TaskTemplate), ContainerSpec: { ...sent.TaskTemplate.ContainerSpec!, Privileges: { CredentialSpec: null, SELinuxContext: null } } };
    const tasks = [task({ Slot: 1, NodeID: 'node1', Spec: shown })];
    assert.deepEqual(planTaskChanges({ ...current, Spec: sent }, tasks, nodes, sent), { replaced: [], added: 2, removed: 0 });
  });

  it('a new env replaces every slot', () => {
    assert.equal(planTaskChanges(current, threeRunning(), nodes, next((s) => (s.TaskTemplate.ContainerSpec!.Env = ['A=1']))).replaced.length, 3);
  });

  it('service labels only replace nothing', () => {
    const plan = planTaskChanges(current, threeRunning(), nodes, next((s) => (s.Labels = { team: 'x' })));
    assert.deepEqual(plan, { replaced: [], added: 0, removed: 0 });
  });

  it('placement only: a task whose node meets the new constraints stays, one whose node does not is replaced', () => {
    const tasks = [task({ Slot: 1, NodeID: 'node1' }), task({ Slot: 2, NodeID: 'node2' })];
    const plan = planTaskChanges(current, tasks, nodes, next((s) => (s.TaskTemplate.Placement = { Constraints: ['node.labels.zone==a'] })));
    assert.deepEqual(plan.replaced.map((r) => [r.slot, r.nodeId, r.reason]), [[2, 'node2', 'PLACEMENT_NOT_MET']]);
  });

  it('placement only on a node the gateway cannot see: replaced (swarmkit: no node matches nothing)', () => {
    const plan = planTaskChanges(current, [task({ Slot: 1, NodeID: 'gone' })], nodes, next((s) => (s.TaskTemplate.Placement = { Constraints: ['node.role==manager'] })));
    assert.deepEqual(reasons(plan), ['1:PLACEMENT_NOT_MET']);
  });

  it('placement together with another task change replaces the task even where the node meets it', () => {
    const plan = planTaskChanges(current, [task({ Slot: 1, NodeID: 'node1' })], nodes, next((s) => {
      s.TaskTemplate.Placement = { Constraints: ['node.labels.zone==a'] };
      s.TaskTemplate.ContainerSpec!.Env = ['A=1'];
    }));
    assert.deepEqual(reasons(plan), ['1:TASK_SPEC_CHANGED']);
  });

  it('replicas only: none replaced, slots added or removed', () => {
    const up = planTaskChanges(current, threeRunning(), nodes, next((s) => (s.Mode = { Replicated: { Replicas: 5 } })));
    assert.deepEqual(up, { replaced: [], added: 2, removed: 0 });
    const down = planTaskChanges(current, threeRunning(), nodes, next((s) => (s.Mode = { Replicated: { Replicas: 1 } })));
    assert.deepEqual(down, { replaced: [], added: 0, removed: 2 });
  });

  it('a ForceUpdate bump replaces every slot as FORCE_UPDATE', () => {
    const plan = planTaskChanges(current, threeRunning(), nodes, next((s) => (s.TaskTemplate.ForceUpdate = 1)));
    assert.deepEqual(reasons(plan), ['1:FORCE_UPDATE', '2:FORCE_UPDATE', '3:FORCE_UPDATE']);
  });

  it('new published ports (endpoint spec) replace every slot', () => {
    const plan = planTaskChanges(current, threeRunning(), nodes, next((s) => (s.EndpointSpec = { Ports: [{ TargetPort: 80, PublishedPort: 8080, Protocol: 'tcp', PublishMode: 'ingress' }] })));
    assert.deepEqual(reasons(plan), ['1:ENDPOINT_CHANGED', '2:ENDPOINT_CHANGED', '3:ENDPOINT_CHANGED']);
  });

  it('a task still on an older spec is dirty even when the new spec changes nothing of it', () => {
    const tasks = [task({ Slot: 1 }), task({ Slot: 2, Spec: template('sg-busybox:old') })];
    assert.deepEqual(reasons(planTaskChanges(current, tasks, nodes, next((s) => (s.Labels = { a: 'b' })))), ['2:TASK_SPEC_CHANGED']);
  });

  it('shut-down tasks are history, not slots', () => {
    const tasks = [...threeRunning(), task({ Slot: 1, state: 'shutdown', desired: 'shutdown', Spec: template('sg-busybox:old') })];
    const plan = planTaskChanges(current, tasks, nodes, next((s) => (s.Mode = { Replicated: { Replicas: 3 } })));
    assert.deepEqual(plan, { replaced: [], added: 0, removed: 0 });
  });

  it('a job: any accepted update starts a new iteration, superseding the current iteration\'s tasks', () => {
    const job = service({ spec: { Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 2 } } }, JobStatus: { JobIteration: { Index: 1 } } });
    const tasks = [task({ Slot: 0, JobIteration: {}, state: 'complete', desired: 'complete' }), task({ Slot: 1, JobIteration: { Index: 1 }, state: 'complete', desired: 'complete' })];
    const spec = structuredClone(job.Spec);
    spec.Labels = { only: 'labels' };
    const plan = planTaskChanges(job, tasks, nodes, spec);
    assert.deepEqual(plan.replaced.map((r) => [r.taskId, r.reason]), [[tasks[1]!.ID, 'NEW_JOB_ITERATION']]);
  });

  it('global: a node that stops meeting the constraints loses its task; a newly eligible node gets one', () => {
    const global = service({ spec: { Mode: { Global: {} }, TaskTemplate: { ...template(), Placement: { Constraints: ['node.labels.zone==a'] } } } });
    const tasks = [task({ NodeID: 'node1', Spec: global.Spec.TaskTemplate })];
    const spec = structuredClone(global.Spec);
    spec.TaskTemplate.Placement = { Constraints: ['node.labels.zone==b'] };
    assert.deepEqual(planTaskChanges(global, tasks, nodes, spec), { replaced: [], added: 1, removed: 1 });
    const image = structuredClone(global.Spec);
    image.TaskTemplate.ContainerSpec!.Image = 'sg-busybox:other';
    assert.deepEqual(planTaskChanges(global, tasks, nodes, image), { replaced: [{ slot: null, nodeId: 'node1', taskId: tasks[0]!.ID, reason: 'TASK_SPEC_CHANGED', paths: ['TaskTemplate.ContainerSpec.Image'] }], added: 0, removed: 0 });
  });
});
