// The `events` subscription over graphql-ws, against a real swarm: a change made with the
// Docker CLI arrives as an event, and the Engine-side filter keeps other kinds out.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { configFor, startGateway, type TestGateway } from '../../support/gateway.ts';
import { dockerCli, swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ev';

describe('events subscription', () => {
  let swarm: SwarmState;
  let gw: TestGateway;
  let client: Client;

  before(async () => {
    swarm = await swarmUp(SWARM);
    gw = await startGateway(configFor([swarm]));
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = gw.gateway.httpServer.address() as AddressInfo;
    client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: gw.adminAuthorization } });
  });

  after(async () => {
    await client?.dispose();
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('a network created with the CLI arrives as a NETWORK create event; service events are filtered out', async () => {
    const manager = swarm.nodes[0]!;
    // `since` makes the Engine replay what happened after subscribing, so the test does not
    // depend on when the stream is open.
    const since = new Date(Date.now() - 1000).toISOString();
    const events = client.iterate<{ events: { type: string; action: string; actorId: string; actorName: string | null; scope: string } }>({
      query: 'subscription($since: DateTime) { events(since: $since, filter: { types: [NETWORK], actions: ["create"] }) { type action actorId actorName scope } }',
      variables: { since },
    });
    // Other networks may be created meanwhile (ingress is instantiated on the node when the
    // first task starts), so read until ours arrives.
    const seenTypes = new Set<string>();
    const ours = (async () => {
      for await (const result of events) {
        seenTypes.add(result.data!.events.type);
        if (result.data?.events.actorName === 'ev-net') return result.data.events;
      }
      throw new Error('subscription ended without the event');
    })();
    const svc = await dockerCli(manager, ['service', 'create', '--detach', '--no-resolve-image', '--name', 'ev-noise', 'sg-busybox:latest', 'sleep', '600']);
    assert.equal(svc.code, 0, svc.stderr);
    const net = await dockerCli(manager, ['network', 'create', '-d', 'overlay', 'ev-net']);
    assert.equal(net.code, 0, net.stderr);
    const networkId = net.stdout.trim();
    const event = await Promise.race([ours, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event within 20 s')), 20_000))]);
    assert.deepEqual(event, { type: 'NETWORK', action: 'create', actorId: networkId, actorName: 'ev-net', scope: 'SWARM' });
    // The service was created first; had the Engine-side filter not applied, its event would be here.
    assert.deepEqual([...seenTypes], ['NETWORK']);
    await events.return?.();
    await dockerCli(manager, ['service', 'rm', 'ev-noise']);
  });

  test('an unknown cluster ends the subscription with NOT_FOUND', async () => {
    const events = client.iterate({ query: 'subscription { events(cluster: "nope") { action } }' });
    await assert.rejects(events.next(), (errors: unknown) => {
      const list = errors as { message: string; extensions?: { code?: string } }[];
      return Array.isArray(list) && list[0]?.extensions?.code === 'NOT_FOUND';
    });
  });
});
