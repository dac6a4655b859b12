// The `events` subscription of a label-scoped reader against a real swarm (one manager, so
// every task's container is on the manager endpoint whose events are streamed). Services and
// overlay networks of team payments and team search are created, updated and removed with the
// Docker CLI (search's service also joins payments' network); a `viewer:team=payments`
// subscriber then has seen exactly the events an unscoped admin saw about payments' service,
// networks and task containers, and nothing naming any of search's objects, in any attribute.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { configFor, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'scoped-ev';
const IMAGE = 'sg-busybox:latest';
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
const SERVICE_ID_LABEL = 'com.docker.swarm.service.id';

type Event = { type: string; action: string; actorId: string; actorName: string | null; attributes: { key: string; value: string }[]; scope: string; time: string };
const QUERY = 'subscription($since: DateTime, $filter: EventFilter) { events(since: $since, filter: $filter) { type action actorId actorName attributes { key value } scope time } }';

/** Every event of one subscription, as it arrives. */
class Collected {
  readonly events: Event[] = [];
  failure: unknown;
  private readonly iterator: AsyncIterableIterator<{ data?: { events: Event } | null }>;

  constructor(client: Client, variables: Record<string, unknown>) {
    const iterator = client.iterate<{ events: Event }>({ query: QUERY, variables });
    this.iterator = iterator;
    void (async () => {
      try {
        for await (const result of iterator) if (result.data) this.events.push(result.data.events);
      } catch (err) {
        this.failure = err;
      }
    })();
  }

  until(what: string, found: (e: Event) => boolean): Promise<Event> {
    return waitFor(what, async () => {
      if (this.failure) throw new Error(JSON.stringify(this.failure));
      return this.events.find(found);
    }, 60_000, 200);
  }

  close() {
    return this.iterator.return?.();
  }
}

const attr = (e: Event, key: string) => e.attributes.find((a) => a.key === key)?.value;
const keyOf = (e: Event) => `${e.time}|${e.type}|${e.action}|${e.actorId}`;

