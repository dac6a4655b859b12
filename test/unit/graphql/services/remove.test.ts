// serviceRemove against a fake engine: DELETE by the service's ID (whatever reference the
// caller gave), the removed object in the payload, NOT_FOUND for an unknown or
// out-of-scope service, FORBIDDEN for an operator, and the audit outcome.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serviceSpec } from '../../../support/fake-engine/state.ts';
import { useFakeGateway } from '../../../support/fake-gateway.ts';

const REMOVED = 'removed { id name }';

describe('serviceRemove', () => {
  const fg = useFakeGateway();

  test('by name or ID prefix: DELETE /services/<id>, the payload names what was removed', async () => {
    for (const ref of ['byname', 'prefix']) {
      fg().engine.clearRequests();
      const service = fg().engine.state.addService(serviceSpec(`gone-${ref}`));
      const id = ref === 'byname' ? `gone-${ref}` : service.ID.slice(0, 12);
      const answer = await fg().mutate('serviceRemove', { id }, REMOVED);
      assert.deepEqual(answer.userErrors, []);
      assert.deepEqual(answer.payload!.removed, [{ id: service.ID, name: `gone-${ref}` }]);
      assert.deepEqual(fg().engine.writes().map((r) => [r.method, r.path]), [['DELETE', `/services/${service.ID}`]]);
      assert.equal(fg().engine.state.services.has(service.ID), false);
      assert.deepEqual(fg().audit.outcomeOf('serviceRemove')!.objectIds, [service.ID]);
    }
  });

  test('an unknown service is NOT_FOUND and nothing is deleted; the outcome failed', async () => {
    const answer = await fg().mutate('serviceRemove', { id: 'nothing-here' }, REMOVED);
    assert.deepEqual(answer.errorCodes, ['NOT_FOUND']);
    assert.deepEqual(fg().engine.writes(), []);
    assert.equal(fg().audit.outcomeOf('serviceRemove')!.status, 'failed');
  });

  test('a reference outside Docker\'s grammar is refused before the engine is asked', async () => {
    const answer = await fg().mutate('serviceRemove', { id: '../../x' }, REMOVED);
    assert.ok(answer.errorCodes.includes('BAD_REQUEST') || answer.userErrors.some((e) => e.code === 'INVALID_VALUE'), JSON.stringify(answer.response));
    assert.deepEqual(fg().engine.writes(), []);
  });

  test('a deployer scoped to team=payments removes its own; another team\'s is NOT_FOUND', async () => {
    const own = fg().engine.state.addService(serviceSpec('pay-rm', { Labels: { team: 'payments' } }));
    fg().engine.state.addService(serviceSpec('bill-rm', { Labels: { team: 'billing' } }));
    const token = await fg().tokenFor('deployer:team=payments');
    assert.deepEqual((await fg().mutate('serviceRemove', { id: 'bill-rm' }, REMOVED, { token })).errorCodes, ['NOT_FOUND']);
    assert.deepEqual(fg().engine.writes(), []);
    const answer = await fg().mutate('serviceRemove', { id: 'pay-rm' }, REMOVED, { token });
    assert.deepEqual(answer.payload!.removed, [{ id: own.ID, name: 'pay-rm' }]);
  });

  test('a caller who reads every service but deploys only for team=payments cannot remove another team\'s: NOT_FOUND, nothing deleted', async () => {
    fg().engine.state.addService(serviceSpec('bill-seen', { Labels: { team: 'billing' } }));
    const token = await fg().tokenFor('viewer', 'deployer:team=payments');
    const seen = await fg().gql('{ service(id: "bill-seen") { name } }', undefined, { token });
    assert.deepEqual(seen.data, { service: { name: 'bill-seen' } });
    const answer = await fg().mutate('serviceRemove', { id: 'bill-seen' }, REMOVED, { token });
    assert.deepEqual(answer.errorCodes, ['NOT_FOUND']);
    assert.deepEqual(fg().engine.writes(), []);
  });

  test('an operator may not remove: FORBIDDEN, nothing deleted, the refusal audited', async () => {
    fg().engine.state.addService(serviceSpec('stays'));
    const answer = await fg().mutate('serviceRemove', { id: 'stays' }, REMOVED, { token: await fg().tokenFor('operator') });
    assert.deepEqual(answer.errorCodes, ['FORBIDDEN']);
    assert.deepEqual(fg().engine.writes(), []);
    assert.deepEqual(fg().audit.refusals.map((r) => [r.kind, r.operation]), [['denied', 'serviceRemove']]);
  });
});
