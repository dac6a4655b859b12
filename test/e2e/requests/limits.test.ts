// Limits against a real swarm, counted at the manager's socket through a proxy: a deep
// query, an alias flood, an over-large page (literal or variable) and a too-costly query
// are each refused with their code before any Engine call, and so is a batched request.
// Per-principal rate limiting: the 6th request of 5 allowed is a 429 RATE_LIMITED with
// Retry-After, while another principal is still served. In production, introspection is off.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { parseConfig } from '../../../src/config/config.ts';
import { countingProxy, type CountingProxy } from '../../support/counting-proxy.ts';
import { expectData, startGateway, type GqlResponse, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'limits';

/** `services > nodes > tasks > service > tasks ...`, `depth` levels in all. */
function deepQuery(depth: number): string {
  let inner = 'id';
  for (let level = depth - 1; level > 2; level--) inner = `${level % 2 === 1 ? 'tasks' : 'service'} { ${inner} }`;
  return `{ services { nodes { ${inner} } } }`;
}

const ALIAS_FLOOD = `{ ${Array.from({ length: 50 }, (_, i) => `s${i}: swarm { id }`).join(' ')} }`;
const WIDE_PAGE = (alias: string) =>
  `${alias}: services(first: 100) { totalCount nodes { name replicas runningTasks networks { network { name driver } virtualIp } tasks { id state node { hostname role } networkAttachments { network { name } addresses } } } }`;

describe('limits', () => {
  let swarm: SwarmState;
  let proxy: CountingProxy;
  let gw: TestGateway;
  let limited: TestGateway;
  let production: TestGateway;
  let wsClient: Client | undefined;

  // No watched state: its resyncs would land among the calls each refused request is checked to make none of.
  const config = (extra: Record<string, unknown> = {}) =>
    parseConfig({ clusters: [{ name: SWARM, managers: [{ url: proxy.host }] }], engine: { watch: { enabled: false } }, logLevel: 'silent', ...extra });

  /** Sends a request and returns its response with the Engine calls it made. */
  async function counted<T>(send: () => Promise<T>): Promise<{ res: T; calls: string[] }> {
    proxy.reset();
    const res = await send();
    return { res, calls: [...proxy.requests] };
  }

  function assertRefused(res: GqlResponse, code: string, message: RegExp) {
    assert.equal(res.status, 400, JSON.stringify(res.errors));
    assert.equal(res.errors?.length, 1, JSON.stringify(res.errors));
    assert.equal(res.errors[0]!.extensions?.code, code);
    assert.match(res.errors[0]!.message, message);
    assert.equal(res.data, undefined);
  }

  before(async () => {
    swarm = await swarmUp(SWARM);
    proxy = await countingProxy(swarm.nodes[0]!.socket);
    gw = await startGateway(config());
    limited = await startGateway(config({ limits: { rateLimitRequests: 5, rateLimitWindowSeconds: 60 } }));
    production = await startGateway(config({ production: true }));
  });

  after(async () => {
    await wsClient?.dispose();
    await gw?.stop();
    await limited?.stop();
    await production?.stop();
    await proxy?.close();
    await swarmDown(SWARM);
  });

  test('a query within the limits goes to the engine (the proxy sees it)', async () => {
    const { res, calls } = await counted(() => gw.gql('{ swarm { id } services(first: 100) { totalCount } }'));
    assert.ok(expectData(res).swarm.id);
    assert.ok(calls.length > 0, 'no Engine call counted: the proxy is not in the path');
  });

  test('a query 20 levels deep is QUERY_TOO_COMPLEX, with no Engine call', async () => {
    const { res, calls } = await counted(() => gw.gql(deepQuery(20)));
    assertRefused(res, 'QUERY_TOO_COMPLEX', /^query depth is 20, over the limit of 12 \(limits\.maxDepth\)$/);
    assert.deepEqual(calls, []);
  });

  test('50 aliases of swarm are QUERY_TOO_COMPLEX, with no Engine call', async () => {
    const { res, calls } = await counted(() => gw.gql(ALIAS_FLOOD));
    assertRefused(res, 'QUERY_TOO_COMPLEX', /^number of aliases is 50, over the limit of 30 \(limits\.maxAliases\)$/);
    assert.deepEqual(calls, []);
  });

  test('services(first: 1000) is BAD_REQUEST naming the field and the cap, with no Engine call', async () => {
    const { res, calls } = await counted(() => gw.gql('{ services(first: 1000) { totalCount } }'));
    assertRefused(res, 'BAD_REQUEST', /^first must be between 1 and 100 on Query\.services, got 1000$/);
    assert.deepEqual(calls, []);
  });

  test('services(first: $n) with n = 1000 is refused the same way, with no Engine call', async () => {
    const { res, calls } = await counted(() => gw.gql('query Page($n: Int) { services(first: $n) { totalCount } }', { n: 1000 }));
    assertRefused(res, 'BAD_REQUEST', /^first must be between 1 and 100 on Query\.services, got 1000$/);
    assert.deepEqual(calls, []);
  });

  test('a query over the cost limit is QUERY_TOO_COMPLEX, with no Engine call', async () => {
    // Each page alone is within the limits; three of them in one request are not.
    const { res, calls } = await counted(() => gw.gql(`{ ${WIDE_PAGE('a')} ${WIDE_PAGE('b')} ${WIDE_PAGE('c')} }`));
    assertRefused(res, 'QUERY_TOO_COMPLEX', /^estimated query cost is \d+, over the limit of 20000 \(limits\.maxCost\)$/);
    assert.deepEqual(calls, []);
    assert.equal(expectData(await gw.gql(`{ ${WIDE_PAGE('a')} }`)).a.totalCount, 0);
  });

  test('a batched request is refused with a 400, with no Engine call', async () => {
    const { res, calls } = await counted(() => gw.http.post('/graphql').send([{ query: '{ swarm { id } }' }, { query: '{ swarm { id } }' }]));
    assert.equal(res.status, 400);
    assert.deepEqual(calls, []);
  });

  test('the 6th request of a principal allowed 5 is 429 RATE_LIMITED with Retry-After; another principal is still served', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await limited.gql('{ swarm { id } }');
      assert.equal(res.status, 200, `request ${i}: ${JSON.stringify(res.errors)}`);
    }
    const { res: refused, calls } = await counted(() => limited.http.post('/graphql').send({ query: '{ swarm { id } }' }));
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${refused.headers['retry-after']}`);
    assert.equal(refused.body.errors[0].extensions.code, 'RATE_LIMITED');
    assert.equal(refused.body.errors[0].extensions.retryAfterSeconds, retryAfter);
    assert.match(refused.body.errors[0].message, /at most 5 per 60 s/);
    assert.deepEqual(calls, []);

    const other = await limited.gql('{ swarm { id } }', undefined, { token: await tokenFor(['viewer'], { subject: 'limits-other' }) });
    assert.equal(other.status, 200, JSON.stringify(other.errors));
    assert.ok(other.data.swarm.id);
  });

  test('over graphql-ws, a subscribe meets the same limits and draws on the same rate budget', async () => {
    await new Promise<void>((resolve) => limited.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = limited.gateway.httpServer.address() as AddressInfo;
    const token = await tokenFor(['admin'], { subject: 'limits-ws' });
    wsClient = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
    const firstError = async (query: string) => {
      const events = wsClient!.iterate({ query });
      try {
        await events.next();
      } catch (errors) {
        return (errors as { message: string; extensions?: Record<string, unknown> }[])[0];
      }
      throw new Error('the subscription was accepted');
    };
    // 1 of 5: refused for its aliases, before any Engine call.
    proxy.reset();
    const flood = await firstError(`subscription { ${Array.from({ length: 40 }, (_, i) => `e${i}: events { type }`).join(' ')} }`);
    assert.equal(flood?.extensions?.code, 'QUERY_TOO_COMPLEX');
    assert.match(flood?.message ?? '', /number of aliases is 40, over the limit of 30/);
    assert.deepEqual(proxy.requests, []);
    // 2-5 over HTTP, then the 6th, a valid subscribe, is over the budget.
    for (let i = 2; i <= 5; i++) assert.equal((await limited.gql('{ swarm { id } }', undefined, { token })).status, 200, `request ${i}`);
    const limitedError = await firstError('subscription { events { type } }');
    assert.equal(limitedError?.extensions?.code, 'RATE_LIMITED');
    assert.ok(Number(limitedError?.extensions?.retryAfterSeconds) >= 1);
  });

  test('in production, introspection is refused with a 400, with no Engine call', async () => {
    const { res, calls } = await counted(() => production.gql('{ __schema { queryType { name } } }'));
    assert.equal(res.status, 400);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
    assert.match(res.errors?.[0]?.message ?? '', /introspection/i);
    assert.deepEqual(calls, []);
    const typo = await production.gql('{ swarm { idd } }');
    assert.doesNotMatch(typo.errors?.[0]?.message ?? '', /Did you mean/, 'suggestions would reveal the schema');
    // Outside production it answers.
    assert.equal(expectData(await gw.gql('{ __schema { queryType { name } } }')).__schema.queryType.name, 'Query');
  });
});
