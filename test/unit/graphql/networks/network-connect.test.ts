// networkConnect and networkDisconnect against fake engines: the body `docker network
// connect --alias --ip` sends, to the engine the container runs on (the manager endpoint or
// a named engine, whose own local networks win over the cluster's), every check before the
// engine is asked (references, aliases, attachable, static addresses, already connected),
// scope, access and the audit outcome.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { addContainer, swarmNetwork } from '../../../support/fake-engine/network-objects.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const pairs = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);
const SELECTION = 'container { id name engine networks { networkName networkId ipv4Address staticIpv4Address aliases } }';

describe('networkConnect and networkDisconnect', () => {
  let fake: FakeGateway;
  let overlay: Json;
  let closed: Json;
  before(async () => {
    fake = await startFakeGateway({ engines: [{ name: 'worker-1', cluster: 'fake' }] });
    const state = fake.engine.state;
    overlay = swarmNetwork(state, { Name: 'attachable-net', Driver: 'overlay', Attachable: true, IPAM: { Config: [{ Subnet: '10.50.0.0/24' }] } });
    closed = swarmNetwork(state, { Name: 'services-only', Driver: 'overlay', IPAM: { Config: [{ Subnet: '10.51.0.0/24' }] } });
    state.networks.set(overlay.Id, overlay);
    state.networks.set(closed.Id, closed);
    // The worker sees the swarm's attachable overlay once it is in the swarm.
    fake.engines['worker-1']!.state.networks.set(overlay.Id, overlay);
  });
  after(() => fake.stop());
  beforeEach(() => {
    for (const e of [fake.engine, fake.engines['worker-1']!]) {
      for (const c of [...e.state.containers.values()]) {
        for (const n of e.state.networks.values()) delete n.Containers?.[c.Id];
        e.state.containers.delete(c.Id);
      }
      e.clearRequests();
    }
    fake.audit.clear();
  });

  const connect = (input: Json, token?: string) => fake.mutate('networkConnect', input, SELECTION, token ? { token } : undefined);
  const disconnect = (input: Json, token?: string) => fake.mutate('networkDisconnect', input, SELECTION, token ? { token } : undefined);

  test('connects a manager\'s container with aliases and a static address, as the CLI sends it', async () => {
    const c = addContainer(fake.engine.state, { name: 'alpine1' });
    const { payload, userErrors } = await connect({ network: 'attachable-net', container: 'alpine1', aliases: ['db', 'db.local'], ipv4Address: '10.50.0.9' });
    assert.deepEqual(userErrors, []);
    const sent = fake.engine.writes();
    assert.deepEqual(
      sent.map((r) => [r.method, r.path, r.body]),
      [['POST', '/networks/attachable-net/connect', { Container: c.Id, EndpointConfig: { IPAMConfig: { IPv4Address: '10.50.0.9' }, Aliases: ['db', 'db.local'] } }]],
    );
    const attachment = payload!.container.networks.find((n: Json) => n.networkName === 'attachable-net');
    assert.deepEqual(attachment, { networkName: 'attachable-net', networkId: overlay.Id, ipv4Address: '10.50.0.9/24', staticIpv4Address: '10.50.0.9', aliases: ['db', 'db.local'] });
    assert.equal(payload!.container.engine, null);
    const outcome = fake.audit.outcomeOf('networkConnect')!;
    assert.equal(outcome.status, 'succeeded');
    assert.deepEqual(outcome.objectIds, [overlay.Id, c.Id]);
    assert.equal(fake.audit.intents.at(-1)!.target, 'attachable-net/alpine1');
  });

  test('a container on a named engine is connected through that engine, not the manager', async () => {
    const c = addContainer(fake.engines['worker-1']!.state, { name: 'on-worker' });
    const { payload, userErrors } = await connect({ engine: 'worker-1', network: overlay.Id, container: 'on-worker' });
    assert.deepEqual(userErrors, []);
    assert.deepEqual(fake.engine.writes(), []);
    assert.deepEqual(fake.engines['worker-1']!.writes().map((r) => [r.path, r.body]), [['/networks/attachable-net/connect', { Container: c.Id, EndpointConfig: {} }]]);
    assert.equal(payload!.container.engine, 'worker-1');
  });

  test('two networks of one name: connected by ID', async () => {
    const state = fake.engine.state;
    const twin = { ...overlay, Id: 'f'.repeat(25), IPAM: { Driver: 'default', Config: [{ Subnet: '10.52.0.0/24', Gateway: '10.52.0.1' }] }, Containers: undefined };
    state.networks.set(twin.Id, twin);
    try {
      addContainer(state, { name: 'alpine-twin' });
      const { userErrors } = await connect({ network: overlay.Id, container: 'alpine-twin' });
      assert.deepEqual(userErrors, []);
      assert.deepEqual(fake.engine.writes().map((r) => r.path), [`/networks/${overlay.Id}/connect`]);
    } finally {
      state.networks.delete(twin.Id);
    }
  });

  test('bad references and aliases: userErrors before anything is looked up', async () => {
    const { userErrors } = await connect({ network: '../etc', container: 'a b', aliases: ['ok', 'not ok'] });
    assert.deepEqual(pairs(userErrors), [
      ['INVALID_VALUE', ['input', 'network']],
      ['INVALID_VALUE', ['input', 'container']],
      ['INVALID_VALUE', ['input', 'aliases', '1']],
    ]);
    assert.deepEqual(fake.engine.requests, []);
    assert.equal(fake.audit.outcomeOf('networkConnect')?.status, 'failed');
  });

  test('a missing network and container: REFERENCE_NOT_FOUND for each, nothing sent', async () => {
    const { userErrors } = await connect({ network: 'no-such-net', container: 'no-such-container' });
    assert.deepEqual(pairs(userErrors), [
      ['REFERENCE_NOT_FOUND', ['input', 'network']],
      ['REFERENCE_NOT_FOUND', ['input', 'container']],
    ]);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('an engine that is not configured: REFERENCE_NOT_FOUND at input.engine', async () => {
    const { userErrors } = await connect({ engine: 'nowhere', network: 'attachable-net', container: 'x' });
    assert.deepEqual(pairs(userErrors), [['REFERENCE_NOT_FOUND', ['input', 'engine']]]);
  });

  test('a services-only overlay and ingress: NOT_ATTACHABLE, with the reason, nothing sent', async () => {
    addContainer(fake.engine.state, { name: 'alpine2' });
    const one = await connect({ network: 'services-only', container: 'alpine2' });
    assert.deepEqual(pairs(one.userErrors), [['NOT_ATTACHABLE', ['input', 'network']]]);
    assert.match(one.userErrors[0]!.message, /attachable: true/);
    const two = await connect({ network: 'ingress', container: 'alpine2' });
    assert.deepEqual(pairs(two.userErrors), [['NOT_ATTACHABLE', ['input', 'network']]]);
    assert.match(two.userErrors[0]!.message, /routing mesh/);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('static addresses: not an address, outside the subnet, no IPv6 subnet', async () => {
    addContainer(fake.engine.state, { name: 'alpine3' });
    const { userErrors } = await connect({ network: 'attachable-net', container: 'alpine3', ipv4Address: '10.60.0.5', ipv6Address: 'fd00::5' });
    assert.deepEqual(pairs(userErrors), [
      ['INVALID_VALUE', ['input', 'ipv4Address']],
      ['INVALID_VALUE', ['input', 'ipv6Address']],
    ]);
    const bad = await connect({ network: 'attachable-net', container: 'alpine3', ipv4Address: '10.50.0.5/24' });
    assert.deepEqual(pairs(bad.userErrors), [['INVALID_CIDR', ['input', 'ipv4Address']]]);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('already connected: INVALID_STATE at input.container, nothing sent', async () => {
    addContainer(fake.engine.state, { name: 'alpine4', networks: ['bridge', 'attachable-net'] });
    const { userErrors } = await connect({ network: 'attachable-net', container: 'alpine4' });
    assert.deepEqual(pairs(userErrors), [['INVALID_STATE', ['input', 'container']]]);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('a container outside a scoped operator\'s labels does not exist; one inside is connected', async () => {
    addContainer(fake.engine.state, { name: 'theirs', labels: { team: 'billing' } });
    addContainer(fake.engine.state, { name: 'ours', labels: { team: 'payments' } });
    overlay.Labels = { team: 'payments' };
    try {
      const token = await fake.tokenFor('operator:team=payments');
      const theirs = await connect({ network: 'attachable-net', container: 'theirs' }, token);
      assert.deepEqual(pairs(theirs.userErrors), [['REFERENCE_NOT_FOUND', ['input', 'container']]]);
      const ours = await connect({ network: 'attachable-net', container: 'ours' }, token);
      assert.deepEqual(ours.userErrors, []);
      assert.deepEqual(fake.engine.writes().map((r) => r.path), ['/networks/attachable-net/connect']);
    } finally {
      overlay.Labels = {};
    }
  });

  test('a viewer is refused: FORBIDDEN, nothing sent', async () => {
    addContainer(fake.engine.state, { name: 'alpine5' });
    const token = await fake.tokenFor('viewer');
    const { errorCodes } = await connect({ network: 'attachable-net', container: 'alpine5' }, token);
    assert.deepEqual(errorCodes, ['FORBIDDEN']);
    assert.deepEqual(fake.engine.writes(), []);
  });

  test('networkDisconnect sends the network ID, the container ID and force', async () => {
    const c = addContainer(fake.engine.state, { name: 'alpine6', networks: ['bridge', 'attachable-net'] });
    const { payload, userErrors } = await disconnect({ network: 'attachable-net', container: 'alpine6', force: true });
    assert.deepEqual(userErrors, []);
    assert.deepEqual(fake.engine.writes().map((r) => [r.path, r.body]), [[`/networks/${overlay.Id}/disconnect`, { Container: c.Id, Force: true }]]);
    assert.deepEqual(payload!.container.networks.map((n: Json) => n.networkName), ['bridge']);
    assert.deepEqual(fake.audit.outcomeOf('networkDisconnect')?.objectIds, [overlay.Id, c.Id]);
  });

  test('networkDisconnect on a named engine: its own "bridge", not the manager\'s', async () => {
    const worker = fake.engines['worker-1']!;
    const c = addContainer(worker.state, { name: 'worker-c' });
    const workerBridge = worker.state.findNetwork('bridge')!;
    assert.notEqual(workerBridge.Id, fake.engine.state.findNetwork('bridge')!.Id);
    const { userErrors } = await disconnect({ engine: 'worker-1', network: 'bridge', container: 'worker-c' });
    assert.deepEqual(userErrors, []);
    assert.deepEqual(worker.writes().map((r) => [r.path, r.body]), [[`/networks/${workerBridge.Id}/disconnect`, { Container: c.Id, Force: false }]]);
  });

  test('networkDisconnect of a container that is not connected: INVALID_STATE, nothing sent', async () => {
    addContainer(fake.engine.state, { name: 'alpine7' });
    const { userErrors } = await disconnect({ network: 'attachable-net', container: 'alpine7' });
    assert.deepEqual(pairs(userErrors), [['INVALID_STATE', ['input', 'container']]]);
    assert.deepEqual(fake.engine.writes(), []);
  });
});