describe('events of a label-scoped reader on a real swarm', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let admin: Client;
  let payments: Client;
  let adminAll: Collected;
  let paymentsAll: Collected;
  let paymentsFiltered: Collected;
  const ids: Record<string, string> = {};
  const docker = (...args: string[]) => dockerOk(manager, args);

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    gw = await startGateway(configFor([swarm]));
    await new Promise<void>((resolve) => gw.gateway.httpServer.listen(0, '127.0.0.1', resolve));
    const { port } = gw.gateway.httpServer.address() as AddressInfo;
    const url = `ws://127.0.0.1:${port}/graphql`;
    const reader = await tokenFor(['viewer:team=payments']);
    admin = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: gw.adminAuthorization } });
    payments = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${reader}` } });

    // `since` makes the Engine replay from just before the subscriptions, so nothing depends on when the streams are open.
    const since = new Date(Date.now() - 1000).toISOString();
    adminAll = new Collected(admin, { since });
    paymentsAll = new Collected(payments, { since });
    paymentsFiltered = new Collected(payments, { since, filter: { types: ['CONTAINER'], label: ['com.docker.swarm.service.name=pay-svc'] } });

    ids.payNet = (await docker('network', 'create', '-d', 'overlay', '--attachable', '--label', 'team=payments', 'pay-net')).trim();
    ids.srchNet = (await docker('network', 'create', '-d', 'overlay', '--attachable', '--label', 'team=search', 'srch-net')).trim();
    // pay-svc's containers carry a label naming search's service: a free-text label the allow-list drops.
    await docker('service', 'create', '-d', '--name', 'pay-svc', '--label', 'team=payments', '--container-label', 'depends-on=srch-svc', '--network', 'pay-net', IMAGE, ...IDLE);
    // search's service also joins payments' network: that connect is payments' network's event, but its container is search's.
    await docker('service', 'create', '-d', '--name', 'srch-svc', '--label', 'team=search', '--network', 'srch-net', '--network', 'pay-net', IMAGE, ...IDLE);
    ids.paySvc = (await docker('service', 'inspect', '--format', '{{.ID}}', 'pay-svc')).trim();
    ids.srchSvc = (await docker('service', 'inspect', '--format', '{{.ID}}', 'srch-svc')).trim();
    const running = (service: string) => async () => (await docker('ps', '-q', '--filter', `label=${SERVICE_ID_LABEL}=${service}`, '--filter', 'status=running')).trim() !== '';
    await waitFor('both services running', async () => (await running(ids.paySvc!)()) && (await running(ids.srchSvc!)()));
    await docker('service', 'update', '--detach=false', '--quiet', '--env-add', 'STEP=2', 'pay-svc');
    await docker('service', 'update', '--detach=false', '--quiet', '--env-add', 'STEP=2', 'srch-svc');
    await docker('service', 'rm', 'pay-svc', 'srch-svc');
    const gone = (service: string) => async () => (await docker('ps', '-aq', '--filter', `label=${SERVICE_ID_LABEL}=${service}`)).trim() === '';
    await waitFor('the services\' containers removed', async () => (await gone(ids.paySvc!)()) && (await gone(ids.srchSvc!)()));
    await waitFor('the networks free', async () => {
      await docker('network', 'rm', 'pay-net', 'srch-net');
      return true;
    });
    // Events arrive in order: once payments' last network shows, everything before it has been decided.
    ids.payEnd = (await docker('network', 'create', '-d', 'overlay', '--label', 'team=payments', 'pay-end')).trim();
    await adminAll.until('the admin sees pay-end', (e) => e.actorId === ids.payEnd);
    await paymentsAll.until('the payments reader sees pay-end', (e) => e.actorId === ids.payEnd);
  });

  after(async () => {
    await Promise.all([adminAll, paymentsAll, paymentsFiltered].map((c) => c?.close()));
    await Promise.all([admin, payments].map((c) => c?.dispose()));
    await gw?.stop();
    await swarmDown(SWARM);
  });

  /** Task containers of a service, as the admin's container events name them. */
  const containersOf = (serviceId: string) => new Set(adminAll.events.filter((e) => e.type === 'CONTAINER' && attr(e, SERVICE_ID_LABEL) === serviceId).map((e) => e.actorId));

  test('the admin sees both teams\' objects', () => {
    const actors = new Set(adminAll.events.map((e) => e.actorId));
    for (const id of [ids.paySvc, ids.srchSvc, ids.payNet, ids.srchNet]) assert.ok(actors.has(id!), `admin saw ${id}`);
    assert.ok(containersOf(ids.paySvc!).size >= 2, 'payments containers before and after the update');
    assert.ok(containersOf(ids.srchSvc!).size >= 2, 'search containers before and after the update');
  });

  test('the payments reader sees exactly the admin\'s events about payments\' objects', () => {
    const payContainers = containersOf(ids.paySvc!);
    const ours = new Set([ids.paySvc!, ids.payNet!, ids.payEnd!, ...payContainers]);
    const last = adminAll.events.findIndex((e) => e.actorId === ids.payEnd);
    const expected = adminAll.events.slice(0, last + 1).filter((e) => ours.has(e.actorId)).map(keyOf).sort();
    const seen = paymentsAll.events.slice(0, paymentsAll.events.findIndex((e) => e.actorId === ids.payEnd) + 1).map(keyOf).sort();
    assert.deepEqual(seen, expected);
    const actions = (id: string) => new Set(paymentsAll.events.filter((e) => e.actorId === id).map((e) => e.action));
    for (const action of ['create', 'update', 'remove']) assert.ok(actions(ids.paySvc!).has(action), `service ${action}`);
    assert.ok(actions(ids.payNet!).has('create') && actions(ids.payNet!).has('connect'), 'network create and connect');
    assert.ok([...payContainers].some((c) => actions(c).has('start') && actions(c).has('die')), 'a container start and die');
  });

  test('nothing the payments reader got names one of search\'s objects, and attributes are allow-listed', () => {
    const searchNames = [ids.srchSvc!, ids.srchNet!, ...containersOf(ids.srchSvc!), 'srch-svc', 'srch-net'];
    for (const event of paymentsAll.events) {
      const text = JSON.stringify(event);
      for (const name of searchNames) assert.ok(!text.includes(name), `${text} names ${name}`);
      assert.notEqual(event.type, 'NODE');
    }
    const allowed: Record<string, string[]> = {
      SERVICE: ['name', 'image.old', 'image.new', 'replicas.old', 'replicas.new', 'updatestate.old', 'updatestate.new'],
      NETWORK: ['name', 'type', 'container'],
      CONTAINER: ['name', 'image', 'exitCode', 'signal', SERVICE_ID_LABEL, 'com.docker.swarm.service.name', 'com.docker.swarm.task.id', 'com.docker.swarm.task.name', 'team'],
    };
    for (const event of paymentsAll.events) for (const { key } of event.attributes) assert.ok(allowed[event.type]!.includes(key), `${event.type} attribute ${key}`);
    // A payments container's connect keeps its container; search's container joining pay-net shows without it.
    const connects = paymentsAll.events.filter((e) => e.actorId === ids.payNet && e.action === 'connect');
    const payContainers = containersOf(ids.paySvc!);
    assert.ok(connects.some((e) => payContainers.has(attr(e, 'container') ?? '')), 'a payments container\'s connect names it');
    assert.ok(connects.some((e) => attr(e, 'container') === undefined), 'search\'s container\'s connect shows without it');
    // The admin's stream is unchanged: it has the label the allow-list drops.
    assert.ok(adminAll.events.some((e) => attr(e, 'depends-on') === 'srch-svc'));
  });

  test('Engine-side filters still apply to the payments reader', async () => {
    const payContainers = containersOf(ids.paySvc!);
    await paymentsFiltered.until('a pay-svc container destroy', (e) => e.action === 'destroy');
    assert.ok(paymentsFiltered.events.length > 0);
    for (const e of paymentsFiltered.events) {
      assert.equal(e.type, 'CONTAINER');
      assert.ok(payContainers.has(e.actorId), `${e.actorId} is a pay-svc container`);
    }
  });
});
