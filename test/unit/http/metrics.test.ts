// GET /metrics against the fake engine: what an operator's Prometheus scrapes. Requests are
// counted by operation type and result code (those refused before GraphQL ran too), Engine
// calls by method, templated route and status, audit appends by kind, open subscriptions as
// a gauge; no ID or name reaches a label; with a metrics token the route wants it.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'graphql-ws';
import supertest from 'supertest';
import WebSocket from 'ws';
import { parseConfig } from '../../../src/config/config.ts';
import { routeOf } from '../../../src/docker/engine-calls.ts';
import { EngineError } from '../../support/fake-engine/errors.ts';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine/server.ts';
import { serviceSpec } from '../../support/fake-engine/state.ts';
import { startFakeGateway, type FakeGateway } from '../../support/fake-gateway.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';

/** The value of one sample line, e.g. sample(text, 'x_total{a="b"}'); undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway();
  });
  after(async () => {
    await fake.stop();
  });
  const scrape = async () => {
    const res = await supertest(fake.gateway.gateway.app).get('/metrics');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  test('counts requests by operation type and result, whoever answered them', async () => {
    const before = await scrape();
    const count = (text: string, type: string, result: string) => sample(text, `swarm_gateway_graphql_requests_total{operation_type="${type}",result="${result}"}`) ?? 0;
    assert.equal((await fake.gql('{ networks { nodes { id } } }')).status, 200);
    const created = await fake.mutate('networkCreate', { name: 'metrics-net' }, 'network { id name }');
    assert.deepEqual(created.userErrors, []);
    assert.equal((await fake.gql('{ whoami { id } }', {}, { token: null })).status, 401);
    assert.equal((await fake.gql('{ noSuchField }')).status, 400);
    const after = await scrape();
    assert.equal(count(after, 'query', 'OK') - count(before, 'query', 'OK'), 1);
    assert.equal(count(after, 'mutation', 'OK') - count(before, 'mutation', 'OK'), 1);
    assert.equal(count(after, 'unknown', 'UNAUTHENTICATED') - count(before, 'unknown', 'UNAUTHENTICATED'), 1, after);
    assert.equal(count(after, 'unknown', 'BAD_REQUEST') - count(before, 'unknown', 'BAD_REQUEST'), 1, after);
    assert.ok((sample(after, 'swarm_gateway_graphql_request_duration_seconds_count{operation_type="mutation"}') ?? 0) >= 1);

    // Engine calls by method, route and status; the network's ID and name are in no label.
    const networkId = created.payload!.network.id as string;
    assert.ok((sample(after, 'swarm_gateway_engine_requests_total{method="POST",route="/networks/create",status="ok"}') ?? 0) >= 1, after);
    assert.ok((sample(after, 'swarm_gateway_engine_request_duration_seconds_count{method="POST",route="/networks/create"}') ?? 0) >= 1);
    assert.ok(!after.includes(networkId) && !after.includes('metrics-net'), 'an ID or name reached /metrics');

    // The mutation's intent and outcome were appended (and timed).
    assert.ok((sample(after, 'swarm_gateway_audit_append_duration_seconds_count{kind="intent",result="ok"}') ?? 0) >= 1);
    assert.ok((sample(after, 'swarm_gateway_audit_append_duration_seconds_count{kind="outcome",result="ok"}') ?? 0) >= 1);
    assert.equal(sample(after, 'swarm_gateway_audit_spool_depth'), 0);
    // The process's own figures come along.
    assert.ok((sample(after, 'swarm_gateway_process_resident_memory_bytes') ?? 0) > 0);
  });

  test('an engine refusal is counted with its status', async () => {
    const restore = fake.engine.override('POST', '/networks/create', () => {
      throw new EngineError(409, 'network with name raced-net already exists');
    });
    try {
      const raced = await fake.mutate('networkCreate', { name: 'raced-net' }, 'network { id }');
      assert.deepEqual(raced.userErrors.map((e) => e.code), ['NAME_CONFLICT']);
    } finally {
      restore();
    }
    const text = await scrape();
    assert.equal(sample(text, 'swarm_gateway_engine_requests_total{method="POST",route="/networks/create",status="409"}'), 1, text);
    assert.ok(!text.includes('raced-net'));
  });

  test('open subscriptions are a gauge: up while one runs, down when it completes', async () => {
    const server = fake.gateway.gateway.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: fake.gateway.adminAuthorization } });
    try {
      const events = client.iterate({ query: 'subscription { events { type action } }' });
      const next = events.next();
      const open = async () => sample(await scrape(), 'swarm_gateway_subscriptions_open');
      for (let i = 0; i < 50 && (await open()) !== 1; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await open(), 1);
      await events.return?.();
      void next.catch(() => undefined);
      for (let i = 0; i < 50 && (await open()) !== 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await open(), 0);
    } finally {
      await client.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('GET /metrics: rollout conclusions', () => {
  let fake: FakeGateway;
  before(async () => {
    fake = await startFakeGateway({ trackRollouts: true });
  });
  after(async () => {
    await fake.stop();
  });

  test('a rollout the gateway tracked to SUCCEEDED is counted once, by conclusion', async () => {
    const service = fake.engine.state.addService(
      serviceSpec('metrics-roll', { UpdateConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 1_000_000, MaxFailureRatio: 0, Order: 'stop-first' } }),
    );
    const answer = await fake.mutate('serviceUpdate', { id: service.ID, image: 'sg-busybox:v2', wait: 30 }, 'rollout { conclusion }');
    assert.deepEqual(answer.userErrors, []);
    assert.equal(answer.payload!.rollout.conclusion, 'SUCCEEDED');
    const text = (await supertest(fake.gateway.gateway.app).get('/metrics')).text;
    assert.equal(sample(text, 'swarm_gateway_rollouts_concluded_total{conclusion="SUCCEEDED"}'), 1, text);
    assert.ok(!text.includes(service.ID) && !text.includes('metrics-roll'));
  });
});

describe('GET /metrics with a metrics token', () => {
  let engine: FakeEngine;
  let gw: TestGateway;
  const TOKEN = 'scrape-me-0123456789abcdef';
  before(async () => {
    engine = await startFakeEngine();
    gw = await startGateway(parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engine.url }] }], logLevel: 'silent', metrics: { token: TOKEN } }));
  });
  after(async () => {
    await gw.stop();
    await engine.close();
  });

  test('without it, or with another: 401 in the error envelope; with it: the metrics', async () => {
    const none = await supertest(gw.gateway.app).get('/metrics');
    assert.equal(none.status, 401);
    assert.equal(JSON.parse(none.text).errors[0].extensions.code, 'UNAUTHENTICATED');
    assert.equal((await supertest(gw.gateway.app).get('/metrics').set('authorization', 'Bearer wrong-token-0123456789')).status, 401);
    // The gateway's own admin credential is not the metrics token either.
    assert.equal((await supertest(gw.gateway.app).get('/metrics').set('authorization', gw.adminAuthorization)).status, 401);
    const ok = await supertest(gw.gateway.app).get('/metrics').set('authorization', `Bearer ${TOKEN}`);
    assert.equal(ok.status, 200);
    assert.match(ok.text, /^# HELP /m);
  });

  test('metrics.enabled false: no route', async () => {
    const off = await startGateway(parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engine.url }] }], logLevel: 'silent', metrics: { enabled: false } }));
    try {
      assert.equal((await supertest(off.gateway.app).get('/metrics')).status, 404);
    } finally {
      await off.stop();
    }
  });

  test('a short token is a configuration error', () => {
    assert.throws(() => parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engine.url }] }], metrics: { token: 'short' } }), /metrics\.token.*at least 16/s);
  });
});

describe('routeOf', () => {
  test('keeps the Engine API\'s words and replaces everything else, so no ID or name is a label', () => {
    assert.equal(routeOf('/services/abc123/update'), '/services/{id}/update');
    assert.equal(routeOf('/v1.41/networks/my-net'), '/networks/{id}');
    assert.equal(routeOf('/containers/payments_web.1.xyz/logs?follow=1'), '/containers/{id}/logs');
    assert.equal(routeOf('/tasks'), '/tasks');
    assert.equal(routeOf('/secrets/create'), '/secrets/create');
    assert.equal(routeOf('/services/update/update'), '/services/update/update', 'a service named like a word stays a word: still a closed set');
  });
});
