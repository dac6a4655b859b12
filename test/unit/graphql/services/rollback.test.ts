// serviceRollback against a fake engine: as `docker service rollback`, the current spec
// is sent back unchanged at the current version with `rollback=previous`, and the payload
// is the restored service; no previous spec is INVALID_STATE before the engine is asked; a
// guarded caller's restore passes the guardrails; FORBIDDEN for a viewer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { useFakeGateway } from '../../../support/fake-gateway.ts';

const SERVICE = 'service { id image canRollback } warnings';

describe('serviceRollback', () => {
  const fg = useFakeGateway();
  const updates = () => fg().engine.writes().filter((r) => /^\/services\/[^/]+\/update$/.test(r.path));
  const image = (spec: Json) => spec.TaskTemplate.ContainerSpec.Image;

  /** A service created with busybox:1 and updated to busybox:2 (so it has a previous spec). */
  function updatedService(name: string, extra: Json = {}): Json {
    const service = fg().engine.state.addService(serviceSpec(name, extra));
    const next = structuredClone(service.Spec);
    next.TaskTemplate.ContainerSpec.Image = 'busybox:2';
    return fg().engine.state.updateService(service, next);
  }

  test('sends the current spec back with rollback=previous; the payload is the restored service', async () => {
    const service = updatedService('rb');
    const current = structuredClone(service);
    const answer = await fg().mutate('serviceRollback', { id: 'rb' }, SERVICE);
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(answer.payload!.service, { id: service.ID, image: 'busybox:latest', canRollback: true });
    const [sent] = updates();
    assert.equal(updates().length, 1);
    assert.deepEqual(sent!.query, { version: String(current.Version.Index), rollback: 'previous' });
    assert.deepEqual(sent!.body, current.Spec);
    assert.equal(image(fg().engine.state.findService('rb')!.PreviousSpec), 'busybox:2');
    const outcome = fg().audit.outcomeOf('serviceRollback')!;
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(outcome.objectIds, [service.ID]);
  });

  test('a service never updated has no previous spec: INVALID_STATE at input.id, nothing sent', async () => {
    fg().engine.state.addService(serviceSpec('fresh'));
    const answer = await fg().mutate('serviceRollback', { id: 'fresh' }, SERVICE);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'id'], 'INVALID_STATE']]);
    assert.deepEqual(updates(), []);
    assert.equal(fg().audit.outcomeOf('serviceRollback')!.errorCode, 'INVALID_STATE');
  });

  test('for a guarded caller the spec to restore passes the guardrails first: without the worker constraint it is GUARDRAIL at input.id, nothing sent', async () => {
    updatedService('placed');
    const token = await fg().tokenFor('operator');
    const answer = await fg().mutate('serviceRollback', { id: 'placed' }, SERVICE, { token });
    assert.equal(answer.payload!.service, null);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'id'], 'GUARDRAIL']]);
    assert.deepEqual(updates(), []);
    // A previous spec that holds the constraint is restored.
    updatedService('workers-only', { TaskTemplate: { ...serviceSpec('x').TaskTemplate, Placement: { Constraints: ['node.role==worker'] } } });
    const allowed = await fg().mutate('serviceRollback', { id: 'workers-only' }, SERVICE, { token });
    assert.deepEqual(allowed.userErrors, []);
    assert.equal(updates().length, 1);
  });

  test('a viewer may not roll back: FORBIDDEN, nothing sent', async () => {
    updatedService('kept');
    const answer = await fg().mutate('serviceRollback', { id: 'kept' }, SERVICE, { token: await fg().tokenFor('viewer') });
    assert.deepEqual(answer.errorCodes, ['FORBIDDEN']);
    assert.deepEqual(fg().engine.writes(), []);
    assert.deepEqual(fg().audit.refusals.map((r) => [r.kind, r.operation]), [['denied', 'serviceRollback']]);
  });
});
