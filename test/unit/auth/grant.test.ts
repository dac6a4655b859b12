// Grants: the text form round-trips, bad texts are refused with the reason, and
// grantCovers/uncoveredGrants (the no-escalation test) narrow by role, cluster and selector.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { grantAllows, grantCovers, uncoveredGrants } from '../../../src/auth/grant-coverage.ts';
import { formatGrant, grantCoversCluster, makeGrant, parseGrant } from '../../../src/grants/grant.ts';

const g = parseGrant;
const texts = (gs: ReturnType<typeof parseGrant>[]) => gs.map(formatGrant);

describe('parseGrant / formatGrant', () => {
  test('the three parts parse to a role, clusters (null: all) and a selector (null: every object)', () => {
    assert.deepEqual(g('admin'), { role: 'admin', clusters: null, selector: null });
    assert.deepEqual(g('deployer@prod:team=payments'), { role: 'deployer', clusters: ['prod'], selector: [['team', 'payments']] });
    assert.deepEqual(g('viewer:team=payments'), { role: 'viewer', clusters: null, selector: [['team', 'payments']] });
    assert.deepEqual(g('operator@staging,prod'), { role: 'operator', clusters: ['prod', 'staging'], selector: null });
  });

  test('canonical texts round-trip unchanged', () => {
    for (const text of ['admin', 'auditor', 'viewer@prod', 'deployer@prod:team=payments', 'operator@a,b:env=prod,team=payments', 'viewer:com.example/team=pay-ments_1']) {
      assert.equal(formatGrant(g(text)), text, text);
      assert.deepEqual(g(formatGrant(g(text))), g(text), text);
    }
  });

  test('texts are normalized: clusters sorted and deduplicated, selector sorted by key, surrounding space dropped', () => {
    assert.equal(formatGrant(g('  viewer@staging,prod,staging:team=payments,env=prod  ')), 'viewer@prod,staging:env=prod,team=payments');
    assert.equal(formatGrant(g('viewer@ b , a ')), 'viewer@a,b');
  });

  test('bad texts are refused, naming the problem', () => {
    const cases: [string, RegExp][] = [
      ['', /is not a grant/],
      ['root', /"root" is not a role \(one of viewer, operator, deployer, admin, auditor\)/],
      ['Admin', /is not a grant/],
      ['admin@', /is not a grant/],
      ['admin:', /is not a grant/],
      ['admin@prod:', /is not a grant/],
      ['admin@-prod', /"-prod" is not a cluster name/],
      ['admin@a,,b', /"" is not a cluster name/],
      ['admin@prod@eu', /"prod@eu" is not a cluster name/],
      ['viewer:team', /"team" is not key=value/],
      ['viewer:=payments', /"=payments" is not key=value/],
      ['viewer:team=', /"" is not a valid label value/],
      ['viewer:team=pay ments', /not a valid label value/],
      ['viewer:-team=x', /"-team" is not a valid label key/],
      ['viewer:team=a,team=b', /label "team" is given twice/],
    ];
    for (const [text, message] of cases) assert.throws(() => g(text), message, JSON.stringify(text));
  });

  test('makeGrant checks the parts the same way', () => {
    assert.throws(() => makeGrant('viewer', [], null), /at least one cluster/);
    assert.throws(() => makeGrant('viewer', ['bad name'], null), /"bad name" is not a cluster name/);
    assert.deepEqual(makeGrant('viewer', ['b', 'a', 'b'], [['z', '1'], ['a', '2']]), { role: 'viewer', clusters: ['a', 'b'], selector: [['a', '2'], ['z', '1']] });
    // An empty selector means every object, like none.
    assert.equal(makeGrant('viewer', null, []).selector, null);
  });
});

describe('grantCoversCluster / grantAllows', () => {
  test('an all-clusters grant covers every cluster and engines outside any cluster; a named one only its own', () => {
    assert.equal(grantCoversCluster(g('viewer'), 'prod'), true);
    assert.equal(grantCoversCluster(g('viewer'), undefined), true);
    assert.equal(grantCoversCluster(g('viewer@prod'), 'prod'), true);
    assert.equal(grantCoversCluster(g('viewer@prod'), 'staging'), false);
    assert.equal(grantCoversCluster(g('viewer@prod'), undefined), false);
  });

  test('a label-scoped grant never allows a whole-cluster permission; unknown permissions are never allowed', () => {
    assert.equal(grantAllows(g('admin'), 'Query.nodes'), true);
    assert.equal(grantAllows(g('admin:team=payments'), 'Query.nodes'), false);
    assert.equal(grantAllows(g('admin:team=payments'), 'Query.services'), true);
    assert.equal(grantAllows(g('admin:team=payments'), 'Query.whoami'), true);
    assert.equal(grantAllows(g('viewer'), 'Mutation.serviceScale'), false);
    assert.equal(grantAllows(g('admin'), 'Query.noSuchField'), false);
  });
});

