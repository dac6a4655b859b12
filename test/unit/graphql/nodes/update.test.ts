// nodeUpdate, nodePromote and nodeDemote against a fake engine: the whole NodeSpec sent
// at the version read (labels added and removed, availability, role), the node read back,
// a stale version VERSION_CONFLICT before the engine is asked, a bad label key with
// nothing sent, promote/demote of a node that has the role already sending nothing,
// the last manager never demoted, admins only (a scoped grant refused), and the audit.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Json } from '../../../support/fake-engine/state.ts';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

const NODE = 'node { id hostname role availability version labels { key value } }';

describe('nodeUpdate, nodePromote, nodeDemote', () => {
  let fg: FakeGateway;
  let worker: Json;
  before(async () => {
    fg = await startFakeGateway({});
    worker = fg.engine.state.addNode({ hostname: 'worker-1', role: 'worker', labels: { zone: 'a', old: 'x' } });
  });
  after(() => fg?.stop());
  beforeEach(() => {
    fg.engine.clearRequests();
    fg.audit.clear();
  });
  const updates = () => fg.engine.writes().filter((r) => /^\/nodes\/[^/]+\/update$/.test(r.path));

  test('nodeUpdate: labels and availability in the whole spec sent at the version read; the node comes back fresh', async () => {
    const version = worker.Version.Index;
    const answer = await fg.mutate('nodeUpdate', { id: 'worker-1', availability: 'DRAIN', labels: { add: [{ key: 'disk', value: 'ssd' }], remove: ['old'] } }, NODE);
    assert.deepEqual(answer.userErrors, []);
    const [sent] = updates();
    assert.equal(updates().length, 1);
    assert.equal(sent!.path, `/nodes/${worker.ID}/update`);
    assert.equal(sent!.query.version, String(version));
    assert.deepEqual(sent!.body, { Labels: { zone: 'a', disk: 'ssd' }, Role: 'worker', Availability: 'drain' });
    const node = answer.payload!.node;
    assert.equal(node.availability, 'DRAIN');
    assert.equal(node.version, fg.engine.state.findNode('worker-1')!.Version.Index);
    assert.deepEqual([...node.labels].sort((a: Json, b: Json) => a.key.localeCompare(b.key)), [{ key: 'disk', value: 'ssd' }, { key: 'zone', value: 'a' }]);
    const intent = fg.audit.intents[0]!;
    assert.deepEqual([intent.operation, intent.target], ['nodeUpdate', 'worker-1']);
    assert.deepEqual(fg.audit.outcomeOf('nodeUpdate')!.objectIds, [worker.ID]);
  });

  test('a stale version is VERSION_CONFLICT at input.version, nothing sent', async () => {
    const answer = await fg.mutate('nodeUpdate', { id: 'worker-1', availability: 'PAUSE', version: 1 }, NODE);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'version'], 'VERSION_CONFLICT']]);
    assert.deepEqual(updates(), []);
    assert.equal(fg.audit.outcomeOf('nodeUpdate')!.errorCode, 'VERSION_CONFLICT');
  });

  test('a bad label key is refused at its field before the engine is asked', async () => {
    const answer = await fg.mutate('nodeUpdate', { id: 'worker-1', labels: { add: [{ key: 'bad key', value: '1' }] } }, NODE);
    assert.equal(answer.userErrors.length, 1);
    assert.deepEqual(answer.userErrors[0]!.field, ['input', 'labels', 'add', '0', 'key']);
    assert.deepEqual(fg.engine.requests, []);
  });

  test('an unknown node is NOT_FOUND', async () => {
    const answer = await fg.mutate('nodeUpdate', { id: 'no-such-node', availability: 'ACTIVE' }, NODE);
    assert.deepEqual(answer.errorCodes, ['NOT_FOUND']);
    assert.deepEqual(updates(), []);
  });

  test('nodePromote then nodeDemote: the role in the spec sent, ManagerStatus as the engine shows it', async () => {
    const promoted = await fg.mutate('nodePromote', { id: worker.ID }, 'node { role managerAddress }');
    assert.deepEqual(promoted.userErrors, []);
    assert.equal((updates()[0]!.body as Json).Role, 'manager');
    assert.equal(promoted.payload!.node.role, 'MANAGER');
    assert.ok(promoted.payload!.node.managerAddress);
    fg.engine.clearRequests();
    const demoted = await fg.mutate('nodeDemote', { id: 'worker-1' }, 'node { role managerAddress }');
    assert.deepEqual(demoted.userErrors, []);
    assert.equal((updates()[0]!.body as Json).Role, 'worker');
    assert.deepEqual(demoted.payload!.node, { role: 'WORKER', managerAddress: null });
    assert.deepEqual(fg.audit.intents.map((i) => i.operation), ['nodePromote', 'nodeDemote']);
  });

  test('promoting a manager or demoting a worker sends nothing (as the CLI leaves it)', async () => {
    const manager = await fg.mutate('nodePromote', { id: 'manager-1' }, 'node { role }');
    assert.deepEqual([manager.userErrors, manager.payload!.node.role], [[], 'MANAGER']);
    const already = await fg.mutate('nodeDemote', { id: 'worker-1' }, 'node { role }');
    assert.deepEqual([already.userErrors, already.payload!.node.role], [[], 'WORKER']);
    assert.deepEqual(fg.engine.writes(), []);
  });

  test('the last manager is not demoted: INVALID_STATE at input.id, nothing sent', async () => {
    const answer = await fg.mutate('nodeDemote', { id: 'manager-1' }, 'node { role }');
    assert.equal(answer.payload!.node, null);
    assert.deepEqual(answer.userErrors.map((e) => [e.field, e.code]), [[['input', 'id'], 'INVALID_STATE']]);
    assert.deepEqual(fg.engine.writes(), []);
  });

  test('only admins change nodes: an operator and a label-scoped admin are FORBIDDEN, the refusals audited', async () => {
    for (const grant of ['operator', 'admin:team=payments']) {
      fg.audit.clear();
      const token = await fg.tokenFor(grant);
      for (const field of ['nodeUpdate', 'nodePromote', 'nodeDemote']) {
        const input = field === 'nodeUpdate' ? { id: 'worker-1', availability: 'PAUSE' } : { id: 'worker-1' };
        const answer = await fg.mutate(field, input, 'node { id }', { token });
        assert.deepEqual(answer.errorCodes, ['FORBIDDEN'], `${grant} ${field}`);
      }
      assert.deepEqual(fg.audit.refusals.map((r) => r.operation), ['nodeUpdate', 'nodePromote', 'nodeDemote']);
    }
    assert.deepEqual(fg.engine.writes(), []);
  });
});
