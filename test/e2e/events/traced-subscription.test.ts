// A traced `events` subscription over graphql-ws against a real swarm, its spans exported over
// OTLP/HTTP to a tiny receiver on 127.0.0.1 (standing in for a collector): the subscription is
// one span in the caller's trace (the traceparent in the subscribe message's extensions), the
// engine's event stream it opened is its child, and a network created with the Docker CLI is
// delivered without a span of its own nor its ID or name in any span.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { parseConfig } from '../../../src/config/config.ts';
import { configFor, startGateway } from '../../support/gateway.ts';
import { dockerCli, swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ts';
const CALLER_TRACE = '6e0c63257de34c92bf9efcd03927272e';
const CALLER_SPAN = 'a3ce929d0e0e4736';

type OtlpSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes: { key: string; value: { stringValue?: string } }[] };
type OtlpJson = { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };

describe('traced events subscription', () => {
  let swarm: SwarmState;
  let receiver: http.Server;
  let endpoint: string;
  const bodies: string[] = [];

  before(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    swarm = await swarmUp(SWARM);
  });
  after(async () => {
    await swarmDown(SWARM);
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  test("the subscription is one span in the caller's trace, the engine's event stream its child, the event no span", async () => {
    const gw = await startGateway(parseConfig({ ...configFor([swarm]), tracing: { otlpEndpoint: endpoint, serviceName: 'gateway-e2e-traced' } }));
    let stopped = false;
    try {
      await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
      const { port } = gw.gateway.httpServer.address() as AddressInfo;
      const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: gw.adminAuthorization } });
      const since = new Date(Date.now() - 1000).toISOString();
      const events = client.iterate<{ events: { action: string; actorId: string; actorName: string | null } }>({
        query: 'subscription Watch($since: DateTime) { events(since: $since, filter: { types: [NETWORK], actions: ["create"] }) { action actorId actorName } }',
        operationName: 'Watch',
        variables: { since },
        extensions: { traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` },
      });
      const ours = (async () => {
        for await (const result of events) if (result.data?.events.actorName === 'ts-traced-net') return result.data.events;
        throw new Error('subscription ended without the event');
      })();
      const net = await dockerCli(swarm.nodes[0]!, ['network', 'create', '-d', 'overlay', 'ts-traced-net']);
      assert.equal(net.code, 0, net.stderr);
      const networkId = net.stdout.trim();
      const event = await Promise.race([ours, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event within 20 s')), 20_000))]);
      assert.deepEqual(event, { action: 'create', actorId: networkId, actorName: 'ts-traced-net' });
      await client.dispose();
      await gw.stop();
      stopped = true;

      const spans = bodies.flatMap((b) => (JSON.parse(b) as OtlpJson).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)));
      const attribute = (span: OtlpSpan, key: string) => span.attributes.find((a) => a.key === key)?.value.stringValue;
      const subscription = spans.filter((s) => s.name === 'subscription Watch');
      assert.equal(subscription.length, 1, JSON.stringify(spans.map((s) => s.name)));
      const span = subscription[0]!;
      assert.equal(span.traceId, CALLER_TRACE);
      assert.equal(span.parentSpanId, CALLER_SPAN);
      assert.equal(attribute(span, 'swarm_gateway.transport'), 'graphql-ws');
      assert.equal(attribute(span, 'swarm_gateway.result'), 'OK');
      assert.equal(attribute(span, 'swarm_gateway.subscription.end'), 'completed_by_client');
      const children = spans.filter((s) => s.parentSpanId === span.spanId).map((s) => s.name);
      assert.ok(children.includes('docker GET /events'), JSON.stringify(children));
      assert.ok(children.every((name) => name.startsWith('docker GET ')), `only the reads that opened it: ${JSON.stringify(children)}`);
      for (const s of spans) {
        const text = JSON.stringify([s.name, s.attributes]);
        assert.ok(!text.includes(networkId) && !text.includes('ts-traced-net'), `an ID or name reached span ${text}`);
      }
    } finally {
      if (!stopped) await gw.stop();
    }
  });
});
