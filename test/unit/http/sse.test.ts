// Subscriptions over server-sent events (/graphql/stream) against the fake engine, read the
// way a script reads them (Node's fetch, the body as it arrives): the same authentication,
// limits, error envelope and credential re-checks as graphql-ws, one cap of open
// subscriptions over both transports, and nothing left open once a client goes away.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import supertest from 'supertest';
import WebSocket from 'ws';
import type { CredentialVerifier } from '../../../src/auth/authenticate.ts';
import { AuthenticationError } from '../../../src/auth/authentication-error.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { startFakeGateway, type FakeGateway } from '../../support/fake-gateway.ts';
import { waitFor } from '../../support/gateway.ts';
import { eventsUntilEnd, openStream, openSubscriptionCount, type SseStream } from '../../support/sse-client.ts';

const CAP = 2;
const NETWORK_EVENTS = 'subscription($since: DateTime) { events(since: $since, filter: { types: [NETWORK] }) { type action actorName } }';

/** API tokens `sgw_<name>` for admins, each its own principal, revocable by the test. */
function revocableTokens() {
  const revoked = new Set<string>();
  const verifier: CredentialVerifier = {
    async verify(credential, clientAddress) {
      if (revoked.has(credential)) throw new AuthenticationError('revoked_token', 'the API token was revoked');
      return { id: `token:${credential}`, kind: 'token', grants: [parseGrant('admin')], clientAddress };
    },
  };
  return { verifier, revoke: (token: string) => revoked.add(token) };
}

