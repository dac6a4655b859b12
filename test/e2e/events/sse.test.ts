// The `events` subscription over server-sent events (/graphql/stream) against a real swarm,
// read as a script reads it with Node's fetch (as `curl -N` would): a service created
// through the gateway arrives as its SERVICE create event, with the ID the engine itself
// reports for it; closing the stream ends the subscription (the gauge back where it was).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { configFor, startGateway, type TestGateway } from '../../support/gateway.ts';
import { openStream, openSubscriptionCount, type SseStream } from '../../support/sse-client.ts';
import { dockerCli, swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sse';
const NAME = 'sse-svc';

describe('events over server-sent events', () => {
  let swarm: SwarmState;
  let gw: TestGateway;
  let base: string;

  before(async () => {
    swarm = await swarmUp(SWARM);
    gw = await startGateway(configFor([swarm]));
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(gw.gateway.httpServer.address() as AddressInfo).port}`;
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  const openSubscriptions = () => openSubscriptionCount(gw.gateway.app);

  /** The `next` event for service `name`, failing on an error or the end of the stream. */
  async function serviceEvent(stream: SseStream, name: string) {
    for (let e = await stream.next(); e; e = await stream.next()) {
      assert.equal(e.event, 'next', JSON.stringify(e));
      assert.equal(e.data.errors, undefined, JSON.stringify(e.data.errors));
      if (e.data.data.events.actorName === name) return e.data.data.events;
    }
    throw new Error('the stream ended without the event');
  }

  test('a service created through the gateway arrives as a SERVICE create event over SSE', async () => {
    const before = await openSubscriptions();
    // `since` makes the Engine replay what happened after subscribing, whenever its stream opened.
    const since = new Date(Date.now() - 1000).toISOString();
    const stream = await openStream(base, {
      query: 'subscription($since: DateTime) { events(since: $since, filter: { types: [SERVICE], actions: ["create"] }) { type action actorId actorName scope } }',
      variables: { since },
      authorization: gw.adminAuthorization,
    });
    try {
      assert.equal(stream.status, 200, JSON.stringify(stream.body));
      assert.match(stream.headers.get('content-type')!, /^text\/event-stream/);
      assert.equal(await openSubscriptions(), before + 1);
      const arrived = serviceEvent(stream, NAME);
      const created = await gw.gql('mutation($input: ServiceCreateInput!) { serviceCreate(input: $input) { service { id } userErrors { field code message } } }', {
        input: { name: NAME, image: 'sg-busybox:latest', replicas: 0 },
      });
      assert.deepEqual(created.data.serviceCreate.userErrors, []);
      let timer: NodeJS.Timeout | undefined;
      const event = await Promise.race([arrived, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no event within 30 s')), 30_000)))]).finally(() => clearTimeout(timer));
      // The service as the engine itself reports it.
      const inspected = await dockerCli(swarm.nodes[0]!, ['service', 'inspect', '--format', '{{.ID}}', NAME]);
      assert.equal(inspected.code, 0, inspected.stderr);
      assert.deepEqual(event, { type: 'SERVICE', action: 'create', actorId: inspected.stdout.trim(), actorName: NAME, scope: 'SWARM' });
      assert.equal(created.data.serviceCreate.service.id, inspected.stdout.trim());
    } finally {
      stream.close();
    }
    for (let i = 0; i < 200 && (await openSubscriptions()) !== before; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await openSubscriptions(), before);
    await dockerCli(swarm.nodes[0]!, ['service', 'rm', NAME]);
  });
});
