// The label-scope checks of the resolvers (src/graphql/access/scope-checks.ts and
// containers/container-scope.ts), under the scopes of real access decisions for real grants.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, type Scope } from '../../../src/auth/access-decision.ts';
import { authorityOf } from '../../../src/auth/authority.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import type { Principal } from '../../../src/auth/principal.ts';
import type { ClusterLoaders } from '../../../src/docker/loaders.ts';
import type { Service as EngineService } from '../../../src/docker/engine-api/index.ts';
import { UserInputError } from '../../../src/errors/gateway-error.ts';
import { rollbackScopeErrors, serviceInScope, serviceUpdateScopeErrors, stampScopeLabels } from '../../../src/graphql/access/scope-checks.ts';
import { containersInScope } from '../../../src/graphql/containers/container-scope.ts';
import type { ServiceUpdateInput } from '../../../src/generated/graphql.ts';

const principal = (...grants: string[]): Principal => ({ id: 'test', kind: 'token', grants: grants.map(parseGrant), clientAddress: undefined });

/** Runs `fn` with the scope the root field `permission` would run under for `p`. */
function under<T>(p: Principal, permission: string, fn: (scope: Scope) => T): T {
  const decision = decide(p, permission, 'c1');
  assert.ok(decision.allowed, `${permission} is allowed`);
  return fn(decision.scope);
}

const service = (labels: Record<string, string> | null, previous?: Record<string, string> | null): EngineService =>
  ({
    ID: 's1',
    Spec: { Name: 'pay-api', Labels: labels },
    ...(previous !== undefined ? { PreviousSpec: { Name: 'pay-api', Labels: previous } } : {}),
  }) as unknown as EngineService;

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field?.join('.')]);

describe('stampScopeLabels', () => {
  const deployer = principal('deployer:team=payments');

  test('adds the scope label to what a scoped deployer creates, keeps other labels', () => {
    assert.deepEqual(under(deployer, 'Mutation.serviceCreate', (scope) => stampScopeLabels(scope, { owner: 'alice' }, ['input', 'labels'])), { owner: 'alice', team: 'payments' });
    assert.deepEqual(under(deployer, 'Mutation.networkCreate', (scope) => stampScopeLabels(scope, undefined, ['input', 'labels'])), { team: 'payments' });
  });

  test('a clash with the scope is SCOPE_LABEL at the labels field, naming the label', () => {
    assert.throws(
      () => under(deployer, 'Mutation.serviceCreate', (scope) => stampScopeLabels(scope, { team: 'billing' }, ['input', 'labels'])),
      (err: unknown) => err instanceof UserInputError && err.userErrors[0]!.code === 'SCOPE_LABEL' && err.userErrors[0]!.field!.join('.') === 'input.labels' && /team must be payments/.test(err.userErrors[0]!.message),
    );
  });

  test('an unscoped deployer gets exactly its labels', () => {
    assert.deepEqual(under(principal('deployer'), 'Mutation.serviceCreate', (scope) => stampScopeLabels(scope, { team: 'billing' }, ['input', 'labels'])), { team: 'billing' });
  });
});

