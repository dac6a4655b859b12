// defaultRolloutDeadlineMs: batches of Parallelism, each Delay + Monitor + 60 s, plus 60 s,
// kept within 2 min and 1 h; ROLLBACK uses the RollbackConfig.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRolloutDeadlineMs } from '../../../../src/docker/rollout/index.ts';
import type { ServiceSpec, UpdateConfig } from '../../../../src/docker/engine-api/index.ts';
import { template } from './engine-json.ts';

const MIN = 60_000;
const config = (over: Partial<UpdateConfig>): UpdateConfig => ({ Parallelism: 1, MaxFailureRatio: 0, Order: 'stop-first', ...over });
const spec = (over: Partial<ServiceSpec>): ServiceSpec => ({ Labels: null, TaskTemplate: template(), Mode: { Replicated: { Replicas: 3 } }, ...over });

describe('defaultRolloutDeadlineMs', () => {
  test('three replicas, engine defaults (parallelism 1, monitor 5 s): 3 x 65 s + 60 s', () => {
    assert.equal(defaultRolloutDeadlineMs(spec({}), 'UPDATE', 1), 3 * 65_000 + 60_000);
  });

  test('delay and monitor count per batch; parallelism groups tasks', () => {
    const s = spec({ Mode: { Replicated: { Replicas: 10 } }, UpdateConfig: config({ Parallelism: 4, Delay: 10e9, Monitor: 30e9 }) });
    assert.equal(defaultRolloutDeadlineMs(s, 'UPDATE', 1), 3 * 100_000 + 60_000);
  });

  test('parallelism 0 replaces all tasks in one batch', () => {
    const s = spec({ Mode: { Replicated: { Replicas: 50 } }, UpdateConfig: config({ Parallelism: 0 }) });
    assert.equal(defaultRolloutDeadlineMs(s, 'UPDATE', 1), 125_000);
  });

  test('at least 2 min: a one-completion job', () => {
    const s = spec({ Mode: { ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } } });
    assert.equal(defaultRolloutDeadlineMs(s, 'CREATE', 1), 2 * MIN);
  });

  test('at most 1 h', () => {
    const s = spec({ Mode: { Replicated: { Replicas: 500 } } });
    assert.equal(defaultRolloutDeadlineMs(s, 'UPDATE', 1), 60 * MIN);
  });

  test('ROLLBACK uses the RollbackConfig', () => {
    const s = spec({ UpdateConfig: config({ Parallelism: 1 }), RollbackConfig: config({ Parallelism: 3, Monitor: 100e9 }) });
    assert.equal(defaultRolloutDeadlineMs(s, 'ROLLBACK', 1), 160_000 + 60_000);
    assert.equal(defaultRolloutDeadlineMs(s, 'UPDATE', 1), 3 * 65_000 + 60_000);
  });

  test('global services count the nodes', () => {
    const s = spec({ Mode: { Global: {} } });
    assert.equal(defaultRolloutDeadlineMs(s, 'UPDATE', 4), 4 * 65_000 + 60_000);
  });

  test('replicated jobs: batches of MaxConcurrent completions, 60 s each', () => {
    const s = spec({ Mode: { ReplicatedJob: { MaxConcurrent: 2, TotalCompletions: 8 } } });
    assert.equal(defaultRolloutDeadlineMs(s, 'CREATE', 1), 4 * 60_000 + 60_000);
  });
});
