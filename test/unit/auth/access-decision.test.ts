// decide(): one permission for one principal on one cluster, for each kind of scope rule
// (objects, refused, unaffected), with cluster coverage and engines outside any cluster;
// the scope it returns (inScope) and the labels a creation gets (labelsToStamp). The read
// scope is the Authority's (authority.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_OBJECTS, decide, decisionRecord, inScope, labelsToStamp, NO_OBJECTS, type AccessDecision, type Scope } from '../../../src/auth/access-decision.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { parseSelector } from '../../../src/grants/label-selector.ts';
import type { Principal } from '../../../src/auth/principal.ts';

const who = (...grants: string[]): Principal => ({ id: 'oidc:t', kind: 'oidc', grants: grants.map(parseGrant), clientAddress: '127.0.0.1' });

function allowed(d: AccessDecision): Extract<AccessDecision, { allowed: true }> {
  assert.ok(d.allowed, `expected allowed, got: ${d.allowed ? '' : d.reason}`);
  return d;
}
function refused(d: AccessDecision): string {
  assert.ok(!d.allowed, `expected refused, allowed by ${d.allowed ? d.grant : ''}`);
  return d.reason;
}
const scoped = (...selectors: string[]): Scope => ({ all: false, selectors: selectors.map(parseSelector) });

describe('decide', () => {
  test('a permission without a rule is refused to everybody, admin included (deny by default)', () => {
    assert.equal(refused(decide(who('admin'), 'Query.noSuchField', 'prod')), 'no rule for this operation (denied by default)');
    assert.equal(refused(decide(who('admin'), 'Mutation.serviceExplode', undefined)), 'no rule for this operation (denied by default)');
  });

  test('a principal without a role the rule names is refused, naming the roles', () => {
    assert.equal(refused(decide(who('viewer'), 'Mutation.serviceCreate', 'prod')), 'needs role deployer or admin');
    assert.equal(refused(decide(who(), 'Query.whoami', 'prod')), 'needs role viewer or operator or deployer or admin or auditor');
    assert.equal(refused(decide(who('deployer'), 'Query.auditRecords', 'prod')), 'needs role auditor or admin');
    assert.equal(refused(decide(who('auditor'), 'Query.services', 'prod')), 'needs role viewer or operator or deployer or admin');
  });

  test('an unscoped grant on an `objects` rule reaches all objects and is named as the deciding grant', () => {
    const d = allowed(decide(who('deployer@prod'), 'Mutation.serviceCreate', 'prod'));
    assert.deepEqual(d, { allowed: true, permission: 'Mutation.serviceCreate', cluster: 'prod', grant: 'deployer@prod', scope: ALL_OBJECTS });
  });

  test('a scoped grant on an `objects` rule reaches the objects its selector matches', () => {
    const d = allowed(decide(who('operator:team=payments'), 'Mutation.serviceScale', 'prod'));
    assert.equal(d.grant, 'operator:team=payments');
    assert.deepEqual(d.scope, scoped('team=payments'));
  });

  test('a scoped grant on a `refused` rule is refused: the field concerns the whole cluster', () => {
    assert.equal(refused(decide(who('admin:team=payments'), 'Query.nodes', 'prod')), 'needs a grant without a label selector');
    assert.equal(refused(decide(who('viewer:team=payments'), 'Query.diagnostics', 'prod')), 'needs a grant without a label selector');
    allowed(decide(who('admin:team=payments', 'viewer'), 'Query.nodes', 'prod'));
  });

  test('a scoped grant on an `unaffected` rule reaches everything the rule touches (the selector changes nothing)', () => {
    const d = allowed(decide(who('viewer:team=payments'), 'Query.whoami', 'prod'));
    assert.deepEqual(d.scope, ALL_OBJECTS);
    assert.equal(d.grant, 'viewer:team=payments');
  });

  test('an unscoped grant wins over scoped ones for the same permission', () => {
    const d = allowed(decide(who('deployer:team=payments', 'viewer'), 'Query.services', 'prod'));
    assert.equal(d.grant, 'viewer');
    assert.deepEqual(d.scope, ALL_OBJECTS);
    // ...but only where it applies: the viewer cannot create, so creating stays scoped.
    assert.deepEqual(allowed(decide(who('deployer:team=payments', 'viewer'), 'Mutation.serviceCreate', 'prod')).scope, scoped('team=payments'));
  });

  test('several scoped grants reach the union of their selectors, and all are named', () => {
    const d = allowed(decide(who('operator:team=payments', 'deployer:team=billing'), 'Mutation.serviceScale', 'prod'));
    assert.equal(d.grant, 'operator:team=payments | deployer:team=billing');
    assert.deepEqual(d.scope, scoped('team=payments', 'team=billing'));
  });

  test('cluster coverage: a grant for another cluster does not count; engines outside any cluster need an all-clusters grant', () => {
    assert.equal(refused(decide(who('deployer@staging'), 'Mutation.serviceCreate', 'prod')), 'no grant covers cluster prod');
    assert.equal(refused(decide(who('admin@prod'), 'Mutation.networkCreateGatewayBridge', undefined)), 'no grant covers cluster (engine outside any cluster)');
    allowed(decide(who('admin'), 'Mutation.networkCreateGatewayBridge', undefined));
    // Only the grants on the cluster decide: the unscoped one elsewhere does not widen the scope here.
    const d = allowed(decide(who('viewer@staging', 'viewer@prod:team=payments'), 'Query.services', 'prod'));
    assert.deepEqual(d.scope, scoped('team=payments'));
    assert.deepEqual(allowed(decide(who('viewer@staging', 'viewer@prod:team=payments'), 'Query.services', 'staging')).scope, ALL_OBJECTS);
  });

  test('a gateway-wide field (cluster null) is covered by a grant of the right role on any cluster', () => {
    const d = allowed(decide(who('viewer@staging'), 'Query.whoami', null));
    assert.equal(d.grant, 'viewer@staging');
    allowed(decide(who('auditor@prod'), 'Query.auditRecords', null));
    assert.equal(refused(decide(who('viewer@staging'), 'Query.auditRecords', null)), 'needs role auditor or admin');
  });

  test('the refusal reasons are checked in order: rule, role, cluster, selector', () => {
    assert.equal(refused(decide(who('viewer@staging'), 'Mutation.nodeRemove', 'prod')), 'needs role admin');
    assert.equal(refused(decide(who('admin@staging:team=x'), 'Mutation.nodeRemove', 'prod')), 'no grant covers cluster prod');
  });

  test('decisionRecord keeps what the audit log needs: the grant of an allow, the reason of a refusal', () => {
    assert.deepEqual(decisionRecord(decide(who('admin'), 'Query.nodes', 'prod')), { allowed: true, permission: 'Query.nodes', grant: 'admin' });
    assert.deepEqual(decisionRecord(decide(who('viewer'), 'Mutation.nodeRemove', 'prod')), { allowed: false, permission: 'Mutation.nodeRemove', reason: 'needs role admin' });
  });
});

