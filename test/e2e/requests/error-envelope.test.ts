// One error envelope on every transport, against a real swarm: whatever fails (an
// unreadable body, its size, charset or encoding, a wrong method or route, credentials,
// a subscription over HTTP, a persisted query, a bad cursor), /graphql and /audit/export
// answer GraphQL-shaped JSON with `extensions.code` in the GraphQL-over-HTTP media type,
// with NODE_ENV production or not. The graphql-http package's audit of the
// GraphQL-over-HTTP spec passes every MUST and SHOULD with a token. Over graphql-ws a
// syntax error fails that operation only, validation errors keep their code, and in
// production introspection and suggestions are off there too.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { auditServer } from 'graphql-http';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'envelope';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Served {
  gw: TestGateway;
  url: string;
  ws: string;
}

async function serve(swarm: SwarmState, production: boolean): Promise<Served> {
  // Express reads NODE_ENV when the app is made: the production gateway gets Express's production mode too.
  const previous = process.env.NODE_ENV;
  if (production) process.env.NODE_ENV = 'production';
  else delete process.env.NODE_ENV;
  try {
    const config = configFor([swarm]);
    const gw = await startGateway({ ...config, production, limits: { ...config.limits, authFailuresPerAddress: 100_000 } });
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = gw.gateway.httpServer.address() as AddressInfo;
    return { gw, url: `http://127.0.0.1:${port}/graphql`, ws: `ws://127.0.0.1:${port}/graphql` };
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown } | undefined;
}

async function send(url: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, body };
}

/** GraphQL-shaped JSON, one error with `code`, no stack, no file path, no HTML. */
function assertEnvelope(answer: Answer, status: number, code: string, what: string): void {
  assert.equal(answer.status, status, `${what}: ${answer.text.slice(0, 300)}`);
  assert.ok(answer.body?.errors?.length, `${what}: not a GraphQL error body: ${answer.text.slice(0, 300)}`);
  assert.equal(answer.body.errors[0]!.extensions?.code, code, `${what}: ${answer.text}`);
  assert.doesNotMatch(answer.text, /<html|<pre|\bat .*:\d+:\d+|node_modules|\/work\/|\.ts:\d+/i, `${what}: internals in ${answer.text}`);
}

