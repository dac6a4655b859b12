// observeRollout and the swarm's own UpdateStatus: only the one this change started counts (a
// stale one from an earlier update is ignored); paused and rolled-back updates are verdicts,
// an automatic rollback is a failure (docker/cli#6752 exits 0 there), and only another Spec
// supersedes the rollout (Version.Index also moves when the swarm writes UpdateStatus).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRollout, rolloutSpecDigest } from '../../../../src/docker/rollout/index.ts';
import type { Service } from '../../../../src/docker/engine-api/index.ts';
import { node, service, T0, task, template, threeRunning, tracking } from './engine-json.ts';

const nodes = [node('node1')];
const BEFORE = '2026-12-01T00:00:00Z';
const NOW_STARTED = '2026-12-03T05:00:01Z';
const withUpdate = (State: string, Message = '', StartedAt = NOW_STARTED, over: Partial<Service> = {}) =>
  service({ Version: { Index: 12 }, UpdateStatus: { State, StartedAt, Message }, ...over });
/** The first observation recorded the digest of the spec the change set. */
const first = (over = {}) => observeRollout(tracking({ updateStartedBefore: BEFORE, ...over }), service(), threeRunning(), nodes, T0).next;

describe('observeRollout: UpdateStatus', () => {
  test('a stale UpdateStatus (same StartedAt as before the change) is ignored', () => {
    const s = withUpdate('paused', 'update paused due to failure', BEFORE);
    const o = observeRollout(tracking({ updateStartedBefore: BEFORE }), s, threeRunning(), nodes, T0 + 1000);
    assert.equal(o.conclusion, null);
    assert.equal(o.status, 'VERIFYING');
    assert.equal(o.updateState, null);
  });

  test('updating: IN_PROGRESS even when the tasks look converged (the swarm is still replacing)', () => {
    const o = observeRollout(first(), withUpdate('updating', 'update in progress'), threeRunning(), nodes, T0 + 60_000);
    assert.equal(o.status, 'IN_PROGRESS');
    assert.equal(o.conclusion, null);
    assert.equal(o.updateState, 'updating');
    assert.equal(o.updateMessage, 'update in progress');
    assert.equal(o.next.convergedAtMs, T0, "converged since the first look: kept while the swarm updates");
  });

  test('completed: convergence decides (VERIFYING, then SUCCEEDED)', () => {
    const s = withUpdate('completed', 'update completed');
    const t = first();
    const o1 = observeRollout(t, s, threeRunning(), nodes, T0 + 1000);
    assert.equal(o1.status, 'VERIFYING');
    const o2 = observeRollout(o1.next, s, threeRunning(), nodes, T0 + 7000);
    assert.equal(o2.conclusion, 'SUCCEEDED');
  });

  test('paused: PAUSED_ON_FAILURE with the swarm\'s message', () => {
    const o = observeRollout(first(), withUpdate('paused', 'update paused due to failure or early termination of task x'), threeRunning(), nodes, T0 + 1000);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'PAUSED_ON_FAILURE']);
    assert.equal(o.reason, 'the swarm paused the update: update paused due to failure or early termination of task x');
  });

  test('rollback_paused: PAUSED_ON_FAILURE', () => {
    const o = observeRollout(first(), withUpdate('rollback_paused', 'rollback paused'), threeRunning(), nodes, T0 + 1000);
    assert.equal(o.conclusion, 'PAUSED_ON_FAILURE');
    assert.match(o.reason!, /paused the rollback/);
  });

  test('rollback_started after the update failed: ROLLING_BACK, not superseded although the spec changed back', () => {
    const rolledSpec = { ...service().Spec, TaskTemplate: template('sg-busybox:old') };
    const s = withUpdate('rollback_started', 'update rolled back due to failure', NOW_STARTED, { Spec: rolledSpec });
    const tasks = [task({ Slot: 1, Spec: template('sg-busybox:old'), state: 'starting' })];
    const o = observeRollout(first(), s, tasks, nodes, T0 + 1000);
    assert.equal(o.status, 'ROLLING_BACK');
    assert.equal(o.conclusion, null);
    assert.match(o.reason!, /^the swarm is rolling the change back: update rolled back due to failure; 0 of 3 tasks running/);
  });

  test('rollback_started: converged tasks are not a success while the rollback runs', () => {
    const o = observeRollout(first({ convergedAtMs: T0 }), withUpdate('rollback_started'), threeRunning(), nodes, T0 + 60_000);
    assert.equal(o.status, 'ROLLING_BACK');
  });

  test('rollback_completed after an update: ROLLED_BACK, a failure verdict (docker/cli#6752)', () => {
    const rolledSpec = { ...service().Spec, TaskTemplate: template('sg-busybox:old') };
    const s = withUpdate('rollback_completed', 'rollback completed', NOW_STARTED, { Spec: rolledSpec });
    const o = observeRollout(first(), s, threeRunning(), nodes, T0 + 1000);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'ROLLED_BACK']);
    assert.equal(o.reason, 'the swarm rolled the change back: rollback completed');
  });

  test('after an automatic rollback, the failed tasks of the change\'s spec still count as failed', () => {
    const rolledSpec = { ...service().Spec, TaskTemplate: template('sg-busybox:old') };
    const s = withUpdate('rollback_completed', 'rollback completed', NOW_STARTED, { Spec: rolledSpec });
    const tasks = [
      task({ Slot: 1, Spec: template('sg-busybox:old') }),
      task({ Slot: 2, Spec: template('sg-busybox:old') }),
      task({ Slot: 1, state: 'failed', desired: 'shutdown', err: 'task: non-zero exit (1)' }),
    ];
    const t = first();
    assert.ok(t.taskSpecDigest);
    const o = observeRollout(t, s, tasks, nodes, T0 + 1000);
    assert.equal(o.conclusion, 'ROLLED_BACK');
    assert.equal(o.failed, 1);
  });

  test('a first look during the swarm\'s rollback does not take the rolled-back spec for the change\'s', () => {
    const o = observeRollout(tracking({ updateStartedBefore: BEFORE }), withUpdate('rollback_started'), threeRunning(), nodes, T0);
    assert.equal(o.next.taskSpecDigest, null);
    const requested = observeRollout(tracking({ kind: 'ROLLBACK', updateStartedBefore: BEFORE }), withUpdate('rollback_started'), threeRunning(), nodes, T0);
    assert.ok(requested.next.taskSpecDigest, 'a requested rollback\'s spec is the rolled-back one');
  });

  test('rollback_completed of a requested rollback (kind ROLLBACK): SUCCEEDED once converged and monitored', () => {
    const s = service({
      Version: { Index: 12 },
      UpdateStatus: { State: 'rollback_completed', StartedAt: NOW_STARTED, Message: 'rollback completed' },
      spec: { RollbackConfig: { Parallelism: 1, Monitor: 2e9, MaxFailureRatio: 0, Order: 'stop-first' } },
    });
    const t = observeRollout(tracking({ kind: 'ROLLBACK', updateStartedBefore: BEFORE }), s, threeRunning(), nodes, T0).next;
    assert.equal(observeRollout(t, s, threeRunning(), nodes, T0 + 1999).status, 'VERIFYING');
    const o = observeRollout(t, s, threeRunning(), nodes, T0 + 2000);
    assert.equal(o.conclusion, 'SUCCEEDED');
  });

  test('the swarm writing UpdateStatus moves Version.Index: not superseded', () => {
    const o = observeRollout(first(), withUpdate('updating'), threeRunning(), nodes, T0 + 1000);
    assert.notEqual(o.conclusion, 'SUPERSEDED');
  });

  test('another spec at a later version: SUPERSEDED', () => {
    const other = service({ Version: { Index: 14 }, spec: { TaskTemplate: template('sg-busybox:next') } });
    // First a grace period (the gateway's own superseding, naming the new rollout, comes first).
    const o1 = observeRollout(first(), other, threeRunning(), nodes, T0 + 1000);
    assert.deepEqual([o1.status, o1.conclusion, o1.reason], ['IN_PROGRESS', null, 'the service was changed again (version 14)']);
    assert.equal(o1.next.changedSinceMs, T0 + 1000);
    assert.equal(observeRollout(o1.next, other, threeRunning(), nodes, T0 + 3999).conclusion, null);
    const o = observeRollout(o1.next, other, threeRunning(), nodes, T0 + 4000);
    assert.deepEqual([o.status, o.conclusion], ['COMPLETED', 'SUPERSEDED']);
    assert.equal(o.reason, 'the service was changed again (version 14)');
  });

  test('a digest set from the service right after the change: a change before the first observation supersedes', () => {
    const t = tracking({ updateStartedBefore: BEFORE, specDigest: rolloutSpecDigest(service()) });
    const other = service({ Version: { Index: 11 }, spec: { Mode: { Replicated: { Replicas: 5 } } } });
    assert.equal(observeRollout({ ...t, changedSinceMs: T0 - 3000 }, other, threeRunning(), nodes, T0).conclusion, 'SUPERSEDED');
  });

  test('within the grace, no other verdict (not even converged-and-monitored), and a spec changed back clears it', () => {
    const labelsOnly = service({ Version: { Index: 14 }, spec: { Labels: { a: 'b' } } });
    const o = observeRollout({ ...first(), convergedAtMs: T0 - 60_000 }, labelsOnly, threeRunning(), nodes, T0 + 1000);
    assert.equal(o.conclusion, null);
    const back = observeRollout(o.next, service({ Version: { Index: 16 } }), threeRunning(), nodes, T0 + 2000);
    assert.equal(back.next.changedSinceMs, null);
    assert.equal(back.conclusion, 'SUCCEEDED');
  });

  test('another spec while a rollback of the swarm\'s is current: keep tracking', () => {
    const other = service({ Version: { Index: 14 }, spec: { TaskTemplate: template('sg-busybox:old') }, UpdateStatus: { State: 'rollback_started', StartedAt: NOW_STARTED } });
    assert.equal(observeRollout(first(), other, threeRunning(), nodes, T0 + 1000).conclusion, null);
  });

  test('the first observation records the spec digest; a given digest is kept', () => {
    const t = first();
    assert.equal(t.specDigest, rolloutSpecDigest(service()));
    assert.notEqual(rolloutSpecDigest(service({ spec: { TaskTemplate: template('sg-busybox:next') } })), t.specDigest);
    assert.equal(observeRollout(tracking({ specDigest: 'given' }), service(), threeRunning(), nodes, T0).next.specDigest, 'given');
  });
});
