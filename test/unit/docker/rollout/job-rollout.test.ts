// observeRollout for jobs: only the counted JobIteration's tasks, `complete` is done, and the
// rollout never waits for `running` (docker/cli#5299 hangs on one-shot services). A task that
// failed and will not be restarted ends the rollout as FAILED.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRollout } from '../../../../src/docker/rollout/index.ts';
import type { RestartPolicy, Service } from '../../../../src/docker/engine-api/index.ts';
import { node, service, T0, task, template, tracking } from './engine-json.ts';

const nodes = [node('n1'), node('n2')];
const job = (total: number, iteration = 3, restart?: RestartPolicy): Service =>
  service({
    spec: { Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: total } }, TaskTemplate: { ...template(), ...(restart ? { RestartPolicy: restart } : {}) } },
    JobStatus: { JobIteration: { Index: iteration } },
  });
const jobTask = (slot: number, state: string, iteration = 3, desired = 'complete') =>
  task({ Slot: slot, state, desired, JobIteration: { Index: iteration } });

describe('observeRollout: replicated jobs', () => {
  test('SUCCEEDED as soon as every completion is done: no monitor period, no wait for running', () => {
    const o = observeRollout(tracking({ kind: 'CREATE' }), job(2), [jobTask(0, 'complete'), jobTask(1, 'complete')], nodes, T0);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'SUCCEEDED']);
    assert.deepEqual([o.desired, o.running], [2, 2], 'running counts completed tasks for a job');
    assert.equal(o.reason, '2 of 2 completions complete');
    assert.equal(o.next.jobIteration, 3);
  });

  test('slot 0 is the engine\'s left-out Slot', () => {
    const t = task({ state: 'running', desired: 'complete', JobIteration: { Index: 3 } });
    const o = observeRollout(tracking({ kind: 'CREATE' }), job(2), [t], nodes, T0);
    assert.equal(o.slots[0]!.slot, 0);
    assert.equal(o.status, 'IN_PROGRESS');
    assert.equal(o.reason, '0 of 2 completions complete; slot 0: running');
  });

  test('iteration 0 comes as {} (Index left out): counted as 0, earlier tasks stay apart from later ones', () => {
    const s = service({ spec: { Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } } }, JobStatus: { JobIteration: {} } });
    const zero = task({ state: 'failed', desired: 'shutdown', err: 'task: non-zero exit (3)', JobIteration: {} });
    const o = observeRollout(tracking({ kind: 'CREATE' }), { ...s, Spec: { ...s.Spec, TaskTemplate: { ...s.Spec.TaskTemplate, RestartPolicy: { Condition: 'none' } } } }, [zero], nodes, T0);
    assert.equal(o.next.jobIteration, 0);
    assert.equal(o.reason, 'the job cannot complete: slot 0: failed (task: non-zero exit (3))');
    const later = observeRollout(tracking({ jobIteration: 1 }), job(1, 1), [zero], nodes, T0);
    assert.equal(later.upToDate, 0);
  });

  test('tasks of an earlier iteration do not count', () => {
    const o = observeRollout(tracking({ kind: 'UPDATE' }), job(1), [jobTask(0, 'complete', 2)], nodes, T0);
    assert.equal(o.conclusion, null);
    assert.equal(o.status, 'QUEUED');
  });

  test('the tracked iteration is kept, not the service\'s newest', () => {
    const o = observeRollout(tracking({ jobIteration: 2 }), job(1, 3), [jobTask(0, 'complete', 2)], nodes, T0);
    assert.equal(o.conclusion, 'SUCCEEDED');
    assert.equal(o.next.jobIteration, 2);
  });

  test('a failed task then a complete one in the same slot: the slot is complete', () => {
    const tasks = [jobTask(0, 'failed', 3, 'shutdown'), jobTask(0, 'complete')];
    const o = observeRollout(tracking(), job(1), tasks, nodes, T0);
    assert.equal(o.conclusion, 'SUCCEEDED');
    assert.equal(o.failed, 1);
  });

  test('a failure with restart condition none: FAILED, the job cannot complete', () => {
    const o = observeRollout(tracking(), job(1, 3, { Condition: 'none' }), [task({ Slot: 0, state: 'failed', desired: 'shutdown', err: 'task: non-zero exit (1)', JobIteration: { Index: 3 } })], nodes, T0);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'FAILED']);
    assert.equal(o.reason, 'the job cannot complete: slot 0: failed (task: non-zero exit (1))');
  });

  test('failures with on-failure restarts left: still in progress; MaxAttempts used up: FAILED', () => {
    const policy: RestartPolicy = { Condition: 'on-failure', MaxAttempts: 2 };
    const two = [jobTask(0, 'failed', 3, 'shutdown'), jobTask(0, 'failed', 3, 'shutdown')];
    assert.equal(observeRollout(tracking(), job(1, 3, policy), two, nodes, T0).conclusion, null);
    const three = [...two, jobTask(0, 'rejected', 3, 'shutdown')];
    assert.equal(observeRollout(tracking(), job(1, 3, policy), three, nodes, T0).conclusion, 'FAILED');
  });

  test('TotalCompletions left out: MaxConcurrent completions', () => {
    const s = service({ spec: { Mode: { ReplicatedJob: { MaxConcurrent: 2 } } }, JobStatus: { JobIteration: { Index: 3 } } });
    assert.equal(observeRollout(tracking(), s, [], nodes, T0).desired, 2);
  });
});

describe('observeRollout: global jobs', () => {
  const globalJob = (constraints?: string[]) =>
    service({ spec: { Mode: { GlobalJob: {} }, TaskTemplate: { ...template(), ...(constraints ? { Placement: { Constraints: constraints } } : {}) } }, JobStatus: { JobIteration: { Index: 1 } } });
  const on = (nodeId: string, state: string) => task({ NodeID: nodeId, state, desired: 'complete', JobIteration: { Index: 1 } });

  test('SUCCEEDED when every eligible node completed', () => {
    const o1 = observeRollout(tracking({ kind: 'CREATE' }), globalJob(), [on('n1', 'complete'), on('n2', 'running')], nodes, T0);
    assert.equal(o1.status, 'IN_PROGRESS');
    assert.equal(o1.reason, '1 of 2 nodes complete; node n2: running');
    assert.equal(o1.running, 1, 'the completed node, not the running one');
    const o2 = observeRollout(tracking({ kind: 'CREATE' }), globalJob(), [on('n1', 'complete'), on('n2', 'complete')], nodes, T0);
    assert.equal(o2.conclusion, 'SUCCEEDED');
  });

  test('no eligible node: NO_ELIGIBLE_NODES', () => {
    const o = observeRollout(tracking({ kind: 'CREATE' }), globalJob(['node.role==worker']), [], nodes, T0);
    assert.equal(o.conclusion, 'NO_ELIGIBLE_NODES');
  });
});
