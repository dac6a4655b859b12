// Grants between GraphQL and the auth layer: GrantInput parsed and checked, Grant shown.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGrant } from '../../../src/grants/grant.ts';
import { grantFromInput, grantToGraphQL } from '../../../src/graphql/tokens/grant-graphql.ts';

describe('GrantInput', () => {
  test('role, clusters and labels become the grant its text form describes', () => {
    assert.deepEqual(grantFromInput({ role: 'ADMIN' }), parseGrant('admin'));
    assert.deepEqual(grantFromInput({ role: 'DEPLOYER', clusters: ['prod'], labels: [{ key: 'team', value: 'payments' }] }), parseGrant('deployer@prod:team=payments'));
    // Order does not matter: grants are normalized.
    assert.deepEqual(
      grantFromInput({ role: 'VIEWER', clusters: ['b', 'a'], labels: [{ key: 'z', value: '1' }, { key: 'a', value: '2' }] }),
      parseGrant('viewer@a,b:a=2,z=1'),
    );
  });

  test('malformed parts are refused with the reason', () => {
    assert.throws(() => grantFromInput({ role: 'VIEWER', clusters: [] }), /at least one cluster/);
    assert.throws(() => grantFromInput({ role: 'VIEWER', clusters: ['bad name'] }), /not a cluster name/);
    assert.throws(() => grantFromInput({ role: 'VIEWER', labels: [{ key: 'team', value: '' }] }), /not a valid label value/);
    assert.throws(() => grantFromInput({ role: 'VIEWER', labels: [{ key: 'team', value: 'a,b' }] }), /cannot contain ","/);
    assert.throws(() => grantFromInput({ role: 'VIEWER', labels: [{ key: 'a=b', value: 'c' }] }), /cannot contain/);
    assert.throws(() => grantFromInput({ role: 'VIEWER', labels: [{ key: 'team', value: 'a' }, { key: 'team', value: 'b' }] }), /given twice/);
  });
});

describe('Grant', () => {
  test('shows role, clusters (null: all), labels and the text form', () => {
    assert.deepEqual(grantToGraphQL(parseGrant('admin')), { role: 'ADMIN', clusters: null, labels: [], text: 'admin' });
    assert.deepEqual(grantToGraphQL(parseGrant('deployer@prod:team=payments')), {
      role: 'DEPLOYER',
      clusters: ['prod'],
      labels: [{ key: 'team', value: 'payments' }],
      text: 'deployer@prod:team=payments',
    });
  });
});
