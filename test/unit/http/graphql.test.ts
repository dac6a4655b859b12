// The HTTP surface without an engine: GraphQL over GET and POST, health and readiness,
// error masking, introspection only outside production, batching off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../../../src/config/config.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';

const unreachable = (production = false) =>
  parseConfig({ clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/docker.sock' }] }], production, logLevel: 'silent', engine: { timeoutMs: 500 } });

describe('GraphQL over HTTP', () => {
  let gw: TestGateway;
  before(async () => {
    gw = await startGateway(unreachable());
  });
  after(() => gw.stop());

  test('POST application/json answers a query', async () => {
    const res = await gw.gql('{ clusters { name isDefault endpoints } }');
    assert.equal(res.status, 200);
    assert.deepEqual(res.data, { clusters: [{ name: 'nowhere', isDefault: true, endpoints: ['unix:///nonexistent/docker.sock'] }] });
  });

  test('GET with query parameters answers a query', async () => {
    const res = await gw.http.get('/graphql').query({ query: 'query Q($c: String) { container(cluster: $c, id: "x") { id } clusters { name } }', operationName: 'Q', variables: JSON.stringify({ c: 'nowhere' }) }).set('accept', 'application/graphql-response+json');
    assert.equal(res.status, 200);
    const body = JSON.parse(res.text);
    // The variable reached the resolver: the container lookup went to cluster "nowhere", whose engine is down.
    assert.equal(body.errors[0].extensions.code, 'ENGINE_UNAVAILABLE');
    assert.deepEqual(body.data, null);
  });

  test('GET refuses a mutation (GraphQL-over-HTTP: only queries over GET)', async () => {
    const res = await gw.http.get('/graphql').query({ query: 'mutation { serviceRemove(input: {id: "x"}) { removed { id } } }' });
    assert.equal(res.status, 405);
  });

  test('an unreachable engine is ENGINE_UNAVAILABLE, without internals', async () => {
    const res = await gw.gql('{ swarm { id } }');
    assert.equal(res.errors?.[0]?.extensions?.code, 'ENGINE_UNAVAILABLE');
    const text = JSON.stringify(res.errors);
    assert.doesNotMatch(text, /at .*\.ts:\d+|stacktrace|node_modules/);
  });

  test('an unknown cluster is NOT_FOUND and names the configured ones', async () => {
    const res = await gw.gql('{ swarm(cluster: "other") { id } }');
    assert.equal(res.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.match(res.errors?.[0]?.message ?? '', /cluster "other" is not configured \(configured: nowhere\)/);
  });

  test('a malformed query is BAD_REQUEST with a 400', async () => {
    const res = await gw.gql('{ swarm { notAField } }');
    assert.equal(res.status, 400);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  });

  test('batched requests are refused', async () => {
    const res = await gw.http.post('/graphql').send([{ query: '{ clusters { name } }' }, { query: '{ clusters { name } }' }]);
    assert.equal(res.status, 400);
  });

  test('introspection works outside production', async () => {
    const res = await gw.gql('{ __schema { queryType { name } } }');
    assert.equal(res.data.__schema.queryType.name, 'Query');
  });

  test('/healthz is up and /readyz is 503 while no manager answers', async () => {
    const health = await gw.http.get('/healthz');
    assert.equal(health.status, 200);
    const ready = await gw.http.get('/readyz');
    assert.equal(ready.status, 503);
    assert.deepEqual(ready.body, { status: 'unavailable', clusters: { nowhere: 'unavailable' } });
  });

  test('a request ID is echoed, or made when absent or malformed', async () => {
    const given = await gw.http.get('/healthz').set('x-request-id', 'abc-123');
    assert.equal(given.headers['x-request-id'], 'abc-123');
    const made = await gw.http.get('/healthz').set('x-request-id', 'bad id with spaces');
    assert.match(made.headers['x-request-id'] ?? '', /^[0-9a-f-]{36}$/);
  });
});

describe('production mode', () => {
  test('introspection is off', async () => {
    const gw = await startGateway(unreachable(true));
    try {
      const res = await gw.gql('{ __schema { queryType { name } } }');
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
      assert.match(res.errors?.[0]?.message ?? '', /introspection/i);
    } finally {
      await gw.stop();
    }
  });
});
