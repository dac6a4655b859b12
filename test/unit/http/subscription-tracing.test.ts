// Subscriptions traced, over a real graphql-ws connection (and server-sent events) to a real
// gateway in front of the fake engine, spans caught by an in-memory exporter: one SERVER span
// per operation from subscribe to its end, a child of the `traceparent` in the subscribe
// message's `extensions` (malformed: a new trace), named and labelled as a request's span
// plus how it ended; the Engine API calls that open it are its children, its deliveries make
// none; its log lines and audit records (a refusal, a credential re-check's end) carry its
// trace ID. Server-sent events (/graphql/stream) get the same span from the same place.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { CredentialVerifier } from '../../../src/auth/authenticate.ts';
import { AuthenticationError, type AuthFailure } from '../../../src/auth/authentication-error.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import { tracingWith, type GatewayTracing } from '../../../src/http/tracing/gateway-tracing.ts';
import { startFakeGateway, type FakeGateway } from '../../support/fake-gateway.ts';
import { keptLogLines } from '../../support/log-lines.ts';
import { waitFor } from '../../support/gateway.ts';
import { openStream } from '../../support/sse-client.ts';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const CALLER_TRACEPARENT = `00-${CALLER_TRACE}-${CALLER_SPAN}-01`;
const WATCH = 'subscription Watch { events(filter: { types: [NETWORK] }) { action actorName } }';

/** API tokens `sgw_<name>`: admins, or auditors for `sgw_auditor-...`; each can be refused later with a reason. */
function refusableTokens() {
  const refused = new Map<string, AuthFailure>();
  const verifier: CredentialVerifier = {
    async verify(credential, clientAddress) {
      const reason = refused.get(credential);
      if (reason) throw new AuthenticationError(reason, `the API token is no longer valid (${reason})`);
      const role = credential.startsWith('sgw_auditor-') ? 'auditor' : 'admin';
      return { id: `token:${credential}`, kind: 'token', grants: [parseGrant(role)], clientAddress };
    },
  };
  return { verifier, refuse: (token: string, reason: AuthFailure) => refused.set(token, reason) };
}

/** The span of WATCH in the caller's trace, as every transport describes it. */
function assertWatchSpan(span: ReadableSpan, transport: string, end: string): void {
  assert.equal(span.spanContext().traceId, CALLER_TRACE);
  assert.equal(span.parentSpanContext?.spanId, CALLER_SPAN);
  assert.equal(span.attributes['graphql.operation.type'], 'subscription');
  assert.equal(span.attributes['graphql.operation.name'], 'Watch');
  assert.equal(span.attributes['swarm_gateway.transport'], transport);
  assert.equal(span.attributes['swarm_gateway.result'], 'OK');
  assert.equal(span.attributes['swarm_gateway.subscription.end'], end);
}

type Result = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