describe('serviceUpdateScopeErrors', () => {
  const update = (input: Partial<ServiceUpdateInput>): ServiceUpdateInput => ({ id: 'pay-api', force: false, ...input });
  const check = (p: Principal, input: Partial<ServiceUpdateInput>, labels: Record<string, string> = { team: 'payments' }) =>
    codes(under(p, 'Mutation.serviceUpdate', (scope) => serviceUpdateScopeErrors(authorityOf(p), scope, 'c1', update(input), service(labels))));

  test('an operator changes image, env, replicas and force; every other field is NOT_PERMITTED at itself', () => {
    const op = principal('operator:team=payments');
    assert.deepEqual(check(op, { image: 'x:2', envAdd: ['A=1'], envRemove: ['B'], replicas: 3, force: true, version: 7 }), []);
    assert.deepEqual(check(op, { publishAdd: ['80'], networkRemove: ['n'], labels: { add: [{ key: 'a', value: 'b' }] } }), [
      ['NOT_PERMITTED', 'input.publishAdd'],
      ['NOT_PERMITTED', 'input.networkRemove'],
      ['NOT_PERMITTED', 'input.labels'],
    ]);
  });

  test('empty lists and empty label changes are no change', () => {
    assert.deepEqual(check(principal('operator:team=payments'), { publishAdd: [], labels: { add: [], remove: [] } }), []);
  });

  test('a deployer grant for another team does not let an operator of this one change more', () => {
    assert.deepEqual(check(principal('operator:team=payments', 'deployer:team=billing'), { publishAdd: ['80'] }), [['NOT_PERMITTED', 'input.publishAdd']]);
    assert.deepEqual(check(principal('operator:team=payments', 'deployer:team=payments'), { publishAdd: ['80'] }), []);
  });

  test('a scoped deployer may change labels but not remove or change the scope label', () => {
    const d = principal('deployer:team=payments');
    assert.deepEqual(check(d, { labels: { add: [{ key: 'tier', value: 'gold' }] } }), []);
    assert.deepEqual(check(d, { labels: { remove: ['tier', 'team'] } }), [['SCOPE_LABEL', 'input.labels.remove.1']]);
    assert.deepEqual(check(d, { labels: { add: [{ key: 'team', value: 'billing' }] } }), [['SCOPE_LABEL', 'input.labels.add.0']]);
    // Removed and added back with its value: no change.
    assert.deepEqual(check(d, { labels: { remove: ['team'], add: [{ key: 'team', value: 'payments' }] } }), []);
  });

  test('unscoped grants change anything', () => {
    assert.deepEqual(check(principal('deployer'), { labels: { remove: ['team'] }, publishAdd: ['80'] }), []);
    assert.deepEqual(check(principal('admin'), { labels: { remove: ['team'] } }), []);
  });
});

describe('mutation targets and rollbacks', () => {
  test('a target outside the mutation scope is treated as missing, even when the read scope covers it', () => {
    const p = principal('viewer', 'operator:team=payments');
    assert.equal(under(p, 'Mutation.serviceScale', (scope) => serviceInScope(service({ team: 'billing' }), scope)), null);
    assert.ok(under(p, 'Mutation.serviceScale', (scope) => serviceInScope(service({ team: 'payments' }), scope)));
    assert.ok(under(p, 'Query.service', (scope) => serviceInScope(service({ team: 'billing' }), scope)));
  });

  test('a rollback to a spec without the scope label is SCOPE_LABEL at the id', () => {
    const p = principal('operator:team=payments');
    assert.deepEqual(codes(under(p, 'Mutation.serviceRollback', (scope) => rollbackScopeErrors(scope, service({ team: 'payments' }, {})))), [['SCOPE_LABEL', 'input.id']]);
    assert.deepEqual(codes(under(p, 'Mutation.serviceRollback', (scope) => rollbackScopeErrors(scope, service({ team: 'payments' }, { team: 'payments', v: '1' })))), []);
  });
});

describe('containersInScope', () => {
  const loaders = (services: EngineService[]) => () => ({ services: async () => services }) as unknown as ClusterLoaders;
  const scope = { all: false, selectors: [[['team', 'payments']] as const] };

  test('own labels, or the labels of the service whose task it is', async () => {
    const items: { name: string; labels: Record<string, string> }[] = [
      { name: 'pay-box', labels: { team: 'payments' } },
      { name: 'bill-box', labels: { team: 'billing' } },
      { name: 'pay-api.1', labels: { 'com.docker.swarm.service.id': 's1' } },
      { name: 'bill-api.1', labels: { 'com.docker.swarm.service.id': 's2' } },
      { name: 'plain', labels: {} },
    ];
    const services = [service({ team: 'payments' }), { ...service({ team: 'billing' }), ID: 's2' }];
    const kept = await containersInScope(items, (i) => i.labels, scope, loaders(services));
    assert.deepEqual(kept.map((i) => i.name), ['pay-box', 'pay-api.1']);
  });

  test('services are not listed when no task container needs them', async () => {
    const noLoaders = () => assert.fail('services listed') as never;
    const labels: Record<string, string>[] = [{ team: 'payments' }, {}];
    assert.deepEqual(await containersInScope(labels, (l) => l, scope, noLoaders), [{ team: 'payments' }]);
  });
});