/** Fails instead of hanging when what a test waits for never comes. */
function within<T>(what: string, promise: Promise<T>, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits for `check` to hold (what a client sees settles a moment after the stream closes). */
const eventually = (what: string, check: () => Promise<boolean> | boolean) => waitFor(what, async () => check(), 5_000, 25);

describe('subscriptions over server-sent events', () => {
  let fake: FakeGateway;
  let base: string;
  const tokens = revocableTokens();
  const streams: SseStream[] = [];
  const clients: Client[] = [];
  before(async () => {
    fake = await startFakeGateway({ apiTokens: tokens.verifier, credentialRecheckMs: 100, limits: { maxSubscriptionsPerPrincipal: CAP } });
    const server = fake.gateway.gateway.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const s of streams) s.close();
    await Promise.all(clients.map((c) => c.dispose()));
    await fake.stop();
  });

  const open = async (request: Parameters<typeof openStream>[1]) => {
    const stream = await openStream(base, request);
    streams.push(stream);
    return stream;
  };
  const openSubscriptions = () => openSubscriptionCount(fake.gateway.gateway.app);
  const since = () => new Date(Date.now() - 1000).toISOString();

  /** The first `next` event's data whose network is `name`. */
  async function networkEvent(stream: SseStream, name: string) {
    for (let e = await stream.next(); e; e = await stream.next()) {
      assert.equal(e.event, 'next', JSON.stringify(e));
      assert.equal(e.data.errors, undefined, JSON.stringify(e.data.errors));
      if (e.data.data.events.actorName === name) return e.data.data.events;
    }
    assert.fail('the stream ended without the event');
  }

  test('without credentials: 401 UNAUTHENTICATED in the envelope, with WWW-Authenticate, and an auth_failed record', async () => {
    const stream = await open({ query: NETWORK_EVENTS });
    assert.equal(stream.status, 401);
    assert.match(stream.headers.get('www-authenticate')!, /^Bearer realm=/);
    assert.equal(stream.body.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.ok(fake.audit.refusals.some((r) => r.kind === 'auth_failed' && r.operation === 'events'), JSON.stringify(fake.audit.refusals));
  });

  test('a network created through the gateway arrives as a next event (POST and GET alike)', async () => {
    const post = await open({ query: NETWORK_EVENTS, variables: { since: since() }, authorization: fake.gateway.adminAuthorization });
    const get = await open({ query: NETWORK_EVENTS, variables: { since: since() }, authorization: fake.gateway.adminAuthorization, get: true });
    for (const s of [post, get]) {
      assert.equal(s.status, 200);
      assert.match(s.headers.get('content-type')!, /^text\/event-stream/);
      assert.equal(s.headers.get('cache-control'), 'no-store');
    }
    const created = await fake.mutate('networkCreate', { name: 'sse-net' }, 'network { id }');
    assert.deepEqual(created.userErrors, []);
    for (const s of [post, get]) assert.deepEqual(await within('the event', networkEvent(s, 'sse-net')), { type: 'NETWORK', action: 'create', actorName: 'sse-net' });
    post.close();
    get.close();
  });

  test('a client that goes away frees its slot and closes the engine stream', async () => {
    await eventually('earlier streams closed', async () => (await openSubscriptions()) === 0 && fake.engine.state.eventWatchers === 0);
    const stream = await open({ query: NETWORK_EVENTS, authorization: fake.gateway.adminAuthorization });
    assert.equal(stream.status, 200);
    assert.equal(await openSubscriptions(), 1);
    await eventually('the engine stream opened', () => fake.engine.state.eventWatchers === 1);
    stream.close();
    await eventually('the gauge back to 0 and the engine stream closed', async () => (await openSubscriptions()) === 0 && fake.engine.state.eventWatchers === 0);
  });

  test('a token revoked while streaming ends the stream with UNAUTHENTICATED, then complete, and is audited', async () => {
    const token = 'sgw_revoked-while-streaming';
    const stream = await open({ query: NETWORK_EVENTS, authorization: `Bearer ${token}` });
    assert.equal(stream.status, 200);
    tokens.revoke(token);
    const events = await within('the end of the stream', eventsUntilEnd(stream));
    assert.deepEqual(events.map((e) => e.event), ['next', 'complete']);
    assert.equal(events[0]!.data.errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.equal(events[0]!.data.errors[0].extensions.reason, 'revoked_token');
    assert.ok(fake.audit.refusals.some((r) => r.kind === 'auth_failed' && r.operation === '(subscription credentials re-checked)'));
    await eventually('the slot freed', async () => (await openSubscriptions()) === 0);
  });

  test('the cap of open subscriptions per principal counts graphql-ws and server-sent events together', async () => {
    const token = 'sgw_capped';
    const authorization = `Bearer ${token}`;
    const ws = createClient({ url: `${base.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization } });
    clients.push(ws);
    const overWs = ws.iterate({ query: 'subscription { events { type } }' });
    const firstWs = overWs.next();
    void firstWs.catch(() => undefined);
    await eventually('the graphql-ws subscription counted', async () => (await openSubscriptions()) === 1);
    const overSse = await open({ query: NETWORK_EVENTS, authorization });
    assert.equal(overSse.status, 200);
    // The third, over either transport, is refused.
    const third = await open({ query: NETWORK_EVENTS, authorization });
    const refused = await within('the refusal', eventsUntilEnd(third));
    assert.deepEqual(refused.map((e) => e.event), ['next', 'complete']);
    assert.equal(refused[0]!.data.errors[0].extensions.code, 'RATE_LIMITED');
    assert.equal(refused[0]!.data.errors[0].extensions.limit, 'maxSubscriptionsPerPrincipal');
    const wsThird = ws.iterate({ query: 'subscription { events { type } }' });
    await assert.rejects(within('the graphql-ws refusal', wsThird.next()), (errors: any) => errors[0]?.extensions?.code === 'RATE_LIMITED');
    // Another principal is not affected.
    const other = await open({ query: NETWORK_EVENTS, authorization: 'Bearer sgw_other' });
    assert.equal(other.status, 200);
    other.close();
    // A slot freed over SSE is free for the next subscription.
    overSse.close();
    await eventually('the SSE slot freed', async () => (await openSubscriptions()) === 1);
    const again = await open({ query: NETWORK_EVENTS, authorization });
    assert.equal(again.status, 200);
    const created = await fake.mutate('networkCreate', { name: 'sse-after-cap' }, 'network { id }');
    assert.deepEqual(created.userErrors, []);
    assert.equal((await within('the event', networkEvent(again, 'sse-after-cap'))).action, 'create');
    again.close();
    await overWs.return?.();
    await eventually('every slot freed', async () => (await openSubscriptions()) === 0);
  });

  test('an operation over the limits, invalid or not a subscription is a next event with its code, then complete; nothing is opened', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: type`).join(' ');
    // rolloutUpdated > service > tasks > service > ... : 13 levels, over the default maxDepth of 12.
    let deep = 'id';
    for (let level = 12; level > 2; level--) deep = `${level % 2 === 1 ? 'tasks' : 'service'} { ${deep} }`;
    const cases: [string, string][] = [
      [`subscription { events { ${aliases} } }`, 'QUERY_TOO_COMPLEX'],
      [`subscription { rolloutUpdated(id: "r1") { service { ${deep} } } }`, 'QUERY_TOO_COMPLEX'],
      ['subscription { events { type ', 'BAD_REQUEST'],
      ['subscription { events { noSuchField } }', 'BAD_REQUEST'],
      ['{ swarm { id } }', 'BAD_REQUEST'],
    ];
    for (const [query, code] of cases) {
      const stream = await open({ query, authorization: fake.gateway.adminAuthorization });
      assert.equal(stream.status, 200, query);
      const events = await within(query, eventsUntilEnd(stream));
      assert.deepEqual(events.map((e) => e.event), ['next', 'complete'], query);
      assert.equal(events[0]!.data.errors[0].extensions.code, code, query);
      if (code === 'QUERY_TOO_COMPLEX') assert.match(events[0]!.data.errors[0].extensions.limit, /^max(Aliases|Depth)$/);
    }
    assert.equal(fake.engine.state.eventWatchers, 0);
    assert.equal(await openSubscriptions(), 0);
  });

  test('a subscription that fails when it runs ends with its code (an unknown cluster: NOT_FOUND), and its slot is freed', async () => {
    const stream = await open({ query: 'subscription { events(cluster: "nope") { type } }', authorization: fake.gateway.adminAuthorization });
    assert.equal(stream.status, 200);
    const events = await within('the end of the stream', eventsUntilEnd(stream));
    assert.deepEqual(events.map((e) => e.event), ['next', 'complete']);
    assert.equal(events[0]!.data.errors[0].extensions.code, 'NOT_FOUND');
    await eventually('the slot freed', async () => (await openSubscriptions()) === 0);
  });

  test('bad requests are refused in the envelope with their HTTP status', async () => {
    const http = supertest(fake.gateway.gateway.app);
    const auth = fake.gateway.adminAuthorization;
    const sse = (req: supertest.Test) => req.set('authorization', auth).set('accept', 'text/event-stream');
    const cases: [string, supertest.Test, number][] = [
      ['not JSON', sse(http.post('/graphql/stream')).set('content-type', 'application/json').send('{"query": '), 400],
      ['not a JSON body', sse(http.post('/graphql/stream')).set('content-type', 'text/plain').send('subscription { events { type } }'), 415],
      ['over 1 MiB', sse(http.post('/graphql/stream')).set('content-type', 'application/json').send(JSON.stringify({ query: `subscription { events { type } } #${'x'.repeat(1024 * 1024)}` })), 413],
      ['no query', sse(http.post('/graphql/stream')).set('content-type', 'application/json').send({ variables: {} }), 400],
      ['variables not JSON', sse(http.get('/graphql/stream').query({ query: 'subscription { events { type } }', variables: '{nope' })), 400],
      ['not asking for an event stream', http.post('/graphql/stream').set('authorization', auth).set('accept', 'application/json').send({ query: 'subscription { events { type } }' }), 406],
      ['another method', sse(http.put('/graphql/stream')).send({ query: 'subscription { events { type } }' }), 405],
    ];
    for (const [what, request, status] of cases) {
      const res = await request;
      assert.equal(res.status, status, `${what}: ${res.text.slice(0, 300)}`);
      assert.match(String(res.headers['content-type']), /^application\/json/, what);
      assert.equal(JSON.parse(res.text).errors[0].extensions.code, 'BAD_REQUEST', what);
    }
  });

  test('a subscription over plain HTTP is still refused, naming both transports', async () => {
    const res = await fake.gql('subscription { events { type } }');
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    assert.match(res.errors![0]!.message, /graphql-ws/);
    assert.match(res.errors![0]!.message, /\/graphql\/stream/);
  });
});

describe('server-sent events when the gateway stops', () => {
  test('an open stream is sent complete and ends, so the stop is not held up', async () => {
    const fake = await startFakeGateway();
    let stopped = false;
    try {
      const server = fake.gateway.gateway.httpServer;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const stream = await openStream(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { query: NETWORK_EVENTS, authorization: fake.gateway.adminAuthorization });
      assert.equal(stream.status, 200);
      const ending = eventsUntilEnd(stream);
      await within('the stop', fake.stop());
      stopped = true;
      assert.deepEqual((await within('the end of the stream', ending)).map((e) => e.event), ['complete']);
    } finally {
      if (!stopped) await fake.stop();
    }
  });
});
