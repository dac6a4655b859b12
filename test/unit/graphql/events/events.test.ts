// The events subscription over graphql-ws against the fake engine: the filters the Engine is
// sent (JSON `filters`, `since`), events replayed from `since` and new ones as they happen,
// a change made through the gateway arriving as its event, and a label-scoped viewer's share.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

type EventData = { events: { type: string; action: string; actorId: string; actorName: string | null; scope: string } };

describe('events subscription', () => {
  let fake: FakeGateway;
  let url: string;
  const clients: Client[] = [];
  before(async () => {
    fake = await startFakeGateway();
    const server = fake.gateway.gateway.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await fake.stop();
  });

  const client = (authorization: string) => {
    const c = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization } });
    clients.push(c);
    return c;
  };

  /** The first event matching `until`, within 5 s. */
  async function first(events: AsyncIterableIterator<{ data?: EventData | null; errors?: readonly { extensions?: Record<string, unknown> }[] }>, until: (e: EventData['events']) => boolean) {
    const read = (async () => {
      for await (const result of events) {
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        if (result.data && until(result.data.events)) return result.data.events;
      }
      throw new Error('subscription ended without the event');
    })();
    try {
      return await Promise.race([read, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event within 5 s')), 5_000))]);
    } finally {
      await events.return?.();
    }
  }

  test('a network created through the gateway arrives as NETWORK create, with the Engine-side filter sent', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const events = client(fake.gateway.adminAuthorization).iterate<EventData>({
      query: 'subscription($since: DateTime) { events(since: $since, filter: { types: [NETWORK], actions: ["create"] }) { type action actorId actorName scope } }',
      variables: { since },
    });
    const arrived = first(events, (e) => e.actorName === 'ev-net');
    const created = await fake.mutate('networkCreate', { name: 'ev-net' }, 'network { id }');
    assert.deepEqual(created.userErrors, []);
    assert.deepEqual(await arrived, { type: 'NETWORK', action: 'create', actorId: created.payload!.network.id, actorName: 'ev-net', scope: 'SWARM' });
    const stream = fake.engine.requests.find((r) => r.path === '/events')!;
    const filters = JSON.parse(stream.query.filters!);
    assert.deepEqual([filters.type, filters.event], [['network'], ['create']]);
    assert.ok(stream.query.since, 'since sent');
  });

  test('events from before the subscription are replayed from since', async () => {
    const before = new Date(Date.now() - 500).toISOString();
    fake.engine.state.emit('network', 'destroy', 'a'.repeat(25), { name: 'gone-net', type: 'overlay' });
    const events = client(fake.gateway.adminAuthorization).iterate<EventData>({
      query: 'subscription($since: DateTime) { events(since: $since, filter: { types: [NETWORK] }) { action actorName } }',
      variables: { since: before },
    });
    const replayed = await first(events, (e) => e.actorName === 'gone-net');
    assert.equal(replayed.action, 'destroy');
  });

  test('a label-scoped viewer is no longer refused: it sees its team\'s network and not another team\'s', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const token = await fake.tokenFor('viewer:team=payments');
    const events = client(`Bearer ${token}`).iterate<EventData>({
      query: 'subscription($since: DateTime) { events(since: $since, filter: { types: [NETWORK], actions: ["create"] }) { type action actorId actorName scope } }',
      variables: { since },
    });
    // Search's network is created first: had it been let through, it would arrive first.
    const search = await fake.mutate('networkCreate', { name: 'ev-search-net', labels: [{ key: 'team', value: 'search' }] }, 'network { id }');
    const payments = await fake.mutate('networkCreate', { name: 'ev-pay-net', labels: [{ key: 'team', value: 'payments' }] }, 'network { id }');
    assert.deepEqual([search.userErrors, payments.userErrors], [[], []]);
    const arrived = await first(events, (e) => e.actorName?.startsWith('ev-') === true);
    assert.deepEqual(arrived, { type: 'NETWORK', action: 'create', actorId: payments.payload!.network.id, actorName: 'ev-pay-net', scope: 'SWARM' });
  });
});