describe('the error envelope', () => {
  let swarm: SwarmState;
  let dev: Served;
  let prod: Served;
  const clients: Client[] = [];

  before(async () => {
    swarm = await swarmUp(SWARM);
    dev = await serve(swarm, false);
    prod = await serve(swarm, true);
  });

  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await dev?.gw.stop();
    await prod?.gw.stop();
    await swarmDown(SWARM);
  });

  const post = (s: Served, body: string | Buffer, headers: Record<string, string> = {}) =>
    send(s.url, { method: 'POST', body, headers: { authorization: s.gw.adminAuthorization, 'content-type': 'application/json', ...headers } });

  const query = JSON.stringify({ query: '{ clusters { name } }' });
  const malformed: { what: string; body: string | Buffer; headers?: Record<string, string>; status: number }[] = [
    { what: 'broken JSON', body: '{"query": "{ clusters', status: 400 },
    { what: 'a top-level string', body: '"{ clusters { name } }"', status: 400 },
    { what: 'a top-level null', body: 'null', status: 400 },
    { what: 'a top-level number', body: '42', status: 400 },
    { what: 'a body over 1 MiB', body: JSON.stringify({ query: `{ clusters { name } } # ${'x'.repeat(1_100_000)}` }), status: 413 },
    { what: 'a latin1 charset', body: query, headers: { 'content-type': 'application/json; charset=latin1' }, status: 415 },
    { what: 'a utf-16 charset', body: query, headers: { 'content-type': 'application/json; charset=utf-16' }, status: 415 },
    { what: 'an unknown Content-Encoding', body: query, headers: { 'content-encoding': 'x-unknown' }, status: 415 },
    { what: 'a gzip Content-Encoding on a body that is not gzip', body: query, headers: { 'content-encoding': 'gzip' }, status: 400 },
    { what: 'a gzip bomb (50 KB inflating to 50 MB)', body: gzipSync(Buffer.from(`{"query":"${' '.repeat(50_000_000)}"}`)), headers: { 'content-encoding': 'gzip' }, status: 413 },
  ];

  for (const env of ['development', 'production'] as const) {
    for (const m of malformed) {
      test(`${env}: ${m.what} is ${m.status} BAD_REQUEST in the envelope`, async () => {
        const s = env === 'production' ? prod : dev;
        for (const accept of [undefined, GRAPHQL_RESPONSE]) {
          const answer = await post(s, m.body, { ...(accept ? { accept } : {}), ...m.headers });
          assertEnvelope(answer, m.status, 'BAD_REQUEST', `${m.what} (accept ${accept ?? 'none'})`);
          assert.equal(answer.contentType, `${accept ?? 'application/json'}; charset=utf-8`);
        }
      });
    }

    test(`${env}: a wrong method, a wrong route and a refused credential are answered in the envelope`, async () => {
      const s = env === 'production' ? prod : dev;
      assertEnvelope(await send(s.url, { method: 'PUT', body: query, headers: { authorization: s.gw.adminAuthorization, 'content-type': 'application/json' } }), 405, 'BAD_REQUEST', 'PUT');
      assertEnvelope(await send(s.url.replace('/graphql', '/nowhere'), { headers: { authorization: s.gw.adminAuthorization } }), 404, 'NOT_FOUND', 'unknown route');
      const refused = await post(s, query, { authorization: 'Bearer not-a-token', accept: GRAPHQL_RESPONSE });
      assertEnvelope(refused, 401, 'UNAUTHENTICATED', 'bad token');
      assert.equal(refused.contentType, `${GRAPHQL_RESPONSE}; charset=utf-8`);
      const exportRefused = await send(s.url.replace('/graphql', '/audit/export?format=xml'), { headers: { authorization: s.gw.adminAuthorization } });
      assert.ok([400, 503].includes(exportRefused.status), exportRefused.text);
      assertEnvelope(exportRefused, exportRefused.status, exportRefused.status === 400 ? 'BAD_REQUEST' : 'AUDIT_UNAVAILABLE', 'audit export');
      // A browser asking for HTML gets the gateway's own console page, not Apollo's landing page;
      // a console file that is not there is the envelope.
      const browser = await send(s.url, { headers: { authorization: s.gw.adminAuthorization, accept: 'text/html' } });
      assert.equal(browser.status, 200);
      assert.match(browser.text, /id="sg-token"/);
      assert.doesNotMatch(browser.text, /apollo/i);
      const noFile = await send(s.url.replace('/graphql', '/console/assets/0000000000000000/graphiql.min.js'), { headers: { accept: 'text/html' } });
      assertEnvelope(noFile, 404, 'NOT_FOUND', 'unknown console file');
    });
  }

  test('a subscription over HTTP POST names graphql-ws; a persisted query is PERSISTED_QUERY_NOT_SUPPORTED', async () => {
    const sub = await post(dev, JSON.stringify({ query: 'subscription { events { type } }' }), { accept: GRAPHQL_RESPONSE });
    assertEnvelope(sub, 400, 'BAD_REQUEST', 'subscription over POST');
    assert.match(sub.body!.errors![0]!.message, /graphql-ws/);
    for (const body of [{ query: '{ clusters { name } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }, { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } }]) {
      const pq = await post(dev, JSON.stringify(body));
      assertEnvelope(pq, 200, 'PERSISTED_QUERY_NOT_SUPPORTED', 'persisted query');
      assert.match(pq.body!.errors![0]!.message, /send the whole document/);
    }
  });

  test('with application/json a request error is a 200 (the spec), with application/graphql-response+json a 400', async () => {
    assertEnvelope(await post(dev, JSON.stringify({ query: '{ clusters { nope } }' })), 200, 'BAD_REQUEST', 'validation, application/json');
    assertEnvelope(await post(dev, JSON.stringify({ query: '{ clusters { nope } }' }), { accept: GRAPHQL_RESPONSE }), 400, 'BAD_REQUEST', 'validation, graphql-response+json');
  });

  test('bad connection cursors are BAD_REQUEST (garbage, base64 of nothing of ours)', async () => {
    for (const after of ['%%%', 'bm90LWEtY3Vyc29y', '']) {
      const res = await dev.gw.gql(`query($a: String) { services(after: $a) { totalCount } networks(after: $a) { totalCount } }`, { a: after });
      if (after === '') {
        expectData(res);
        continue;
      }
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST', `${after}: ${JSON.stringify(res.errors)}`);
      assert.match(res.errors![0]!.message, /cursor/);
    }
    // A cursor the gateway gave out works.
    const first = expectData(await dev.gw.gql('{ networks(first: 1) { pageInfo { endCursor } } }'));
    expectData(await dev.gw.gql('query($a: String) { networks(first: 1, after: $a) { totalCount } }', { a: first.networks.pageInfo.endCursor }));
  });

  test('the graphql-http audit of the GraphQL-over-HTTP spec: every MUST and SHOULD passes with a token', async () => {
    const results = await auditServer({
      url: dev.url,
      fetchFn: (input: string | URL | Request, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: dev.gw.adminAuthorization } }),
    });
    const failed = results.filter((r) => r.status !== 'ok' && (r.name.startsWith('MUST') || r.name.startsWith('SHOULD')));
    assert.deepEqual(failed.map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`), []);
    assert.ok(results.length >= 50, `only ${results.length} audits ran`);
  });

  test('without a token, every MUST the spec applies to a 401 passes; the others meet a 401 envelope', async () => {
    const results = await auditServer({ url: dev.url });
    const musts = results.filter((r) => r.name.startsWith('MUST'));
    // The MUSTs about a successful response need a 200 that a refused credential cannot get.
    const needs200 = musts.filter((r) => r.status !== 'ok' && 'reason' in r && r.reason === 'Response status code is not 200');
    const failed = musts.filter((r) => r.status !== 'ok' && !needs200.includes(r));
    assert.deepEqual(failed.map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`), []);
    assert.ok(musts.length >= 10, `only ${musts.length} MUSTs ran`);
    // What those MUSTs ask of any response, checked on the 401 itself: the media type the
    // client accepts (application/json when it says nothing or */*), UTF-8, a GraphQL body.
    for (const [accept, type] of [[undefined, 'application/json'], ['*/*', 'application/json'], ['application/json', 'application/json'], [GRAPHQL_RESPONSE, GRAPHQL_RESPONSE]] as const) {
      const refused = await send(dev.url, { method: 'POST', body: query, headers: { 'content-type': 'application/json; charset=utf-8', ...(accept ? { accept } : {}) } });
      assertEnvelope(refused, 401, 'UNAUTHENTICATED', `no token (accept ${accept ?? 'none'})`);
      assert.equal(refused.contentType, `${type}; charset=utf-8`);
    }
  });

  describe('graphql-ws', () => {
    function client(s: Served): { client: Client; closed: unknown[] } {
      const closed: unknown[] = [];
      const c = createClient({ url: s.ws, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: s.gw.adminAuthorization } });
      c.on('closed', (event) => closed.push(event));
      clients.push(c);
      return { client: c, closed };
    }

    async function first(c: Client, payload: { query: string; extensions?: Record<string, unknown> }): Promise<{ data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
      const events = c.iterate(payload);
      try {
        const next = await events.next();
        await events.return?.();
        return next.value as never;
      } catch (errors) {
        return { errors: errors as never };
      }
    }

    test('a syntax error fails that operation only: the socket and its other subscriptions stay open', async () => {
      const { client: c, closed } = client(dev);
      const live = c.iterate({ query: 'subscription { events { type } }' });
      const pending = live.next();
      const syntax = await first(c, { query: 'subscription { events { type }' });
      assert.equal(syntax.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(syntax));
      assert.match(syntax.errors![0]!.message, /Syntax Error/);
      const after = await first(c, { query: '{ clusters { name } }' });
      assert.deepEqual(after.data, { clusters: [{ name: SWARM }] });
      assert.deepEqual(closed, [], 'the socket was closed');
      await live.return?.();
      void pending.catch(() => {});
    });

    test('validation errors keep their code and message', async () => {
      const { client: c } = client(dev);
      const invalid = await first(c, { query: 'subscription { events { nope } }' });
      assert.equal(invalid.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(invalid));
      assert.match(invalid.errors![0]!.message, /Cannot query field "nope"/);
      const pq = await first(c, { query: 'subscription { events { type } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
      assert.equal(pq.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_SUPPORTED', JSON.stringify(pq));
    });

    test('in production, introspection and suggestions are off over graphql-ws as over HTTP GET and POST', async () => {
      const { client: c } = client(prod);
      const introspection = await first(c, { query: '{ __schema { queryType { name } } }' });
      assert.equal(introspection.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(introspection));
      assert.match(introspection.errors![0]!.message, /introspection/i);
      const typo = await first(c, { query: '{ clusters { nam } }' });
      assert.equal(typo.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
      assert.doesNotMatch(typo.errors![0]!.message, /Did you mean/);
      const get = await send(`${prod.url}?query=${encodeURIComponent('{ __type(name: "Query") { name } }')}`, { headers: { authorization: prod.gw.adminAuthorization, accept: GRAPHQL_RESPONSE } });
      assertEnvelope(get, 400, 'BAD_REQUEST', 'introspection over GET');
      const postTypo = await post(prod, JSON.stringify({ query: '{ clusters { nam } }' }));
      assert.doesNotMatch(postTypo.text, /Did you mean/);
      // Outside production introspection answers, over graphql-ws too.
      const { client: d } = client(dev);
      assert.deepEqual((await first(d, { query: '{ __schema { queryType { name } } }' })).data, { __schema: { queryType: { name: 'Query' } } });
    });
  });
});