describe('subscriptions traced', () => {
  const exporter = new InMemorySpanExporter();
  let lines: Record<string, unknown>[] = [];
  const tokens = refusableTokens();
  const clients: Client[] = [];
  let tracing: GatewayTracing;
  let fake: FakeGateway;
  let base: string;
  before(async () => {
    tracing = tracingWith('subscriptions-under-test', [new SimpleSpanProcessor(exporter)]);
    const kept = keptLogLines();
    lines = kept.lines;
    fake = await startFakeGateway({ tracing, logger: kept.logger, apiTokens: tokens.verifier, credentialRecheckMs: 100 });
    const server = fake.gateway.gateway.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await fake.stop();
    await tracing.shutdown();
  });
  beforeEach(() => {
    exporter.reset();
    lines.splice(0);
    fake.audit.clear();
  });

  const client = (token = 'sgw_admin-ws', onClosed?: (code: number) => void) => {
    const c = createClient({
      url: `ws://${base}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true,
      connectionParams: { authorization: `Bearer ${token}` },
      on: { closed: (event) => onClosed?.((event as { code: number }).code) },
    });
    clients.push(c);
    return c;
  };
  const serverSpans = () => exporter.getFinishedSpans().filter((s) => s.kind === 1 /* SERVER */);
  const childrenOf = (span: ReadableSpan) => exporter.getFinishedSpans().filter((s) => s.parentSpanContext?.spanId === span.spanContext().spanId);
  /** The one SERVER span named `name`, once it has ended. */
  async function endedSpan(name: string): Promise<ReadableSpan> {
    await waitFor(`span ${name}`, async () => serverSpans().some((s) => s.name === name), 5_000, 20);
    const spans = serverSpans().filter((s) => s.name === name);
    assert.equal(spans.length, 1, spans.map((s) => s.name).join(', '));
    return spans[0]!;
  }
  const watchStarted = () => waitFor('the engine event stream', async () => fake.engine.state.eventWatchers > 0, 5_000, 20);
  const watchesClosed = () => waitFor('no engine event stream', async () => fake.engine.state.eventWatchers === 0, 5_000, 20);

  test("a subscription with a traceparent in its extensions is one span in the caller's trace, until the client completes it", async () => {
    await watchesClosed();
    const events = client().iterate<Result>({ query: WATCH, operationName: 'Watch', extensions: { traceparent: CALLER_TRACEPARENT, tracestate: 'vendor=opaque' } });
    const first = events.next();
    await watchStarted();
    for (const name of ['traced-sub-a', 'traced-sub-b']) assert.deepEqual((await fake.mutate('networkCreate', { name })).userErrors, []);
    assert.deepEqual((await first).value, { data: { events: { action: 'create', actorName: 'traced-sub-a' } } });
    assert.deepEqual((await events.next()).value, { data: { events: { action: 'create', actorName: 'traced-sub-b' } } });
    await events.return?.();

    const span = await endedSpan('subscription Watch');
    assertWatchSpan(span, 'graphql-ws', 'completed_by_client');
    assert.match(String(span.attributes['swarm_gateway.request_id']), /^[0-9a-f-]{36}$/);
    assert.equal(span.status.code, 0 /* UNSET */);
    // The engine's event stream it opened is its child; the two deliveries made no span.
    const children = childrenOf(span);
    assert.deepEqual(children.map((s) => s.name), ['docker GET /events'], children.map((s) => s.name).join(', '));
    // No ID or name of an engine object in any span.
    for (const s of serverSpans()) assert.ok(!JSON.stringify([s.name, s.attributes]).includes('traced-sub-'), s.name);
  });

  test('without a traceparent, or with a malformed one, a subscription starts a new trace', async () => {
    for (const extensions of [undefined, { traceparent: 'not-a-traceparent' }, { traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN}-01` }, { traceparent: 42 }]) {
      exporter.reset();
      const result = await client().iterate<Result>({ query: 'query Who { whoami { id } }', ...(extensions ? { extensions } : {}) }).next();
      assert.ok(result.value?.data, JSON.stringify(result.value));
      const span = await endedSpan('query Who');
      assert.equal(span.parentSpanContext, undefined, JSON.stringify(extensions));
      assert.notEqual(span.spanContext().traceId, CALLER_TRACE);
      assert.equal(span.attributes['swarm_gateway.subscription.end'], 'completed_by_server');
    }
  });

  test("an operation's refusal is audited and logged with its trace ID; its span says how it ended", async () => {
    const result = await client('sgw_auditor-ws').iterate<Result>({ query: WATCH, extensions: { traceparent: CALLER_TRACEPARENT } }).next();
    assert.equal(result.value?.errors?.[0]?.extensions?.code, 'FORBIDDEN', JSON.stringify(result.value));
    const span = await endedSpan('subscription Watch');
    assert.equal(span.attributes['swarm_gateway.result'], 'FORBIDDEN');
    assert.equal(span.attributes['swarm_gateway.subscription.end'], 'error');
    assert.deepEqual(fake.audit.refusals.map((r) => [r.kind, r.operation, r.traceId]), [['denied', 'events', CALLER_TRACE]]);
    const line = lines.find((l) => l.code === 'FORBIDDEN');
    assert.ok(line, JSON.stringify(lines));
    assert.equal(line.traceId, CALLER_TRACE);
    assert.equal(line.requestId, span.attributes['swarm_gateway.request_id']);
    assert.equal(line.transport, 'graphql-ws');

    // Refused before it runs (a syntax error): a span all the same, named for the transport.
    exporter.reset();
    const broken = await client().iterate<Result>({ query: 'subscription {', extensions: { traceparent: CALLER_TRACEPARENT } }).next().catch((errors: unknown) => ({ value: { errors } as Result }));
    assert.equal(broken.value?.errors?.[0]?.extensions?.code, 'BAD_REQUEST', JSON.stringify(broken.value));
    const refused = await endedSpan('graphql-ws /graphql');
    assert.equal(refused.spanContext().traceId, CALLER_TRACE);
    assert.equal(refused.attributes['swarm_gateway.result'], 'BAD_REQUEST');
    assert.equal(refused.attributes['swarm_gateway.subscription.end'], 'error');
  });

  for (const [reason, ending] of [['revoked_token', 'credentials_revoked'], ['expired_token', 'credentials_expired']] as const) {
    test(`a credential refused while subscribed (${reason}) ends the span as ${ending}; the auth_failed record carries its trace`, async () => {
      const token = `sgw_refused-${reason}`;
      let closed: number | undefined;
      const events = client(token, (code) => (closed = code)).iterate<Result>({ query: WATCH, operationName: 'Watch', extensions: { traceparent: CALLER_TRACEPARENT } });
      const ended = events.next().catch((err: unknown) => err);
      await watchStarted();
      tokens.refuse(token, reason);
      await ended;
      await waitFor('the socket closed', async () => closed !== undefined, 5_000, 20);
      assert.equal(closed, 4403);
      const span = await endedSpan('subscription Watch');
      assert.equal(span.attributes['swarm_gateway.subscription.end'], ending);
      const failure = fake.audit.refusals.find((r) => r.kind === 'auth_failed');
      assert.ok(failure, JSON.stringify(fake.audit.refusals));
      assert.equal(failure.traceId, CALLER_TRACE);
      await watchesClosed();
    });
  }

  test('a connection closed under an open subscription ends its span as connection_closed', async () => {
    const c = client('sgw_admin-closing');
    const events = c.iterate<Result>({ query: WATCH, operationName: 'Watch' });
    const pending = events.next().catch(() => undefined);
    await watchStarted();
    await c.dispose();
    await pending;
    const span = await endedSpan('subscription Watch');
    assert.equal(span.attributes['swarm_gateway.subscription.end'], 'connection_closed');
    await watchesClosed();
  });

  test('over server-sent events: the same span, from the same place, with the HTTP attributes', async () => {
    await watchesClosed();
    const stream = await openStream(`http://${base}`, {
      query: WATCH, authorization: 'Bearer sgw_admin-sse', headers: { traceparent: CALLER_TRACEPARENT },
    });
    assert.equal(stream.status, 200);
    assert.match(String(stream.headers.get('traceparent')), new RegExp(`^00-${CALLER_TRACE}-[0-9a-f]{16}-01$`));
    await watchStarted();
    assert.deepEqual((await fake.mutate('networkCreate', { name: 'traced-sse-net' })).userErrors, []);
    assert.equal((await stream.next())?.data?.data?.events?.actorName, 'traced-sse-net');
    stream.close();

    const span = await endedSpan('subscription Watch');
    assertWatchSpan(span, 'graphql-sse', 'connection_closed');
    assert.equal(span.attributes['http.route'], '/graphql/stream');
    assert.equal(span.attributes['http.request.method'], 'POST');
    assert.deepEqual(childrenOf(span).map((s) => s.name), ['docker GET /events']);
    await watchesClosed();
  });
});
