// The sampler (`tracing.sampleRatio`, `tracing.parentBased`), spans caught by an in-memory
// exporter: at ratio 0 a new trace exports no span, yet the answer still names its trace and
// span (`traceparent` with flags 00) and the audit record and log lines still carry the trace
// ID (the IDs propagate; only recording is sampled). Parent-based, a caller's sampled flag
// decides for its request whatever the ratio; not parent-based, the ratio decides alone.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import supertest from 'supertest';
import { tracingWith, type GatewayTracing } from '../../../src/http/tracing/gateway-tracing.ts';
import type { Sampling } from '../../../src/http/tracing/sampler.ts';
import { startFakeGateway, type FakeGateway } from '../../support/fake-gateway.ts';
import { keptLogLines } from '../../support/log-lines.ts';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])$/;

function sampledGateway(sampling: Sampling) {
  const exporter = new InMemorySpanExporter();
  const kept = keptLogLines();
  const lines = kept.lines;
  let tracing: GatewayTracing;
  let fake: FakeGateway;
  before(async () => {
    tracing = tracingWith('sampled-gateway', [new SimpleSpanProcessor(exporter)], sampling);
    fake = await startFakeGateway({ tracing, logger: kept.logger });
  });
  after(async () => {
    await fake.stop();
    await tracing.shutdown();
  });
  beforeEach(() => {
    exporter.reset();
    lines.splice(0);
    fake.audit.clear();
  });
  /** A mutation (it writes an audit intent) with the given headers; the answer's traceparent, parsed. */
  const create = async (name: string, headers: Record<string, string> = {}) => {
    let req = supertest(fake.gateway.gateway.app).post('/graphql').set('content-type', 'application/json').set('authorization', fake.gateway.adminAuthorization);
    for (const [header, value] of Object.entries(headers)) req = req.set(header, value);
    const res = await req.send({ query: `mutation Create { networkCreate(input: { name: "${name}" }) { userErrors { code } } }` });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.data.networkCreate.userErrors, []);
    const answered = TRACEPARENT.exec(String(res.headers.traceparent));
    assert.ok(answered, `traceparent header: ${res.headers.traceparent}`);
    return { traceId: answered[1]!, spanId: answered[2]!, flags: answered[3]!, requestId: String(res.headers['x-request-id']) };
  };
  return { exporter, lines, audit: () => fake.audit, create, failing: (headers: Record<string, string>) =>
    supertest(fake.gateway.gateway.app).post('/graphql').set('content-type', 'application/json').set('authorization', fake.gateway.adminAuthorization)
      .set(headers).send({ query: '{ network(id: "no-such-network") { id } }' }) };
}

describe('sampling: ratio 0, parent-based', () => {
  const gw = sampledGateway({ sampleRatio: 0, parentBased: true });

  test('a new trace exports no span; the answer still names it (flags 00), and so do the audit record and the log lines', async () => {
    const answered = await gw.create('unsampled-net');
    assert.equal(answered.flags, '00');
    assert.notEqual(answered.traceId, '0'.repeat(32));
    assert.deepEqual(gw.exporter.getFinishedSpans(), []);
    assert.deepEqual(gw.audit().intents.map((i) => i.traceId), [answered.traceId]);

    const res = await gw.failing({});
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'NOT_FOUND', res.text);
    const traceId = TRACEPARENT.exec(String(res.headers.traceparent))?.[1];
    const line = gw.lines.find((l) => l.code === 'NOT_FOUND');
    assert.ok(line && traceId, JSON.stringify(gw.lines));
    assert.equal(line.traceId, traceId);
    assert.deepEqual(gw.exporter.getFinishedSpans(), []);
  });

  test("a caller's sampled parent is honoured: the request and its children are exported in the caller's trace", async () => {
    const answered = await gw.create('parent-sampled-net', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    assert.equal(answered.traceId, CALLER_TRACE);
    assert.equal(answered.flags, '01');
    const spans = gw.exporter.getFinishedSpans();
    const request = spans.find((s) => s.name === 'mutation Create');
    assert.ok(request, spans.map((s) => s.name).join(', '));
    assert.equal(request.parentSpanContext?.spanId, CALLER_SPAN);
    assert.ok(spans.some((s) => s.name === 'docker POST /networks/create' && s.parentSpanContext?.spanId === request.spanContext().spanId));
    assert.deepEqual(gw.audit().intents.map((i) => i.traceId), [CALLER_TRACE]);
  });
});

describe('sampling: ratio 1, parent-based', () => {
  const gw = sampledGateway({ sampleRatio: 1, parentBased: true });

  test("a caller's unsampled parent is honoured: nothing exported, the caller's trace ID still answered and recorded", async () => {
    const answered = await gw.create('parent-unsampled-net', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-00` });
    assert.deepEqual([answered.traceId, answered.flags], [CALLER_TRACE, '00']);
    assert.notEqual(answered.spanId, CALLER_SPAN);
    assert.deepEqual(gw.exporter.getFinishedSpans(), []);
    assert.deepEqual(gw.audit().intents.map((i) => i.traceId), [CALLER_TRACE]);
  });

  test('without a parent every request is exported', async () => {
    const answered = await gw.create('sampled-net');
    assert.equal(answered.flags, '01');
    assert.ok(gw.exporter.getFinishedSpans().some((s) => s.name === 'mutation Create' && s.spanContext().traceId === answered.traceId));
  });
});

describe('sampling: ratio 0, not parent-based (OTEL_TRACES_SAMPLER=always_off)', () => {
  const gw = sampledGateway({ sampleRatio: 0, parentBased: false });

  test("the ratio decides alone: a caller's sampled parent is not exported, its trace ID still answered", async () => {
    const answered = await gw.create('ratio-decides-net', { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    assert.deepEqual([answered.traceId, answered.flags], [CALLER_TRACE, '00']);
    assert.deepEqual(gw.exporter.getFinishedSpans(), []);
    assert.deepEqual(gw.audit().intents.map((i) => i.traceId), [CALLER_TRACE]);
  });
});
