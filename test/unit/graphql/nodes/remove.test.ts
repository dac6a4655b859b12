// nodeRemove against a fake engine: a down worker is removed (DELETE without force), a
// live one needs force (INVALID_STATE at input.force, nothing sent, then force=true), a
// manager never (INVALID_STATE at input.id, force or not), the removed object in the
// payload, admins only.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

const REMOVED = 'removed { id name }';

describe('nodeRemove', () => {
  let fg: FakeGateway;
  before(async () => {
    fg = await startFakeGateway({ state: undefined });
  });
  after(() => fg?.stop());
  beforeEach(() => {
    fg.engine.clearRequests();
    fg.audit.clear();
  });

  test('a worker that is down: DELETE /nodes/<id>?force=false; the payload names it', async () => {
    const node = fg.engine.state.addNode({ hostname: 'gone-1', state: 'down' });
    const answer = await fg.mutate('nodeRemove', { id: 'gone-1' }, REMOVED);
    assert.deepEqual(answer.userErrors, []);
    assert.deepEqual(answer.payload!.removed, [{ id: node.ID, name: 'gone-1' }]);
    assert.deepEqual(fg.engine.writes().map((r) => [r.method, r.path, r.query.force]), [['DELETE', `/nodes/${node.ID}`, 'false']]);
    assert.equal(fg.engine.state.nodes.has(node.ID), false);
    assert.deepEqual(fg.audit.outcomeOf('nodeRemove')!.objectIds, [node.ID]);
  });

  test('a worker that is up needs force: INVALID_STATE at input.force and nothing sent; with force it goes', async () => {
    const node = fg.engine.state.addNode({ hostname: 'alive-1' });
    const refused = await fg.mutate('nodeRemove', { id: 'alive-1' }, REMOVED);
    assert.deepEqual(refused.payload!.removed, []);
    assert.deepEqual(refused.userErrors.map((e) => [e.field, e.code]), [[['input', 'force'], 'INVALID_STATE']]);
    assert.deepEqual(fg.engine.writes(), []);
    const forced = await fg.mutate('nodeRemove', { id: 'alive-1', force: true }, REMOVED);
    assert.deepEqual(forced.userErrors, []);
    assert.deepEqual(fg.engine.writes().map((r) => [r.method, r.path, r.query.force]), [['DELETE', `/nodes/${node.ID}`, 'true']]);
  });

  test('a manager is never removed, force or not: INVALID_STATE at input.id, nothing sent', async () => {
    for (const force of [false, true]) {
      const answer = await fg.mutate('nodeRemove', { id: 'manager-1', force }, REMOVED);
      assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'id'], 'INVALID_STATE']]);
    }
    assert.deepEqual(fg.engine.writes(), []);
  });

  test('an unknown node is NOT_FOUND', async () => {
    const answer = await fg.mutate('nodeRemove', { id: 'no-such-node' }, REMOVED);
    assert.deepEqual(answer.errorCodes, ['NOT_FOUND']);
    assert.equal(fg.audit.outcomeOf('nodeRemove')!.status, 'failed');
  });

  test('a deployer may not remove nodes: FORBIDDEN, nothing sent', async () => {
    fg.engine.state.addNode({ hostname: 'kept-1', state: 'down' });
    const answer = await fg.mutate('nodeRemove', { id: 'kept-1' }, REMOVED, { token: await fg.tokenFor('deployer') });
    assert.deepEqual(answer.errorCodes, ['FORBIDDEN']);
    assert.deepEqual(fg.engine.writes(), []);
    assert.deepEqual(fg.audit.refusals.map((r) => [r.kind, r.operation]), [['denied', 'nodeRemove']]);
  });
});
