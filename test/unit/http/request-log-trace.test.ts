// The trace ID in every log line of a traced request, also the lines written before GraphQL
// runs (src/http: refused credentials, the error envelope, a rate-limit refusal): with tracing on each carries the
// request's `traceId` beside its `requestId`; with tracing off none carries a trace ID.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, beforeEach, describe, test } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import supertest from 'supertest';
import { tracingWith, type GatewayTracing } from '../../../src/http/tracing/gateway-tracing.ts';
import { startFakeGateway, type FakeGateway } from '../../support/fake-gateway.ts';

const CALLER_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${CALLER_TRACE}-00f067aa0ba902b7-01`;

/** A gateway whose log lines are kept, parsed. */
async function loggedGateway(tracing?: GatewayTracing): Promise<{ fake: FakeGateway; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  // A budget of 3 requests an hour, for the rate-limit refusal (the other tests use one request each).
  const limits = { rateLimitRequests: 3, rateLimitWindowSeconds: 3600 };
  const fake = await startFakeGateway({ ...(tracing ? { tracing } : {}), logger: pino({ level: 'info' }, sink), limits });
  return { fake, lines };
}

const refusedCredentials = (fake: FakeGateway) =>
  supertest(fake.gateway.gateway.app).post('/graphql').set('content-type', 'application/json').set('authorization', 'Bearer sgw_nosuchtoken_000000000000')
    .set('traceparent', TRACEPARENT).send({ query: '{ whoami { id } }' });
const unreadableBody = (fake: FakeGateway) =>
  supertest(fake.gateway.gateway.app).post('/graphql').set('content-type', 'application/json').set('authorization', fake.gateway.adminAuthorization)
    .set('traceparent', TRACEPARENT).send('{"query": ');

for (const traced of [true, false]) {
  describe(`request log lines written in src/http (tracing ${traced ? 'on' : 'off'})`, () => {
    let tracing: GatewayTracing | undefined;
    let fake: FakeGateway;
    let lines: Record<string, unknown>[];
    before(async () => {
      tracing = traced ? tracingWith('gateway-under-test', [new SimpleSpanProcessor(new InMemorySpanExporter())]) : undefined;
      ({ fake, lines } = await loggedGateway(tracing));
    });
    after(async () => {
      await fake.stop();
      await tracing?.shutdown();
    });
    beforeEach(() => lines.splice(0));

    const theLine = (code: string, requestId: unknown) => {
      const line = lines.find((l) => l.code === code && l.requestId === requestId);
      assert.ok(line, `no ${code} line of request ${String(requestId)}: ${JSON.stringify(lines)}`);
      return line;
    };

    test('refused credentials: the 401 is logged with the request ID and, traced, its trace ID', async () => {
      const res = await refusedCredentials(fake);
      assert.equal(res.status, 401, res.text);
      const line = theLine('UNAUTHENTICATED', res.headers['x-request-id']);
      assert.equal(line.reason, res.body.errors[0].extensions.reason);
      assert.equal(line.traceId, traced ? CALLER_TRACE : undefined);
    });

    test('the error envelope: an unreadable body is logged with the request ID and, traced, its trace ID', async () => {
      const res = await unreadableBody(fake);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.errors[0].extensions.code, 'BAD_REQUEST');
      const line = theLine('BAD_REQUEST', res.headers['x-request-id']);
      assert.equal(line.traceId, traced ? CALLER_TRACE : undefined);
    });

    test('a rate-limit refusal: the 429 is logged with the request ID and, traced, its trace ID', async () => {
      const ask = () => supertest(fake.gateway.gateway.app).post('/graphql').set('content-type', 'application/json')
        .set('authorization', fake.gateway.adminAuthorization).set('traceparent', TRACEPARENT).send({ query: '{ whoami { id } }' });
      let res = await ask();
      for (let i = 0; i < 5 && res.status !== 429; i++) res = await ask();
      assert.equal(res.status, 429, res.text);
      const line = theLine('RATE_LIMITED', res.headers['x-request-id']);
      assert.equal(line.traceId, traced ? CALLER_TRACE : undefined);
    });
  });
}
