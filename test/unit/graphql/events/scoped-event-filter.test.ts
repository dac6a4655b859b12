// What a label-scoped subscriber (team=payments) is shown of a cluster's events: only events
// about its own services, networks and containers, with allow-listed attributes; decided from
// the subscription's memory, the watched state, or one inspect, failing closed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Scope } from '../../../../src/auth/access-decision.ts';
import type { EngineApi, EngineRequest } from '../../../../src/docker/endpoint.ts';
import type { EngineEvent, Network, Service } from '../../../../src/docker/engine-api/index.ts';
import { GatewayError } from '../../../../src/errors/gateway-error.ts';
import { EventObjectScopes } from '../../../../src/graphql/events/event-object-scopes.ts';
import { scopedEventFilter } from '../../../../src/graphql/events/scoped-event-filter.ts';
import { parseSelector } from '../../../../src/grants/label-selector.ts';

const PAYMENTS: Scope = { all: false, selectors: [parseSelector('team=payments')] };
const T0 = Date.parse('2026-12-03T05:00:00Z');

function service(id: string, name: string, labels: Record<string, string>, updatedAtMs = T0): Service {
  return { ID: id, UpdatedAt: new Date(updatedAtMs).toISOString(), Spec: { Name: name, Labels: labels } } as unknown as Service;
}
function network(id: string, name: string, labels: Record<string, string>): Network {
  return { Id: id, Name: name, Labels: labels } as unknown as Network;
}
function event(type: string, action: string, id: string, attributes: Record<string, string>, atMs = T0): EngineEvent {
  return { Type: type, Action: action, Actor: { ID: id, Attributes: attributes }, scope: type === 'container' ? 'local' : 'swarm', time: Math.floor(atMs / 1000), timeNano: atMs * 1_000_000 };
}

/** An engine answering inspects from `objects` (path -> JSON), NOT_FOUND otherwise; `fail` makes every call fail as an unreachable engine does. */
function engine(objects: Record<string, unknown>) {
  const requests: string[] = [];
  const state = { fail: false };
  const api: EngineApi = {
    async request<T>(req: EngineRequest): Promise<T> {
      requests.push(req.path);
      if (state.fail) throw new GatewayError('ENGINE_UNAVAILABLE', 'engine down');
      if (!(req.path in objects)) throw new GatewayError('NOT_FOUND', `no ${req.path}`);
      return objects[req.path] as T;
    },
  };
  return { api, requests, state };
}

function filterOf(api: EngineApi, watched: { services: Service[]; networks: Network[] } | null, seed: { services: Service[]; networks: Network[] }, readsNodes = false) {
  const failures: string[] = [];
  const objects = new EventObjectScopes(PAYMENTS, { api, watched: async () => watched, lookupFailed: (kind, id) => failures.push(`${kind} ${id}`) });
  objects.seed(seed.services, seed.networks);
  return { admit: scopedEventFilter({ scope: PAYMENTS, objects, readsNodes }), failures };
}

const attrs = (e: EngineEvent | null) => e?.Actor.Attributes;