describe('grantCovers (no escalation)', () => {
  const covers = (held: string, wanted: string) => grantCovers(g(held), g(wanted));

  test('by role: a role covers the ones below it; auditor and viewer cover neither each other nor more', () => {
    assert.equal(covers('admin', 'deployer'), true);
    assert.equal(covers('admin', 'auditor'), true);
    assert.equal(covers('deployer', 'operator'), true);
    assert.equal(covers('operator', 'viewer'), true);
    assert.equal(covers('deployer', 'deployer'), true);
    assert.equal(covers('deployer', 'admin'), false);
    assert.equal(covers('operator', 'deployer'), false);
    assert.equal(covers('viewer', 'operator'), false);
    assert.equal(covers('viewer', 'auditor'), false);
    assert.equal(covers('auditor', 'viewer'), false);
    assert.equal(covers('deployer', 'auditor'), false);
  });

  test('by cluster: the wanted clusters must be among the held ones; "all" is only covered by "all"', () => {
    assert.equal(covers('deployer', 'deployer@prod'), true);
    assert.equal(covers('deployer@prod,staging', 'deployer@prod'), true);
    assert.equal(covers('deployer@prod,staging', 'operator@prod,staging'), true);
    assert.equal(covers('deployer@prod', 'deployer'), false);
    assert.equal(covers('deployer@prod', 'deployer@staging'), false);
    assert.equal(covers('deployer@prod', 'deployer@prod,staging'), false);
    assert.equal(covers('admin@prod', 'viewer'), false);
  });

  test('by selector: the wanted selector must be at least as narrow; unscoped is only covered by unscoped', () => {
    assert.equal(covers('deployer', 'deployer:team=payments'), true);
    assert.equal(covers('deployer:team=payments', 'deployer:team=payments'), true);
    assert.equal(covers('deployer:team=payments', 'operator:env=prod,team=payments'), true);
    assert.equal(covers('deployer:team=payments', 'deployer'), false);
    assert.equal(covers('deployer:team=payments', 'deployer:team=billing'), false);
    assert.equal(covers('deployer:env=prod,team=payments', 'deployer:team=payments'), false);
    assert.equal(covers('admin:team=payments', 'viewer'), false);
  });

  test('role, cluster and selector narrow together', () => {
    assert.equal(covers('deployer@prod:team=payments', 'operator@prod:team=payments'), true);
    assert.equal(covers('deployer@prod:team=payments', 'operator@staging:team=payments'), false);
    assert.equal(covers('deployer@prod:team=payments', 'admin@prod:team=payments'), false);
    assert.equal(covers('deployer@prod:team=payments', 'operator@prod'), false);
  });

  test('a scoped deployer covers viewer, operator and deployer of its selector, never a scoped admin (even where their permissions agree)', () => {
    for (const role of ['viewer', 'operator', 'deployer']) assert.equal(covers('deployer:team=payments', `${role}:team=payments`), true, role);
    assert.equal(covers('deployer:team=payments', 'admin:team=payments'), false);
    assert.equal(covers('deployer:team=payments', 'auditor'), false);
  });

  test('a scoped admin does not cover an unscoped viewer (nodes and swarm need an unscoped grant)', () => {
    assert.equal(covers('admin:team=payments', 'viewer:team=payments'), true);
    assert.equal(covers('admin:team=payments', 'viewer@prod'), false);
  });

  test('uncoveredGrants returns the wanted grants no single held grant covers', () => {
    const held = [g('deployer@prod:team=payments'), g('viewer@staging')];
    assert.deepEqual(uncoveredGrants(held, [g('operator@prod:team=payments'), g('viewer@staging:team=x')]), []);
    assert.deepEqual(texts(uncoveredGrants(held, [g('viewer@staging'), g('deployer@staging'), g('admin')])), ['deployer@staging', 'admin']);
    // Each wanted grant must fit inside one held grant: two clusters held apart are not one grant on both.
    assert.deepEqual(texts(uncoveredGrants([g('viewer@prod'), g('viewer@staging')], [g('viewer@prod,staging')])), ['viewer@prod,staging']);
    assert.deepEqual(texts(uncoveredGrants([], [g('viewer')])), ['viewer']);
    assert.deepEqual(uncoveredGrants([g('admin')], []), []);
  });
});
