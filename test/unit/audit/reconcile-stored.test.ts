// The reconciliation of secrets and configs (created, removed: swarm `secret`/`config`
// events), of stackRemove, and of the operations left unknown with their reasons
// (stackDeploy, rotations).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reconcileIntent } from '../../../src/audit/reconcile.ts';
import { NO_HISTORY, afterIntent, before, engine, event, history, intent } from '../../support/reconcile-fakes.ts';

for (const kind of ['secret', 'config'] as const) {
  const create = `${kind}Create`;
  const remove = `${kind}Remove`;
  describe(`${create}, ${remove}`, () => {
    test(`${create}: created in the window -> succeeded with its ID, even when gone again`, async () => {
      const e = engine({}, false, history(event(kind, 'create', 'id1', { name: 'db-password' }), event(kind, 'remove', 'id1', { name: 'db-password' })));
      const r = await reconcileIntent(intent(create, 'db-password', { name: 'db-password', data: '[redacted]' }), e);
      assert.equal(r.outcome, 'succeeded');
      assert.deepEqual(r.objectIds, ['id1']);
      assert.match(r.reason, new RegExp(`${kind} db-password created \\(id1\\) after the intent; it no longer exists`));
      assert.ok(e.reads.includes(`${kind}:prod/db-password`));
    });

    test(`${create}: exists and newer -> succeeded; older -> unknown; absent in a complete history -> failed, in an incomplete one -> unknown`, async () => {
      const e = engine({ [kind]: { 'prod/new': { exists: true, id: 'n1', createdAt: afterIntent }, 'prod/old': { exists: true, id: 'o1', createdAt: before } } });
      const made = await reconcileIntent(intent(create, 'new'), e);
      assert.equal(made.outcome, 'succeeded');
      assert.deepEqual(made.objectIds, ['n1']);
      const old = await reconcileIntent(intent(create, 'old'), e);
      assert.equal(old.outcome, 'unknown');
      assert.match(old.reason, /created before the intent/);
      assert.equal((await reconcileIntent(intent(create, 'none'), engine({}, false, history()))).outcome, 'failed');
      const partial = await reconcileIntent(intent(create, 'none'), engine({}, false, NO_HISTORY));
      assert.equal(partial.outcome, 'unknown');
      assert.match(partial.reason, /does not reach back/);
    });

    test(`${remove}: gone -> succeeded (with the removed ID from the events); present -> failed`, async () => {
      const gone = await reconcileIntent(intent(remove, 'db-password', { id: 'db-password' }), engine({}, false, history(event(kind, 'remove', 'id1', { name: 'db-password' }))));
      assert.equal(gone.outcome, 'succeeded');
      assert.deepEqual(gone.objectIds, ['id1']);
      const kept = await reconcileIntent(intent(remove, 'db-password'), engine({ [kind]: { 'prod/db-password': { exists: true, id: 'id1' } } }));
      assert.equal(kept.outcome, 'failed');
      assert.match(kept.reason, /still exists/);
    });

    test(`${create} and ${remove} on an unreadable engine -> unknown, to be retried`, async () => {
      for (const op of [create, remove]) {
        const r = await reconcileIntent(intent(op, 'db-password'), engine({}, true));
        assert.equal(r.engineUnreadable, true, op);
      }
    });
  });
}

describe('stackRemove', () => {
  const web = { kind: 'service' as const, id: 's1', name: 'shop_web' };
  const removedWeb = event('service', 'remove', 's1', { name: 'shop_web' });

  test('nothing of the stack left and its objects removed in the window -> succeeded with their IDs', async () => {
    const e = engine({}, false, history(removedWeb, event('network', 'remove', 'n1', { name: 'shop_default' }), event('service', 'remove', 'x1', { name: 'other' })));
    const r = await reconcileIntent(intent('stackRemove', 'shop', { name: 'shop' }), e);
    assert.equal(r.outcome, 'succeeded');
    assert.deepEqual(r.objectIds, ['s1', 'n1']);
    assert.ok(e.reads.includes('stack:prod/shop'));
  });

  test('no removal at all in a complete history -> failed, whether the stack is still there or never was', async () => {
    const kept = await reconcileIntent(intent('stackRemove', 'shop'), engine({ stacks: { 'prod/shop': [web] } }, false, history()));
    assert.equal(kept.outcome, 'failed');
    assert.match(kept.reason, /1 object\(s\) of the stack shop are still there/);
    const never = await reconcileIntent(intent('stackRemove', 'shop'), engine({}, false, history(event('service', 'create', 'y', { name: 'shop_web' }))));
    assert.equal(never.outcome, 'failed');
    assert.match(never.reason, /had nothing to remove/);
  });

  test('objects left after removals -> unknown; nothing left but no removal of its objects seen -> unknown; history incomplete -> unknown', async () => {
    const partial = await reconcileIntent(intent('stackRemove', 'shop'), engine({ stacks: { 'prod/shop': [{ kind: 'network', id: 'n1', name: 'shop_default' }] } }, false, history(removedWeb)));
    assert.equal(partial.outcome, 'unknown');
    assert.match(partial.reason, /still there \(network shop_default\)/);
    const unrelated = await reconcileIntent(intent('stackRemove', 'shop'), engine({}, false, history(event('service', 'remove', 'x1', { name: 'other' }))));
    assert.equal(unrelated.outcome, 'unknown');
    const incomplete = await reconcileIntent(intent('stackRemove', 'shop'), engine({ stacks: { 'prod/shop': [web] } }, false, NO_HISTORY));
    assert.equal(incomplete.outcome, 'unknown');
  });

  test('an unreadable engine -> unknown, to be retried', async () => {
    assert.equal((await reconcileIntent(intent('stackRemove', 'shop'), engine({}, true))).engineUnreadable, true);
  });
});

describe('operations touching several objects', () => {
  test('stackDeploy, secretRotate and configRotate stay unknown, saying why, and read nothing', async () => {
    const e = engine({});
    for (const [op, why] of [
      ['stackDeploy', /several objects/],
      ['secretRotate', /a rotation creates a secret/],
      ['configRotate', /a rotation creates a config/],
    ] as const) {
      const r = await reconcileIntent(intent(op, 'shop'), e);
      assert.equal(r.outcome, 'unknown', op);
      assert.match(r.reason, why, op);
    }
    assert.deepEqual(e.reads, []);
  });
});
