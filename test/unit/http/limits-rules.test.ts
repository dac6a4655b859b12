// The limit rules against the real schema: depth, aliases, cost and page sizes. Each
// refusal is a typed error naming the limit (or field and cap) and the value found, and a
// query just inside each limit passes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { buildSchema, getOperationAST, parse, specifiedRules, validate, type GraphQLError } from 'graphql';
import { limitsSchema } from '../../../src/config/access-config.ts';
import { GatewayError } from '../../../src/errors/gateway-error.ts';
import { limitValidationRules } from '../../../src/http/limits/limit-plugin.ts';
import { operationLimitErrors } from '../../../src/http/limits/operation-limits.ts';
import { subscriptionLimitErrors } from '../../../src/http/limits/subscription-limits.ts';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
const defaults = limitsSchema.parse({});

/** All refusals of a request, as the gateway would produce them: validation first, then the operation checks. */
function refusals(query: string, variables: Record<string, unknown> = {}, limits = defaults): readonly GraphQLError[] {
  const document = parse(query);
  const errors = validate(schema, document, [...specifiedRules, ...limitValidationRules(limits)]);
  if (errors.length > 0) return errors;
  return [...operationLimitErrors(schema, document, getOperationAST(document)!, variables, limits)];
}

/** The gateway error under a refusal: what format-error.ts shows the caller. */
function gatewayErrors(errors: readonly GraphQLError[]): GatewayError[] {
  return errors.map((e) => {
    assert.ok(e.originalError instanceof GatewayError, `not a gateway error: ${e.message}`);
    return e.originalError;
  });
}

/** `services > nodes > tasks > service > tasks ...` with `depth` levels in all (one item per page, so only the depth counts). */
function deepQuery(depth: number): string {
  // services(1) nodes(2) then alternating tasks/service, ending with a scalar.
  let inner = 'id';
  for (let level = depth - 1; level > 2; level--) inner = `${level % 2 === 1 ? 'tasks' : 'service'} { ${inner} }`;
  return `{ services(first: 1) { nodes { ${inner} } } }`;
}

const aliasFlood = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: swarm { id }`).join(' ')} }`;

describe('query depth', () => {
  test('a query at the limit passes, one level more is QUERY_TOO_COMPLEX naming limit and depth', () => {
    assert.deepEqual(refusals(deepQuery(12)), []);
    const [error, ...rest] = gatewayErrors(refusals(deepQuery(13)));
    assert.equal(rest.length, 0);
    assert.equal(error!.code, 'QUERY_TOO_COMPLEX');
    assert.equal(error!.message, 'query depth is 13, over the limit of 12 (limits.maxDepth)');
    assert.deepEqual(error!.extensions, { limit: 'maxDepth', max: 12, found: 13 });
  });

  test('a 20-level query is refused; the limit is the configured one', () => {
    assert.equal(gatewayErrors(refusals(deepQuery(20)))[0]!.message, 'query depth is 20, over the limit of 12 (limits.maxDepth)');
    assert.equal(gatewayErrors(refusals(deepQuery(6), {}, { ...defaults, maxDepth: 5 }))[0]!.message, 'query depth is 6, over the limit of 5 (limits.maxDepth)');
  });

  test('fragments are not levels of their own: the depth is that of the data', () => {
    const viaFragments = `{ services { nodes { ...S } } } fragment S on Service { tasks { ... on Task { id } } }`;
    assert.deepEqual(refusals(viaFragments, {}, { ...defaults, maxDepth: 4 }), []);
    assert.equal(gatewayErrors(refusals(viaFragments, {}, { ...defaults, maxDepth: 3 }))[0]!.extensions.found, 4);
  });
});

describe('aliases', () => {
  test('30 aliases pass, 50 are QUERY_TOO_COMPLEX naming the count', () => {
    assert.deepEqual(refusals(aliasFlood(30)), []);
    const [error] = gatewayErrors(refusals(aliasFlood(50)));
    assert.equal(error!.code, 'QUERY_TOO_COMPLEX');
    assert.equal(error!.message, 'number of aliases is 50, over the limit of 30 (limits.maxAliases)');
  });

  test('aliases inside fragments count; aliases of __typename do not', () => {
    const inFragment = `{ ...F } fragment F on Query { a: swarm { id } b: swarm { id } c: swarm { id } }`;
    assert.equal(gatewayErrors(refusals(inFragment, {}, { ...defaults, maxAliases: 2 }))[0]!.extensions.found, 3);
    assert.deepEqual(refusals(`{ a: __typename b: __typename c: __typename }`, {}, { ...defaults, maxAliases: 2 }), []);
  });
});

