// The Authority: one request's access questions (permissions, capabilities, read scope)
// answered from the permission table, memoized per request. The read scope has its own
// rule (`Capability.read`), which must reach exactly what `Query.services` reaches, as the
// read scope borrowed from that rule did.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_OBJECTS, decide, NO_OBJECTS } from '../../../src/auth/access-decision.ts';
import { authorityOf } from '../../../src/auth/authority.ts';
import { PERMISSIONS, ruleFor } from '../../../src/auth/permissions.ts';
import type { Principal } from '../../../src/auth/principal.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { parseSelector } from '../../../src/grants/label-selector.ts';

const who = (...grants: string[]): Principal => ({ id: 'oidc:t', kind: 'oidc', grants: grants.map(parseGrant), clientAddress: undefined });

const PRINCIPALS = [
  who(),
  who('viewer'),
  who('auditor'),
  who('admin@prod'),
  who('operator@prod:team=payments'),
  who('viewer@staging', 'deployer@prod:team=payments', 'operator@prod:team=billing'),
  who('admin:team=payments', 'viewer@staging'),
];
const CLUSTERS = ['prod', 'staging', undefined];

describe('readScope', () => {
  test('what a grant reads on a cluster: all, its selectors, or nothing', () => {
    assert.deepEqual(authorityOf(who('viewer')).readScope('prod'), ALL_OBJECTS);
    assert.deepEqual(authorityOf(who('operator@prod:team=payments')).readScope('prod'), { all: false, selectors: [parseSelector('team=payments')] });
    assert.deepEqual(authorityOf(who('operator@prod:team=payments')).readScope('staging'), NO_OBJECTS);
    assert.deepEqual(authorityOf(who('auditor')).readScope('prod'), NO_OBJECTS);
    assert.deepEqual(authorityOf(who()).readScope('prod'), NO_OBJECTS);
  });

  test('its own rule has the roles and scoping of Query.services, so it reaches what Query.services reaches', () => {
    const read = ruleFor('Capability.read')!;
    const services = ruleFor('Query.services')!;
    assert.deepEqual([read.roles, read.scoped], [services.roles, services.scoped]);
    for (const principal of PRINCIPALS) {
      for (const cluster of CLUSTERS) {
        const services = decide(principal, 'Query.services', cluster);
        assert.deepEqual(authorityOf(principal).readScope(cluster), services.allowed ? services.scope : NO_OBJECTS, `${principal.grants.length} grants on ${cluster}`);
      }
    }
  });
});

describe('decide and can', () => {
  test('the table\'s answer, for root fields and every capability', () => {
    const capabilities = Object.keys(PERMISSIONS).filter((k) => k.startsWith('Capability.')).map((k) => k.slice('Capability.'.length));
    for (const principal of PRINCIPALS) {
      const authority = authorityOf(principal);
      for (const cluster of CLUSTERS) {
        assert.deepEqual(authority.decide('Mutation.serviceCreate', cluster), decide(principal, 'Mutation.serviceCreate', cluster));
        for (const capability of capabilities) {
          assert.equal(authority.can(capability as never, cluster), decide(principal, `Capability.${capability}`, cluster).allowed, `${capability} on ${cluster}`);
        }
      }
    }
  });

  test('a field without a rule is refused (deny by default)', () => {
    const decision = authorityOf(who('admin')).decide('Query.noSuchField', 'prod');
    assert.equal(decision.allowed, false);
  });

  test('each question is decided once per request; a gateway-wide, an engine-outside-clusters and a cluster question are three', () => {
    const authority = authorityOf(who('admin@prod'));
    assert.equal(authority.decide('Capability.endpoints', 'prod'), authority.decide('Capability.endpoints', 'prod'));
    const gatewayWide = authority.decide('Query.whoami', null);
    const noCluster = authority.decide('Query.whoami', undefined);
    assert.equal(gatewayWide.allowed, true);
    assert.equal(noCluster.allowed, false, 'a grant of one cluster does not cover an engine outside any');
    assert.equal(authority.decide('Query.whoami', 'prod').allowed, true);
    assert.notEqual(authority.decide('Query.nodes', 'prod'), authority.decide('Query.nodes', 'staging'));
  });

  test('the principal is the one it was built for', () => {
    const principal = who('viewer');
    assert.equal(authorityOf(principal).principal, principal);
  });
});
