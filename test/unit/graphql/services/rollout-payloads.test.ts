// The service mutations' rollouts against a fake engine: each change that replaces tasks
// answers with the rollout it started (its kind from the change), a labels-only update with
// none; `wait` and `deadline` out of range are refused at their fields before the engine is
// asked; `wait` answers with the concluded rollout once the fake swarm converges; a rollout
// service that cannot start tracking leaves the change made, with a warning.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { startFakeGateway, useFakeGateway } from '../../../support/fake-gateway.ts';
import type { Rollouts } from '../../../../src/rollouts/rollouts.ts';

const ROLLOUT = 'rollout { id kind status conclusion serviceId serviceName startedBy desired running upToDate serviceVersion deadline startedAt slots { slot state desiredState upToDate } }';
const SELECTION = `service { id version } warnings ${ROLLOUT}`;
/** A 1 ms monitor period: a converged rollout concludes at the tracker's next look. */
const QUICK: Json = { UpdateConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 1_000_000, MaxFailureRatio: 0, Order: 'stop-first' } };

describe('service mutations start rollouts', () => {
  const fg = useFakeGateway({ trackRollouts: true });
  const addService = (name: string, extra: Json = {}) => fg().engine.state.addService(serviceSpec(name, { ...QUICK, ...extra }));

  test('serviceCreate answers with a CREATE rollout of the new service, started by the caller, with a deadline', async () => {
    const answer = await fg().mutate('serviceCreate', { name: 'ro-created', image: 'sg-busybox:latest', replicas: 2, deadline: 120 }, SELECTION);
    assert.deepEqual(answer.userErrors, []);
    const { service, rollout } = answer.payload!;
    assert.equal(rollout.kind, 'CREATE');
    assert.equal(rollout.serviceId, service.id);
    assert.equal(rollout.serviceName, 'ro-created');
    assert.equal(rollout.serviceVersion, service.version);
    assert.equal(rollout.startedBy, 'oidc:test-admin');
    assert.equal(Date.parse(rollout.deadline) - Date.parse(rollout.startedAt), 120_000);
    assert.equal(fg().audit.outcomeOf('serviceCreate')!.status, 'succeeded');
  });

  test('serviceUpdate: a new image is an UPDATE, force alone a REDEPLOY, labels only no rollout', async () => {
    addService('ro-updated');
    const image = await fg().mutate('serviceUpdate', { id: 'ro-updated', image: 'sg-busybox:v2' }, SELECTION);
    assert.deepEqual(image.userErrors, []);
    assert.equal(image.payload!.rollout.kind, 'UPDATE');
    const force = await fg().mutate('serviceUpdate', { id: 'ro-updated', force: true }, SELECTION);
    assert.equal(force.payload!.rollout.kind, 'REDEPLOY');
    assert.notEqual(force.payload!.rollout.id, image.payload!.rollout.id);
    const labels = await fg().mutate('serviceUpdate', { id: 'ro-updated', labels: { add: [{ key: 'tier', value: 'web' }] } }, SELECTION);
    assert.deepEqual(labels.userErrors, []);
    assert.equal(labels.payload!.rollout, null);
  });

  test('serviceScale is a SCALE; serviceRollback a ROLLBACK', async () => {
    addService('ro-scaled');
    const scaled = await fg().mutate('serviceScale', { id: 'ro-scaled', replicas: 3 }, SELECTION);
    assert.deepEqual(scaled.userErrors, []);
    assert.equal(scaled.payload!.rollout.kind, 'SCALE');
    const rolledBack = await fg().mutate('serviceRollback', { id: 'ro-scaled' }, SELECTION);
    assert.deepEqual(rolledBack.userErrors, []);
    assert.equal(rolledBack.payload!.rollout.kind, 'ROLLBACK');
  });

  test('wait and deadline out of range are INVALID_VALUE at their fields, and nothing is sent to the engine', async () => {
    addService('ro-refused');
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['serviceCreate', { name: 'ro-never', image: 'sg-busybox:latest', wait: 0 }, ['input', 'wait']],
      ['serviceCreate', { name: 'ro-never', image: 'sg-busybox:latest', deadline: 86_401 }, ['input', 'deadline']],
      ['serviceUpdate', { id: 'ro-refused', image: 'sg-busybox:v2', wait: 901 }, ['input', 'wait']],
      ['serviceUpdate', { id: 'ro-refused', force: true, deadline: 9 }, ['input', 'deadline']],
      ['serviceScale', { id: 'ro-refused', replicas: 2, wait: -5 }, ['input', 'wait']],
      ['serviceRollback', { id: 'ro-refused', deadline: 0 }, ['input', 'deadline']],
    ];
    for (const [field, input, at] of cases) {
      const answer = await fg().mutate(field, input, SELECTION);
      assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[at, 'INVALID_VALUE']], `${field} ${JSON.stringify(input)}`);
      assert.equal(answer.payload!.rollout, null);
      assert.equal(fg().audit.outcomeOf(field)!.status, 'failed');
    }
    assert.deepEqual(fg().engine.writes(), []);
    assert.equal([...fg().engine.state.services.values()].some((s) => s.Spec.Name === 'ro-never'), false);
  });

  test('wait answers once the rollout concluded: SUCCEEDED with every slot running the new spec', async () => {
    addService('ro-waited', { Mode: { Replicated: { Replicas: 2 } } });
    const answer = await fg().mutate('serviceUpdate', { id: 'ro-waited', image: 'sg-busybox:v2', wait: 60 }, SELECTION);
    assert.deepEqual(answer.userErrors, []);
    const { rollout } = answer.payload!;
    assert.equal(rollout.conclusion, 'SUCCEEDED');
    assert.equal(rollout.status, 'COMPLETED');
    assert.deepEqual([rollout.desired, rollout.running, rollout.upToDate], [2, 2, 2]);
    assert.deepEqual(
      rollout.slots.map((s: Json) => [s.slot, s.state, s.desiredState, s.upToDate]),
      [[1, 'RUNNING', 'RUNNING', true], [2, 'RUNNING', 'RUNNING', true]],
    );
    // The audit outcome was written before the wait: the change is on record either way.
    assert.equal(fg().audit.outcomeOf('serviceUpdate')!.status, 'succeeded');
  });
});

describe('a rollout that cannot be started', () => {
  test('leaves the change made and audited as succeeded: rollout null, and a warning that says so', async () => {
    const failing: Rollouts = {
      start: async () => {
        throw new Error('database unreachable');
      },
      get: async () => null,
      listForService: async () => ({ items: [], totalCount: 0, hasNextPage: false }),
      watch: () => {
        throw new Error('not used');
      },
      waitForConclusion: async () => {
        throw new Error('not used');
      },
      onConcluded: () => {},
      resume: async () => {},
      endWaits: () => {},
      stop: async () => {},
    };
    const fg = await startFakeGateway({ rollouts: failing });
    try {
      const answer = await fg.mutate('serviceCreate', { name: 'ro-untracked', image: 'sg-busybox:latest', wait: 30 }, SELECTION);
      assert.deepEqual(answer.userErrors, []);
      assert.ok(answer.payload!.service.id);
      assert.equal(answer.payload!.rollout, null);
      assert.equal(answer.payload!.warnings.length, 1);
      assert.match(answer.payload!.warnings[0], /change was made, but the gateway could not follow its rollout/);
      assert.equal(fg.audit.outcomeOf('serviceCreate')!.status, 'succeeded');
    } finally {
      await fg.stop();
    }
  });
});
