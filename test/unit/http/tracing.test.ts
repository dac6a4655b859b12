// Tracing against the fake engine, spans caught by an in-memory exporter: a request that
// sends a W3C traceparent continues the caller's trace (its span's parent is the caller's),
// one without starts a new one; the answer names our span in its own traceparent; Engine API
// calls are spans under the request's span with templated routes only; audit appends are
// spans too, and the audit record and the request's log lines carry the trace ID.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, test } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import supertest from 'supertest';
import { tracingWith, type GatewayTracing } from '../../../src/http/tracing/gateway-tracing.ts';
import { EngineError } from '../../support/fake-engine/errors.ts';
import { startFakeGateway, type FakeGateway } from '../../support/fake-gateway.ts';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('tracing', () => {
  const exporter = new InMemorySpanExporter();
  const logLines: Record<string, unknown>[] = [];
  let tracing: GatewayTracing;
  let fake: FakeGateway;
  before(async () => {
    tracing = tracingWith('gateway-under-test', [new SimpleSpanProcessor(exporter)]);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    fake = await startFakeGateway({ tracing, logger: pino({ level: 'info' }, sink) });
  });
  after(async () => {
    await fake.stop();
    await tracing.shutdown();
  });
  beforeEach(() => {
    exporter.reset();
    logLines.splice(0);
    fake.audit.clear();
  });

  const post = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    let req = supertest(fake.gateway.gateway.app).post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', fake.gateway.adminAuthorization);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return req.send({ query, variables });
  };
  const requestSpans = () => exporter.getFinishedSpans().filter((s) => s.kind === 1 /* SERVER */);
  const childrenOf = (span: ReadableSpan) => exporter.getFinishedSpans().filter((s) => s.parentSpanContext?.spanId === span.spanContext().spanId);

  test('a request with a traceparent continues the caller\'s trace; its engine calls and audit appends are its children', async () => {
    const res = await post(
      'mutation Create($input: NetworkCreateInput!) { networkCreate(input: $input) { network { id } userErrors { code } } }',
      { input: { name: 'traced-net' } },
      { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01`, tracestate: 'vendor=opaque' },
    );
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data.networkCreate.userErrors, []);
    const networkId = res.body.data.networkCreate.network.id as string;

    // The answer's traceparent: the caller's trace, our span (not the caller's).
    const answered = TRACEPARENT.exec(String(res.headers.traceparent));
    assert.ok(answered, `traceparent header: ${res.headers.traceparent}`);
    assert.equal(answered[1], CALLER_TRACE);
    assert.notEqual(answered[2], CALLER_SPAN);
    assert.equal(res.headers.tracestate, 'vendor=opaque');

    const [request, ...others] = requestSpans();
    assert.equal(others.length, 0);
    assert.ok(request);
    assert.equal(request.spanContext().traceId, CALLER_TRACE);
    assert.equal(request.spanContext().spanId, answered[2]);
    assert.equal(request.parentSpanContext?.spanId, CALLER_SPAN);
    assert.equal(request.name, 'mutation Create');
    assert.equal(request.attributes['graphql.operation.type'], 'mutation');
    assert.equal(request.attributes['graphql.operation.name'], 'Create');
    assert.equal(request.attributes['swarm_gateway.result'], 'OK');
    assert.equal(request.attributes['http.response.status_code'], 200);
    assert.equal(request.resource.attributes['service.name'], 'gateway-under-test');

    const children = childrenOf(request);
    const engineCalls = children.filter((s) => s.name.startsWith('docker '));
    const create = engineCalls.find((s) => s.attributes['url.template'] === '/networks/create');
    assert.ok(create, `engine spans: ${engineCalls.map((s) => s.name).join(', ')}`);
    assert.equal(create.name, 'docker POST /networks/create');
    assert.equal(create.attributes['http.request.method'], 'POST');
    assert.equal(create.attributes['swarm_gateway.engine.outcome'], 'ok');
    assert.equal(create.spanContext().traceId, CALLER_TRACE);
    // No ID or name of an object in any span of the trace.
    for (const span of exporter.getFinishedSpans()) {
      const text = JSON.stringify([span.name, span.attributes]);
      assert.ok(!text.includes(networkId) && !text.includes('traced-net'), `an ID or name reached span ${text}`);
    }
    const appends = children.filter((s) => s.name.startsWith('audit append')).map((s) => s.attributes['swarm_gateway.audit.kind']);
    assert.deepEqual(appends.sort(), ['intent', 'outcome']);

    // The audit intent carries the trace ID.
    assert.equal(fake.audit.intents.length, 1);
    assert.equal(fake.audit.intents[0]!.traceId, CALLER_TRACE);
  });

  test('a request without a traceparent (or with a malformed one) starts a new trace and says which', async () => {
    for (const headers of [{} as Record<string, string>, { traceparent: 'not-a-traceparent' }, { traceparent: `00-${'0'.repeat(32)}-${CALLER_SPAN}-01` }]) {
      exporter.reset();
      const res = await post('{ networks { nodes { id } } }', {}, headers);
      assert.equal(res.status, 200, res.text);
      const answered = TRACEPARENT.exec(String(res.headers.traceparent));
      assert.ok(answered, `traceparent header: ${res.headers.traceparent}`);
      const [request] = requestSpans();
      assert.ok(request);
      assert.equal(request.parentSpanContext, undefined, JSON.stringify(headers));
      assert.equal(request.spanContext().traceId, answered[1]);
      assert.notEqual(answered[1], CALLER_TRACE);
      assert.equal(request.attributes['graphql.operation.type'], 'query');
      assert.ok(childrenOf(request).some((s) => s.attributes['url.template'] === '/networks'), 'the network list is a child span');
    }
  });

  test('the request\'s log lines carry its trace ID', async () => {
    const res = await post('{ network(id: "no-such-network") { id } }', {}, { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'NOT_FOUND', res.text);
    const line = logLines.find((l) => l.code === 'NOT_FOUND');
    assert.ok(line, JSON.stringify(logLines));
    assert.equal(line.traceId, CALLER_TRACE);
    assert.equal(line.requestId, res.headers['x-request-id']);
    const [request] = requestSpans();
    assert.equal(request?.attributes['swarm_gateway.result'], 'NOT_FOUND');
  });

  test('an engine refusal is an engine span with its status, and a request refused before GraphQL still has a span', async () => {
    const refused = await supertest(fake.gateway.gateway.app).post('/graphql').set('content-type', 'application/json').send({ query: '{ whoami { id } }' });
    assert.equal(refused.status, 401);
    assert.match(String(refused.headers.traceparent), TRACEPARENT);
    const [request] = requestSpans();
    assert.equal(request?.attributes['swarm_gateway.result'], 'UNAUTHENTICATED');
    assert.deepEqual(fake.audit.refusals.map((r) => r.traceId), [request?.spanContext().traceId]);

    exporter.reset();
    const restore = fake.engine.override('POST', '/networks/create', () => {
      throw new EngineError(409, 'network with name raced-net already exists');
    });
    try {
      const raced = await fake.mutate('networkCreate', { name: 'raced-net' }, 'network { id }');
      assert.deepEqual(raced.userErrors.map((e) => e.code), ['NAME_CONFLICT']);
    } finally {
      restore();
    }
    const create = exporter.getFinishedSpans().find((s) => s.attributes['url.template'] === '/networks/create');
    assert.equal(create?.attributes['swarm_gateway.engine.outcome'], '409');
    assert.equal(create?.attributes['http.response.status_code'], 409);
    assert.equal(create?.status.code, 2 /* ERROR */);
  });
});

describe('tracing off (the default)', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(async () => {
    await fake.stop();
  });

  test('no traceparent is answered and no trace ID reaches the audit log', async () => {
    const res = await supertest(fake.gateway.gateway.app).post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', fake.gateway.adminAuthorization)
      .set('traceparent', `00-${CALLER_TRACE}-${CALLER_SPAN}-01`)
      .send({ query: 'mutation { networkCreate(input: { name: "untraced-net" }) { userErrors { code } } }' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.traceparent, undefined);
    assert.equal(fake.audit.intents.at(-1)?.traceId, undefined);
  });
});
