// The OTLP/HTTP exporter delivers: a gateway configured with `tracing.otlpEndpoint` (a tiny
// OTLP receiver on 127.0.0.1 here, standing in for a collector) sends the spans of a request
// to `<endpoint>/v1/traces`, with the configured headers and service name, by the time the
// gateway has stopped (its shutdown flushes the batch); at tracing.sampleRatio 0 it sends none.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../../../src/config/config.ts';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine/server.ts';
import { startGateway } from '../../support/gateway.ts';

const CALLER_TRACE = '5b8efff798038103d269b633813fc60c';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type OtlpJson = {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { traceId: string; name: string; parentSpanId?: string }[] }[];
  }[];
};

describe('OTLP/HTTP export', () => {
  let receiver: http.Server;
  let endpoint: string;
  const received: Received[] = [];
  let engine: FakeEngine;
  before(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: String(req.url), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    engine = await startFakeEngine();
  });
  after(async () => {
    await engine.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  test('the spans of a request reach the collector, with the configured service name and headers', async () => {
    const config = parseConfig({
      clusters: [{ name: 'fake', managers: [{ url: engine.url }] }],
      engine: { watch: { enabled: false } },
      logLevel: 'silent',
      tracing: { otlpEndpoint: `${endpoint}/`, serviceName: 'gateway-exported', headers: { 'x-collector-key': 'k-123' } },
    });
    const gw = await startGateway(config);
    let stopped = false;
    try {
      const res = await gw.http.post('/graphql').set('content-type', 'application/json')
        .set('traceparent', `00-${CALLER_TRACE}-aaaaaaaaaaaaaaaa-01`)
        .send({ query: '{ networks { nodes { id } } }' });
      assert.equal(res.status, 200, res.text);
      await gw.stop();
      stopped = true;
    } finally {
      if (!stopped) await gw.stop();
    }

    assert.ok(received.length >= 1, 'nothing was exported');
    const spans: { traceId: string; name: string; parentSpanId?: string }[] = [];
    for (const r of received) {
      assert.equal(r.path, '/v1/traces');
      assert.equal(r.headers['x-collector-key'], 'k-123');
      assert.match(String(r.headers['content-type']), /^application\/json/);
      const body = JSON.parse(r.body) as OtlpJson;
      for (const rs of body.resourceSpans) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
        assert.equal(service, 'gateway-exported');
        for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      }
    }
    const inTrace = spans.filter((s) => s.traceId === CALLER_TRACE);
    assert.ok(inTrace.some((s) => s.name === 'query' && s.parentSpanId === 'aaaaaaaaaaaaaaaa'), JSON.stringify(spans));
    assert.ok(inTrace.some((s) => s.name === 'docker GET /networks'), JSON.stringify(spans));
  });

  test('tracing.sampleRatio 0: nothing reaches the collector, the answer still names the trace (flags 00)', async () => {
    received.splice(0);
    const config = parseConfig({
      clusters: [{ name: 'fake', managers: [{ url: engine.url }] }],
      engine: { watch: { enabled: false } },
      logLevel: 'silent',
      tracing: { otlpEndpoint: endpoint, sampleRatio: 0 },
    });
    const gw = await startGateway(config);
    let stopped = false;
    try {
      const res = await gw.http.post('/graphql').set('content-type', 'application/json').send({ query: '{ networks { nodes { id } } }' });
      assert.equal(res.status, 200, res.text);
      assert.match(String(res.headers.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
      await gw.stop();
      stopped = true;
    } finally {
      if (!stopped) await gw.stop();
    }
    const spans = received.flatMap((r) => (JSON.parse(r.body) as OtlpJson).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)));
    assert.deepEqual(spans, []);
  });
});