describe('scopes', () => {
  test('inScope: everything under ALL_OBJECTS, nothing under NO_OBJECTS, matching labels under selectors', () => {
    assert.equal(inScope(ALL_OBJECTS, null), true);
    assert.equal(inScope(NO_OBJECTS, { team: 'payments' }), false);
    const s = scoped('team=payments', 'team=billing,env=prod');
    assert.equal(inScope(s, { team: 'payments' }), true);
    assert.equal(inScope(s, { team: 'billing', env: 'prod' }), true);
    assert.equal(inScope(s, { team: 'billing' }), false);
    assert.equal(inScope(s, undefined), false);
  });
});

describe('labelsToStamp', () => {
  test('unscoped: the labels as given', () => {
    assert.deepEqual(labelsToStamp(ALL_OBJECTS, { a: '1' }), { labels: { a: '1' } });
    assert.deepEqual(labelsToStamp(ALL_OBJECTS, {}), { labels: {} });
  });

  test('one selector: its labels are added to the given ones', () => {
    assert.deepEqual(labelsToStamp(scoped('team=payments'), {}), { labels: { team: 'payments' } });
    assert.deepEqual(labelsToStamp(scoped('team=payments'), { tier: 'web' }), { labels: { tier: 'web', team: 'payments' } });
    assert.deepEqual(labelsToStamp(scoped('team=payments,env=prod'), { env: 'prod' }), { labels: { env: 'prod', team: 'payments' } });
  });

  test('one selector: labels already in scope are kept as they are', () => {
    assert.deepEqual(labelsToStamp(scoped('team=payments'), { team: 'payments', x: 'y' }), { labels: { team: 'payments', x: 'y' } });
  });

  test('one selector: a given label that contradicts it is refused, naming the label and the scope', () => {
    const r = labelsToStamp(scoped('team=payments'), { team: 'billing' });
    assert.deepEqual(r, { error: 'label team must be payments: your grant is scoped to team=payments' });
    assert.deepEqual(labelsToStamp(scoped('team=payments,env=prod'), { env: 'dev' }), { error: 'label env must be prod: your grant is scoped to env=prod' });
  });

  test('several selectors: the given labels must pick one of them; nothing is guessed', () => {
    const s = scoped('team=payments', 'team=billing');
    assert.deepEqual(labelsToStamp(s, { team: 'billing' }), { labels: { team: 'billing' } });
    assert.deepEqual(labelsToStamp(s, {}), { error: 'your grants cover several label scopes: set the labels of one of them' });
    assert.deepEqual(labelsToStamp(s, { team: 'other' }), { error: 'your grants cover several label scopes: set the labels of one of them' });
  });
});
