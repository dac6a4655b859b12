// The limits inside Apollo Server, as the gateway configures it (formatError masking,
// no stack traces): each refusal is a 400 with its own code and message, and no resolver
// runs. Resolvers here only count their calls; no engine is involved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { limitsSchema } from '../../../src/config/access-config.ts';
import { formatError } from '../../../src/http/format-error.ts';
import { limitPlugins } from '../../../src/http/limits/index.ts';

const typeDefs = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
const emptyPage = { nodes: [], edges: [], totalCount: 0, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };

function server(production: boolean, calls: string[]) {
  const resolvers = {
    Query: {
      services: () => (calls.push('services'), emptyPage),
      swarm: () => (calls.push('swarm'), { id: 'swarm-id' }),
    },
  };
  const limits = limitsSchema.parse({ maxCost: 2000 });
  const { validationRules, plugins } = limitPlugins(limits, { production });
  return new ApolloServer({
    schema: makeExecutableSchema({ typeDefs, resolvers }),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    formatError,
    validationRules,
    plugins,
  });
}

type Result = { status: number | undefined; errors: { message: string; extensions?: Record<string, unknown> }[] | undefined; data: unknown };

async function run(apollo: ApolloServer, query: string, variables?: Record<string, unknown>): Promise<Result> {
  const response = await apollo.executeOperation({ query, ...(variables ? { variables } : {}) });
  assert.equal(response.body.kind, 'single');
  const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
  return { status: response.http.status, errors: single?.errors as Result['errors'], data: single?.data };
}

describe('limits in Apollo Server', () => {
  const calls: string[] = [];
  let apollo: ApolloServer;
  before(async () => {
    apollo = server(false, calls);
    await apollo.start();
  });
  after(() => apollo.stop());

  const refused = [
    { what: 'a deep query', query: '{ services(first: 1) { nodes { tasks { service { tasks { service { tasks { service { tasks { service { tasks { service { id } } } } } } } } } } } } }', code: 'QUERY_TOO_COMPLEX', message: /query depth is 13, over the limit of 12 \(limits\.maxDepth\)/ },
    { what: 'an alias flood', query: `{ ${Array.from({ length: 50 }, (_, i) => `s${i}: swarm { id }`).join(' ')} }`, code: 'QUERY_TOO_COMPLEX', message: /number of aliases is 50, over the limit of 30/ },
    { what: 'a literal page of 1000', query: '{ services(first: 1000) { totalCount } }', code: 'BAD_REQUEST', message: /first must be between 1 and 100 on Query\.services, got 1000/ },
    { what: 'a page of 1000 in a variable', query: 'query($n: Int) { services(first: $n) { totalCount } }', variables: { n: 1000 }, code: 'BAD_REQUEST', message: /first must be between 1 and 100 on Query\.services, got 1000/ },
    { what: 'a costly query', query: '{ services(first: 100) { nodes { id name image tasks { id state } } } }', code: 'QUERY_TOO_COMPLEX', message: /estimated query cost is \d+, over the limit of 2000 \(limits\.maxCost\)/ },
  ];

  for (const r of refused) {
    test(`${r.what} is a 400 ${r.code}, before any resolver`, async () => {
      calls.length = 0;
      const res = await run(apollo, r.query, r.variables);
      assert.equal(res.status, 400);
      assert.equal(res.errors?.length, 1, JSON.stringify(res.errors));
      assert.equal(res.errors[0]!.extensions?.code, r.code);
      assert.match(res.errors[0]!.message, r.message);
      assert.equal(res.data, undefined);
      assert.deepEqual(calls, []);
      assert.doesNotMatch(JSON.stringify(res.errors), /stacktrace|node_modules|Syntax Error|graphql-armor/);
    });
  }

  test('a query within every limit runs', async () => {
    calls.length = 0;
    const res = await run(apollo, 'query($n: Int) { services(first: $n) { totalCount } swarm { id } }', { n: 100 });
    assert.equal(res.errors, undefined);
    assert.deepEqual(calls.sort(), ['services', 'swarm']);
  });

  test('outside production, validation errors keep their suggestions', async () => {
    const res = await run(apollo, '{ swarm { idd } }');
    assert.match(res.errors?.[0]?.message ?? '', /Did you mean "id"\?/);
  });
});

describe('limits in Apollo Server, production', () => {
  let apollo: ApolloServer;
  before(async () => {
    apollo = server(true, []);
    await apollo.start();
  });
  after(() => apollo.stop());

  test('introspection is refused with a 400', async () => {
    const res = await run(apollo, '{ __schema { queryType { name } } }');
    assert.equal(res.status, 400);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    assert.match(res.errors?.[0]?.message ?? '', /introspection/i);
  });

  test('validation errors do not suggest field names', async () => {
    const res = await run(apollo, '{ swarm { idd } }');
    assert.equal(res.status, 400);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    assert.doesNotMatch(res.errors?.[0]?.message ?? '', /Did you mean/);
  });
});
