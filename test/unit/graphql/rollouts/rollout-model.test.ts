// toRolloutModel: a stored rollout as the schema's Rollout (ISO dates, engine task-state words
// as TaskState values, the swarm's update state passed through as UpdateState's internal value,
// one the schema does not know as null).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RolloutRecord } from '../../../../src/rollouts/rollouts.ts';
import { toRolloutModel } from '../../../../src/graphql/rollouts/rollout-model.ts';

const record = (over: Partial<RolloutRecord> = {}): RolloutRecord => ({
  id: '3b1f0c52-6f4e-4d0a-9a51-2f0d8e6c1a77',
  cluster: 'c1',
  serviceId: 'svc1',
  serviceName: 'api',
  serviceLabels: { team: 'payments' },
  kind: 'UPDATE',
  status: 'IN_PROGRESS',
  conclusion: null,
  reason: '1 of 2 tasks running; slot 2: starting',
  desired: 2,
  running: 1,
  upToDate: 2,
  failed: 0,
  slots: [
    { slot: 1, nodeId: 'n1', taskId: 't1', state: 'running', desiredState: 'running', upToDate: true, error: null, message: 'started' },
    { slot: 2, nodeId: null, taskId: null, state: null, desiredState: null, upToDate: false, error: null, message: null },
  ],
  updateState: 'rollback_started',
  updateMessage: 'update rolled back',
  serviceVersion: 12,
  startedBy: 'oidc:bot',
  startedAt: new Date('2026-12-03T05:00:00.000Z'),
  deadline: new Date('2026-12-03T05:10:00.000Z'),
  concludedAt: null,
  supersededBy: null,
  ...over,
});

test('dates as ISO text, slot states as TaskState values, the update state as the engine word', () => {
  const m = toRolloutModel(record());
  assert.equal(m.startedAt, '2026-12-03T05:00:00.000Z');
  assert.equal(m.deadline, '2026-12-03T05:10:00.000Z');
  assert.equal(m.concludedAt, null);
  assert.equal(m.updateState, 'rollback_started');
  assert.deepEqual(m.slots.map((s) => [s.slot, s.state, s.desiredState, s.upToDate]), [[1, 'RUNNING', 'RUNNING', true], [2, null, null, false]]);
  assert.equal('serviceLabels' in m, false, 'the labels that decide visibility are not part of the answer');
});

test('an update state the schema does not know is null rather than a failed field', () => {
  assert.equal(toRolloutModel(record({ updateState: 'something_new' })).updateState, null);
  assert.equal(toRolloutModel(record({ updateState: null })).updateState, null);
});
