// serviceScale against a fake engine: only Mode.Replicated.Replicas changes in the spec
// sent, the tasks follow; a global service is INVALID_STATE, negative replicas
// INVALID_VALUE, both before the engine is asked; a stale version is VERSION_CONFLICT;
// an operator may scale, a viewer may not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { useFakeGateway } from '../../../support/fake-gateway.ts';

const SERVICE = 'service { id replicas runningTasks desiredTasks } warnings';

describe('serviceScale', () => {
  const fg = useFakeGateway();
  const updates = () => fg().engine.writes().filter((r) => /^\/services\/[^/]+\/update$/.test(r.path));
  const addService = (name: string, extra: Json = {}) => fg().engine.state.addService(serviceSpec(name, extra));

  test('sets Mode.Replicated.Replicas and nothing else; the payload shows the tasks that follow', async () => {
    const created = addService('scaled');
    const before = structuredClone(created);
    const answer = await fg().mutate('serviceScale', { id: 'scaled', replicas: 3 }, SERVICE);
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(answer.payload!.service, { id: created.ID, replicas: 3, runningTasks: 3, desiredTasks: 3 });
    const [sent] = updates();
    assert.equal(sent!.query.version, String(before.Version.Index));
    assert.deepEqual(sent!.body, { ...before.Spec, Mode: { Replicated: { Replicas: 3 } } });
    const outcome = fg().audit.outcomeOf('serviceScale')!;
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(outcome.objectIds, [created.ID]);
  });

  test('an operator\'s scale runs the whole spec past the guardrails: the worker constraint is added to what is sent', async () => {
    const created = addService('guarded-scale');
    const before = structuredClone(created);
    const answer = await fg().mutate('serviceScale', { id: 'guarded-scale', replicas: 2 }, SERVICE, { token: await fg().tokenFor('operator') });
    assert.deepEqual(answer.userErrors, []);
    const spec = updates()[0]!.body as Json;
    assert.deepEqual(spec.Mode, { Replicated: { Replicas: 2 } });
    assert.deepEqual(spec.TaskTemplate.Placement, { Constraints: ['node.role==worker'] });
    assert.deepEqual({ ...spec, Mode: before.Spec.Mode, TaskTemplate: { ...spec.TaskTemplate, Placement: {} } }, before.Spec);
  });

  test('to zero: the service stays, with no tasks', async () => {
    addService('idle', { Mode: { Replicated: { Replicas: 2 } } });
    const answer = await fg().mutate('serviceScale', { id: 'idle', replicas: 0 }, SERVICE);
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual({ ...answer.payload!.service, id: undefined }, { id: undefined, replicas: 0, runningTasks: 0, desiredTasks: 0 });
  });

  test('a global service is INVALID_STATE; negative replicas INVALID_VALUE at input.replicas; nothing sent', async () => {
    addService('everywhere', { Mode: { Global: {} } });
    addService('plain');
    const global = await fg().mutate('serviceScale', { id: 'everywhere', replicas: 2 }, SERVICE);
    assert.deepEqual(global.userErrors.map((e) => e.code), ['INVALID_STATE']);
    fg().engine.clearRequests();
    const negative = await fg().mutate('serviceScale', { id: 'plain', replicas: -1 }, SERVICE);
    assert.deepEqual(negative.userErrors.map((e) => [e.field, e.code]), [[['input', 'replicas'], 'INVALID_VALUE']]);
    assert.deepEqual(fg().engine.requests, []);
    assert.deepEqual(updates(), []);
  });

  test('a stale version is VERSION_CONFLICT at input.version; nothing sent', async () => {
    const created = addService('old');
    const answer = await fg().mutate('serviceScale', { id: 'old', replicas: 2, version: created.Version.Index + 5 }, SERVICE);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'version'], 'VERSION_CONFLICT']]);
    assert.deepEqual(updates(), []);
  });

  test('a viewer may not scale: FORBIDDEN, the refusal audited', async () => {
    addService('watched');
    const answer = await fg().mutate('serviceScale', { id: 'watched', replicas: 2 }, SERVICE, { token: await fg().tokenFor('viewer') });
    assert.deepEqual(answer.errorCodes, ['FORBIDDEN']);
    assert.deepEqual(fg().engine.writes(), []);
    assert.deepEqual(fg().audit.refusals.map((r) => [r.kind, r.operation]), [['denied', 'serviceScale']]);
  });

  test('an unknown service is NOT_FOUND', async () => {
    const answer = await fg().mutate('serviceScale', { id: 'ghost', replicas: 2 }, SERVICE);
    assert.deepEqual(answer.errorCodes, ['NOT_FOUND']);
  });
});
