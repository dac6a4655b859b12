import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RECONCILE_RULES, openIntents, reconcileAll, reconcileIntent, type EngineStateReader } from '../../../src/audit/reconcile.ts';
import type { AuditRecordData } from '../../../src/audit/record.ts';
import { INTENT_AT, NO_HISTORY, afterIntent, before, engine, event, history, intent } from '../../support/reconcile-fakes.ts';

describe('reconcileIntent', () => {
  test('networkCreate: created after the intent -> succeeded with its ID; absent -> failed; older -> unknown', async () => {
    const e = engine({ network: { 'prod/web': { exists: true, id: 'n1', createdAt: afterIntent }, 'prod/old': { exists: true, id: 'n2', createdAt: before } } });
    assert.deepEqual(await reconcileIntent(intent('networkCreate', 'web'), e), {
      intentId: 'intent-networkCreate-web', outcome: 'succeeded', reason: 'the network web exists (n1)', objectIds: ['n1'],
    });
    // Absent now, and the events since the intent show no creation.
    const missing = await reconcileIntent(intent('networkCreate', 'gone'), engine({}, false, history()));
    assert.equal(missing.outcome, 'failed');
    assert.deepEqual(missing.objectIds, []);
    const old = await reconcileIntent(intent('networkCreate', 'old'), e);
    assert.equal(old.outcome, 'unknown');
    assert.match(old.reason, /created before the intent/);
  });

  test('a creation time within the clock skew still counts as new', async () => {
    const slightlyEarlier = new Date(INTENT_AT.getTime() - 1_000);
    const e = engine({ service: { 'prod/api': { exists: true, id: 's1', createdAt: slightlyEarlier } } });
    assert.equal((await reconcileIntent(intent('serviceCreate', 'api'), e)).outcome, 'succeeded');
    assert.equal((await reconcileIntent(intent('serviceCreate', 'api'), e, { clockSkewMs: 0 })).outcome, 'unknown');
  });

  test('serviceRemove and nodeRemove: gone -> succeeded, present -> failed', async () => {
    const e = engine({ service: { 'prod/kept': { exists: true, id: 's1' } }, node: { 'prod/w1': { exists: true, id: 'nd1' } } });
    assert.equal((await reconcileIntent(intent('serviceRemove', 'removed'), e)).outcome, 'succeeded');
    assert.equal((await reconcileIntent(intent('serviceRemove', 'kept'), e)).outcome, 'failed');
    assert.equal((await reconcileIntent(intent('nodeRemove', 'w1'), e)).outcome, 'failed');
    assert.equal((await reconcileIntent(intent('nodeRemove', 'w2'), e)).outcome, 'succeeded');
  });

  test('networkRemove checks every network of the input: all gone, none gone, some gone', async () => {
    const e = engine({ network: { 'prod/b': { exists: true, id: 'nb' }, 'prod/c': { exists: true, id: 'nc' } } });
    assert.equal((await reconcileIntent(intent('networkRemove', 'a', { ids: ['a'] }), e)).outcome, 'succeeded');
    assert.equal((await reconcileIntent(intent('networkRemove', 'b,c', { ids: ['b', 'c'] }), e)).outcome, 'failed');
    const partial = await reconcileIntent(intent('networkRemove', 'a,b', { ids: ['a', 'b'] }), e);
    assert.equal(partial.outcome, 'unknown');
    assert.match(partial.reason, /still present: b/);
    // Without an input, the target (IDs joined by commas) is used.
    assert.equal((await reconcileIntent(intent('networkRemove', 'a,x'), e)).outcome, 'succeeded');
    assert.deepEqual(e.reads.filter((r) => r.startsWith('network:')).slice(-2), ['network:prod/a', 'network:prod/x']);
  });

  test('updates: unchanged since the intent -> failed; changed since -> unknown; gone -> unknown', async () => {
    const e = engine({ service: { 'prod/same': { exists: true, id: 's1', updatedAt: before }, 'prod/touched': { exists: true, id: 's2', updatedAt: afterIntent } }, node: { 'prod/w1': { exists: true, id: 'nd1', updatedAt: afterIntent } } });
    for (const op of ['serviceUpdate', 'serviceScale', 'serviceRollback']) {
      assert.equal((await reconcileIntent(intent(op, 'same'), e)).outcome, 'failed', op);
      assert.equal((await reconcileIntent(intent(op, 'touched'), e)).outcome, 'unknown', op);
      assert.equal((await reconcileIntent(intent(op, 'removed'), e)).outcome, 'unknown', op);
    }
    assert.equal((await reconcileIntent(intent('nodePromote', 'w1'), e)).outcome, 'unknown');
  });

  test('operations without a rule are unknown and read nothing', async () => {
    const e = engine({});
    for (const op of ['swarmInit', 'swarmJoin', 'networkConnect', 'networkPrune', 'swarmRotateJoinToken']) {
      assert.equal(RECONCILE_RULES[op], undefined);
      const r = await reconcileIntent(intent(op, 'x'), e);
      assert.equal(r.outcome, 'unknown');
      assert.match(r.reason, /cannot be read back/);
    }
    assert.deepEqual(e.reads, []);
  });

  test('an unreadable engine gives unknown, flagged so the caller can retry later', async () => {
    const r = await reconcileIntent(intent('networkCreate', 'web'), engine({}, true));
    assert.equal(r.outcome, 'unknown');
    assert.equal(r.engineUnreadable, true);
    assert.match(r.reason, /ECONNREFUSED/);
  });

  test('an intent without a target is unknown', async () => {
    assert.equal((await reconcileIntent(intent('serviceCreate', null), engine({}))).outcome, 'unknown');
  });

  test('reconcileAll keeps the order given', async () => {
    const e = engine({ service: { 'prod/api': { exists: true, id: 's1', createdAt: afterIntent } } });
    const results = await reconcileAll([intent('serviceCreate', 'api'), intent('serviceRemove', 'api'), intent('swarmLeave', null)], e);
    assert.deepEqual(results.map((r) => r.outcome), ['succeeded', 'failed', 'unknown']);
  });
});