describe('scoped event filter', () => {
  test('service events: its own pass with the allow-listed attributes; another team\'s, and a removal of an unknown service, do not', async () => {
    const pay = service('pay1', 'pay-api', { team: 'payments' });
    const srch = service('srch1', 'search-api', { team: 'search' });
    const { api, requests } = engine({ '/services/pay2': service('pay2', 'pay-new', { team: 'payments' }), '/services/srch2': service('srch2', 'search-new', { team: 'search' }) });
    const { admit } = filterOf(api, null, { services: [pay, srch], networks: [] });

    const update = await admit(event('service', 'update', 'pay1', { name: 'pay-api', 'replicas.old': '1', 'replicas.new': '2', 'future.attribute': 'x' }, T0 - 1000));
    assert.deepEqual(attrs(update), { name: 'pay-api', 'replicas.old': '1', 'replicas.new': '2' });
    assert.equal(await admit(event('service', 'update', 'srch1', { name: 'search-api' }, T0 - 1000)), null);
    assert.deepEqual(attrs(await admit(event('service', 'create', 'pay2', { name: 'pay-new' }))), { name: 'pay-new' });
    assert.equal(await admit(event('service', 'create', 'srch2', { name: 'search-new' })), null);
    // Removed services cannot be inspected: what was decided before answers.
    const before = requests.length;
    assert.deepEqual(attrs(await admit(event('service', 'remove', 'pay1', { name: 'pay-api' }))), { name: 'pay-api' });
    assert.equal(await admit(event('service', 'remove', 'srch1', { name: 'search-api' })), null);
    assert.equal(await admit(event('service', 'remove', 'unknown1', { name: 'who-knows' })), null);
    assert.equal(requests.length, before, 'no inspect for a removal');
  });

  test('an update is decided from a state at least as new as the event: a service relabelled to another team stops showing', async () => {
    const stale = service('pay1', 'pay-api', { team: 'payments' }, T0);
    const { api, requests } = engine({ '/services/pay1': service('pay1', 'pay-api', { team: 'search' }, T0 + 5000) });
    const { admit } = filterOf(api, { services: [stale], networks: [] }, { services: [stale], networks: [] });
    // The watched state has seen this update already (UpdatedAt >= event time): no inspect.
    assert.ok(await admit(event('service', 'update', 'pay1', { name: 'pay-api' }, T0)));
    assert.deepEqual(requests, []);
    // A newer update than the watched state knows: inspected, and now search's.
    assert.equal(await admit(event('service', 'update', 'pay1', { name: 'pay-api' }, T0 + 5000)), null);
    assert.deepEqual(requests, ['/services/pay1']);
    // Its removal follows the latest decision.
    assert.equal(await admit(event('service', 'remove', 'pay1', { name: 'pay-api' }, T0 + 6000)), null);
  });

  test('network events: the network\'s labels decide; a connect keeps its container only when that container is in scope', async () => {
    const payNet = network('pnet', 'pay-net', { team: 'payments' });
    const srchNet = network('snet', 'search-net', { team: 'search' });
    const pay = service('pay1', 'pay-api', { team: 'payments' });
    const srch = service('srch1', 'search-api', { team: 'search' });
    const { api } = engine({
      '/containers/cpay/json': { Id: 'cpay', Config: { Labels: { 'com.docker.swarm.service.id': 'pay1' } } },
      '/containers/csrch/json': { Id: 'csrch', Config: { Labels: { 'com.docker.swarm.service.id': 'srch1' } } },
    });
    const { admit } = filterOf(api, null, { services: [pay, srch], networks: [payNet, srchNet] });
    assert.deepEqual(attrs(await admit(event('network', 'connect', 'pnet', { name: 'pay-net', type: 'overlay', container: 'cpay' }))), { name: 'pay-net', type: 'overlay', container: 'cpay' });
    assert.deepEqual(attrs(await admit(event('network', 'connect', 'pnet', { name: 'pay-net', type: 'overlay', container: 'csrch' }))), { name: 'pay-net', type: 'overlay' });
    assert.deepEqual(attrs(await admit(event('network', 'connect', 'pnet', { name: 'pay-net', type: 'overlay', container: 'gone' }))), { name: 'pay-net', type: 'overlay' });
    assert.equal(await admit(event('network', 'connect', 'snet', { name: 'search-net', type: 'overlay', container: 'csrch' })), null);
    assert.ok(await admit(event('network', 'destroy', 'pnet', { name: 'pay-net', type: 'overlay' })));
    assert.equal(await admit(event('network', 'remove', 'snet', { name: 'search-net' })), null);
    // Networks without the team's label (ingress, bridge) are nobody's team's.
    assert.equal(await admit(event('network', 'connect', 'ingress1', { name: 'ingress', type: 'overlay', container: 'cpay' })), null);
  });

  test('container events: a task of a service in scope, or a container with the scope\'s labels, passes with the allow-list; user labels are dropped', async () => {
    const pay = service('pay1', 'pay-api', { team: 'payments' });
    const srch = service('srch1', 'search-api', { team: 'search' });
    const { api, requests } = engine({});
    const { admit } = filterOf(api, null, { services: [pay, srch], networks: [] });
    const task = {
      name: 'pay-api.1.abc',
      image: 'sg-busybox:latest',
      'com.docker.swarm.service.id': 'pay1',
      'com.docker.swarm.service.name': 'pay-api',
      'com.docker.swarm.task.id': 'abc',
      'com.docker.swarm.task.name': 'pay-api.1.abc',
      'com.docker.swarm.node.id': 'node1',
      'depends-on': 'search-db',
    };
    assert.deepEqual(attrs(await admit(event('container', 'start', 'cpay', task))), {
      name: 'pay-api.1.abc',
      image: 'sg-busybox:latest',
      'com.docker.swarm.service.id': 'pay1',
      'com.docker.swarm.service.name': 'pay-api',
      'com.docker.swarm.task.id': 'abc',
      'com.docker.swarm.task.name': 'pay-api.1.abc',
    });
    assert.equal(await admit(event('container', 'start', 'csrch', { name: 'search-api.1.x', 'com.docker.swarm.service.id': 'srch1' })), null);
    assert.deepEqual(attrs(await admit(event('container', 'start', 'cstd', { name: 'pay-tool', image: 'busybox', team: 'payments', owner: 'bob' }))), { name: 'pay-tool', image: 'busybox', team: 'payments' });
    assert.equal(await admit(event('container', 'start', 'cother', { name: 'search-tool', team: 'search' })), null);
    // The service's removal does not hide its containers' ends.
    await admit(event('service', 'remove', 'pay1', { name: 'pay-api' }));
    assert.deepEqual(attrs(await admit(event('container', 'die', 'cpay', { ...task, exitCode: '137' }))), {
      name: 'pay-api.1.abc',
      image: 'sg-busybox:latest',
      exitCode: '137',
      'com.docker.swarm.service.id': 'pay1',
      'com.docker.swarm.service.name': 'pay-api',
      'com.docker.swarm.task.id': 'abc',
      'com.docker.swarm.task.name': 'pay-api.1.abc',
    });
    // An Engine field is not a label: a selector on `name` would not be matched by the container's name.
    assert.equal(await admit(event('container', 'start', 'cname', { name: 'payments' })), null);
    assert.deepEqual(requests, [], 'container events carry their labels: no inspect');
  });

  test('node events show only to a subscriber who may read nodes', async () => {
    const { api } = engine({});
    const nodeEvent = event('node', 'update', 'node1', { name: 'manager-1', 'availability.new': 'drain' });
    assert.equal(await filterOf(api, null, { services: [], networks: [] }).admit(nodeEvent), null);
    assert.deepEqual(await filterOf(api, null, { services: [], networks: [] }, true).admit(nodeEvent), nodeEvent);
  });

  test('a lookup the engine fails drops the event (fail closed) and is asked again for the next one', async () => {
    const { api, state } = engine({ '/services/pay2': service('pay2', 'pay-new', { team: 'payments' }) });
    const { admit, failures } = filterOf(api, null, { services: [], networks: [] });
    state.fail = true;
    assert.equal(await admit(event('service', 'create', 'pay2', { name: 'pay-new' })), null);
    assert.deepEqual(failures, ['service pay2']);
    state.fail = false;
    assert.ok(await admit(event('service', 'update', 'pay2', { name: 'pay-new' })));
  });
});