describe('page sizes', () => {
  test('a literal first over 100 is BAD_REQUEST naming the field and the cap', () => {
    const [error, ...rest] = gatewayErrors(refusals('{ services(first: 1000) { totalCount } }'));
    assert.equal(rest.length, 0);
    assert.equal(error!.code, 'BAD_REQUEST');
    assert.equal(error!.message, 'first must be between 1 and 100 on Query.services, got 1000');
  });

  test('0 and negative sizes are refused too; 1 and 100 pass', () => {
    assert.equal(gatewayErrors(refusals('{ nodes(first: 0) { totalCount } }'))[0]!.message, 'first must be between 1 and 100 on Query.nodes, got 0');
    assert.equal(gatewayErrors(refusals('{ networks(first: -5) { totalCount } }'))[0]!.code, 'BAD_REQUEST');
    assert.deepEqual(refusals('{ a: services(first: 1) { totalCount } b: services(first: 100) { totalCount } }'), []);
  });

  test('a size in a variable is checked with the request variables, and so is a variable default', () => {
    const query = 'query($n: Int) { services(first: $n) { totalCount } }';
    assert.equal(gatewayErrors(refusals(query, { n: 1000 }))[0]!.message, 'first must be between 1 and 100 on Query.services, got 1000');
    assert.deepEqual(refusals(query, { n: 100 }), []);
    assert.deepEqual(refusals(query, {}), [], 'an absent variable leaves the default of 50');
    assert.deepEqual(refusals(query, { n: null }), [], 'null leaves the default of 50');
    assert.equal(gatewayErrors(refusals('query($n: Int = 500) { tasks(first: $n) { totalCount } }'))[0]!.message, 'first must be between 1 and 100 on Query.tasks, got 500');
  });

  test('every connection is covered, in fragments too', () => {
    for (const field of ['nodes', 'networks', 'services', 'tasks', 'containers', 'auditRecords']) {
      assert.equal(gatewayErrors(refusals(`{ ${field}(first: 101) { totalCount } }`))[0]!.code, 'BAD_REQUEST', field);
    }
    assert.match(gatewayErrors(refusals('query($n: Int) { ...F } fragment F on Query { tasks(first: $n) { totalCount } }', { n: 101 }))[0]!.message, /Query\.tasks/);
  });
});

describe('cost', () => {
  // services(first: N) { nodes { id } }: (2 + 1.5 * (2 + 1.5 * 1)) * N = 7.25 * N
  const pageOfIds = (first: string) => `query${first.includes('$n') ? '($n: Int)' : ''} { services${first} { nodes { id } } }`;

  test('a connection costs its page size times its selection', () => {
    const cost = (first: string, variables: Record<string, unknown> = {}) => {
      const [error] = gatewayErrors(refusals(pageOfIds(first), variables, { ...defaults, maxCost: 1 }));
      return error!.extensions.found;
    };
    assert.equal(cost('(first: 100)'), 725);
    assert.equal(cost('(first: 10)'), 73); // 72.5, rounded up
    assert.equal(cost('(first: $n)', { n: 100 }), 725, 'a variable counts at its value');
    assert.equal(cost(''), 363, 'no first counts at the default page size of 50');
  });

  test('over maxCost is QUERY_TOO_COMPLEX naming the limit and the estimate', () => {
    const [error] = gatewayErrors(refusals(pageOfIds('(first: $n)'), { n: 100 }, { ...defaults, maxCost: 700 }));
    assert.equal(error!.code, 'QUERY_TOO_COMPLEX');
    assert.equal(error!.message, 'estimated query cost is 725, over the limit of 700 (limits.maxCost)');
    assert.deepEqual(error!.extensions, { limit: 'maxCost', max: 700, found: 725 });
    assert.deepEqual(refusals(pageOfIds('(first: $n)'), { n: 96 }, { ...defaults, maxCost: 700 }), []);
  });

  test('the same parsed operation sent again is judged the same: within limits remembered per cost limit, over limits refused every time, variables judged at each value', () => {
    const check = (document: ReturnType<typeof parse>, variables: Record<string, unknown>, maxCost: number) =>
      operationLimitErrors(schema, document, getOperationAST(document)!, variables, { maxCost }).length;
    const fixed = parse(pageOfIds('(first: 100)'));
    assert.equal(check(fixed, {}, 800), 0);
    assert.equal(check(fixed, {}, 800), 0);
    assert.equal(check(fixed, {}, 700), 1, 'a lower limit for the same node is judged again');
    assert.equal(check(fixed, {}, 700), 1, 'refused again, not remembered as passing');
    const variable = parse(pageOfIds('(first: $n)'));
    assert.equal(check(variable, { n: 10 }, 700), 0);
    assert.equal(check(variable, { n: 100 }, 700), 1, 'the same node with a larger value is refused');
  });

  test('under the default limits, a wide dashboard query passes and many pages of it do not', () => {
    const page = (alias: string) => `${alias}: services(first: 100) { totalCount nodes { name replicas runningTasks networks { network { name driver } virtualIp } tasks { id state node { hostname role } networkAttachments { network { name } addresses } } } }`;
    assert.deepEqual(refusals(`{ ${page('a')} ${page('b')} }`), []);
    const [error] = gatewayErrors(refusals(`{ ${page('a')} ${page('b')} ${page('c')} }`));
    assert.equal(error!.code, 'QUERY_TOO_COMPLEX');
    assert.equal(error!.extensions.limit, 'maxCost');
  });

  test('only the operation that runs is counted', () => {
    const document = parse('query Small { swarm { id } } query Big { services(first: 100) { nodes { id } } }');
    const small = document.definitions[0] as never;
    assert.deepEqual(operationLimitErrors(schema, document, small, {}, { maxCost: 100 }), []);
    assert.equal(operationLimitErrors(schema, document, getOperationAST(document, 'Big')!, {}, { maxCost: 100 }).length, 1);
  });
});

describe('subscriptions (graphql-ws)', () => {
  test('the same limits apply to a subscribe payload', () => {
    assert.deepEqual(subscriptionLimitErrors(schema, defaults, parse('subscription { events { type action attributes { key value } } }'), undefined, {}), []);
    const flood = `subscription { ${Array.from({ length: 40 }, (_, i) => `e${i}: events { type }`).join(' ')} }`;
    const [error] = gatewayErrors([...subscriptionLimitErrors(schema, defaults, parse(flood), undefined, {})]);
    assert.equal(error!.code, 'QUERY_TOO_COMPLEX');
  });
});