describe('reconcileIntent with the engine\'s event history', () => {
  test('networkCreate: created and removed again after the intent -> succeeded, from the events', async () => {
    const log = history(event('network', 'create', 'n9', { name: 'web' }), event('network', 'remove', 'n9', { name: 'web' }));
    const r = await reconcileIntent(intent('networkCreate', 'web'), engine({}, false, log));
    assert.equal(r.outcome, 'succeeded');
    assert.deepEqual(r.objectIds, ['n9']);
    assert.match(r.reason, /created \(n9\) after the intent; it no longer exists/);
  });

  test('networkCreate absent: failed only when the history reaches back to the intent', async () => {
    assert.equal((await reconcileIntent(intent('networkCreate', 'web'), engine({}, false, history()))).outcome, 'failed');
    const partial = await reconcileIntent(intent('networkCreate', 'web'), engine({}, false, NO_HISTORY));
    assert.equal(partial.outcome, 'unknown');
    assert.match(partial.reason, /does not reach back/);
    // A creation before the intent (outside the window, skew included) is not its doing.
    const earlier = history(event('network', 'create', 'n1', { name: 'web' }, before));
    assert.equal((await reconcileIntent(intent('networkCreate', 'web'), engine({}, false, earlier))).outcome, 'failed');
  });

  test('serviceScale: an update event setting the asked-for replicas -> succeeded; none in a complete history -> failed', async () => {
    const svc = { 'prod/api': { exists: true as const, id: 's1', updatedAt: afterIntent, replicas: 3 } };
    const scaledTo3 = history(event('service', 'update', 's1', { name: 'api', 'replicas.new': '3', 'replicas.old': '1' }));
    const ok = await reconcileIntent(intent('serviceScale', 'api', { id: 'api', replicas: 3 }), engine({ service: svc }, false, scaledTo3));
    assert.equal(ok.outcome, 'succeeded');
    assert.deepEqual(ok.objectIds, ['s1']);
    const otherChange = history(event('service', 'update', 's1', { name: 'api', 'replicas.new': '3', 'replicas.old': '1' }));
    assert.equal((await reconcileIntent(intent('serviceScale', 'api', { id: 'api', replicas: 5 }), engine({ service: svc }, false, otherChange))).outcome, 'failed');
    // Already at the asked-for count and no event: the state cannot tell.
    assert.equal((await reconcileIntent(intent('serviceScale', 'api', { id: 'api', replicas: 3 }), engine({ service: svc }, false, history()))).outcome, 'failed');
  });

  test('updates: no update event in a complete history -> failed; an update event -> unknown (not necessarily its doing)', async () => {
    const svc = { 'prod/api': { exists: true as const, id: 's1', updatedAt: afterIntent } };
    assert.equal((await reconcileIntent(intent('serviceUpdate', 'api'), engine({ service: svc }, false, history()))).outcome, 'failed');
    const touched = history(event('service', 'update', 's1', { name: 'api' }));
    assert.equal((await reconcileIntent(intent('serviceUpdate', 'api'), engine({ service: svc }, false, touched))).outcome, 'unknown');
  });

  test('an intent that cannot be checked (the reader refuses its target) is unknown with the reason, not retried', async () => {
    const refusing: EngineStateReader = {
      ...engine({}),
      network: async () => {
        throw new Error('its target is not a Docker reference: "../../../127.0.0.1:1/x" is not a network ID or name');
      },
    };
    const r = await reconcileIntent(intent('networkCreate', '../../../127.0.0.1:1/x'), refusing);
    assert.equal(r.outcome, 'unknown');
    assert.equal(r.engineUnreadable, undefined);
    assert.match(r.reason, /could not be checked.*not a Docker reference/);
  });
});

describe('openIntents', () => {
  const base = { seq: 0n, recordedAt: INTENT_AT, requestId: null, traceId: null, principal: 'anonymous', clientAddress: null, userAgent: null, cluster: 'prod', operation: 'networkCreate', target: 't', input: null, intentId: null, outcome: null, errorCode: null, objectIds: [], durationMs: null, decision: null, prevHash: '', hash: '' };
  const rec = (over: Partial<AuditRecordData>): AuditRecordData => ({ ...base, id: 'x', kind: 'intent', ...over });

  test('lists intents with no outcome that are older than the cut-off, in order', () => {
    const records = [
      rec({ id: 'a1', kind: 'intent' }),
      rec({ id: 'a2', kind: 'intent' }),
      rec({ id: 'o1', kind: 'outcome', intentId: 'A1' }),
      rec({ id: 'a3', kind: 'intent' }),
      rec({ id: 'young', kind: 'intent', recordedAt: new Date(INTENT_AT.getTime() + 120_000) }),
      rec({ id: 's1', kind: 'sensitive_read' }),
    ];
    const open = openIntents(records, new Date(INTENT_AT.getTime() + 60_000));
    assert.deepEqual(open.map((i) => i.id), ['a2', 'a3']);
  });
});
