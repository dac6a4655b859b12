// The network converters against Engine JSON recorded from a real Docker 20.10 swarm
// (test/unit/fixtures/network-*.json): what `docker network inspect` shows must come out
// as the GraphQL Network model, options parsed (MTU, VXLAN IDs, encrypted).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Network as EngineNetwork, Service as EngineService } from '../../../src/docker/engine-api/index.ts';
import { isStaleSwarmCopy, parseMtu, parseVxlanIds, publishesIngressPorts, servicesOnNetwork, toNetworkModel } from '../../../src/docker/model/network.ts';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;

const full = fixture<EngineNetwork>('network-inspect-full-options.json');
const ingress = fixture<EngineNetwork>('network-inspect-ingress.json');
const bridge = fixture<EngineNetwork>('network-inspect-bridge.json');
const attachableVerbose = fixture<EngineNetwork>('network-inspect-verbose-attachable.json');
const list = fixture<EngineNetwork[]>('network-list.json');
const services = fixture<EngineService[]>('network-services.json');

describe('toNetworkModel', () => {
  test('an overlay created with every option shows each of them', () => {
    const m = toNetworkModel(full, 'c1', true);
    assert.equal(m.cluster, 'c1');
    assert.equal(m.id, 'uh9u5di5m8apj7vv2ahdjv85t');
    assert.equal(m.name, 'full-ov');
    assert.equal(m.driver, 'overlay');
    assert.equal(m.scope, 'swarm');
    assert.deepEqual([m.attachable, m.internal, m.ipv6, m.encrypted, m.ingress], [true, true, true, true, false]);
    assert.equal(m.mtu, 1400);
    assert.deepEqual(m.vxlanIds, [4097, 4098, 4099]);
    assert.equal(m.ipamDriver, 'default');
    assert.deepEqual(m.ipam, [
      { subnet: 'fd00:50::/64', gateway: 'fd00:50::1', ipRange: null, auxAddresses: [] },
      { subnet: '10.50.0.0/24', gateway: '10.50.0.1', ipRange: '10.50.0.128/25', auxAddresses: [] },
      { subnet: '10.51.0.0/24', gateway: '10.51.0.254', ipRange: null, auxAddresses: [] },
    ]);
    assert.deepEqual(m.labels, [
      { key: 'env', value: 'prod' },
      { key: 'team', value: 'a' },
    ]);
    assert.deepEqual(
      m.options.map((o) => o.key),
      ['com.docker.network.driver.mtu', 'com.docker.network.driver.overlay.vxlanid_list', 'encrypted'],
    );
    assert.equal(m.createdAt, '2026-11-22T06:05:48.502349594Z');
    // An inspect with no local containers: known to be empty, not "not read".
    assert.deepEqual(m.containers, []);
    assert.deepEqual(m.peers, []);
  });

  test('ingress: the flag, its sandbox endpoint and the peers', () => {
    const m = toNetworkModel(ingress, 'c1', true);
    assert.equal(m.ingress, true);
    assert.equal(m.attachable, false);
    assert.equal(m.encrypted, false);
    assert.equal(m.mtu, null);
    assert.deepEqual(m.vxlanIds, [4096]);
    assert.deepEqual(
      m.containers.map((c) => [c.id, c.name, c.ipv4Address, c.ipv6Address]),
      [
        ['ingress-sbox', 'ingress-endpoint', '10.0.0.2/24', null],
        ['495d0c21106b3d67ec0a92ac1c65a58ef5f0d97314a94d5840cca5065ce71ed8', 'web.1.j9r6zmbyp852j8ojkbri9l6gq', '10.0.0.5/24', null],
      ],
    );
    assert.deepEqual(m.peers, [
      { name: '8f94dbf577b4', ip: '198.18.12.11' },
      { name: '9b6d413603d8', ip: '198.18.12.12' },
    ]);
  });

  test('a local bridge: local scope, MTU from its options, no VXLAN, no gateway when the engine gives none', () => {
    const m = toNetworkModel(bridge, 'c1', true);
    assert.equal(m.scope, 'local');
    assert.equal(m.mtu, 1500);
    assert.deepEqual(m.vxlanIds, []);
    assert.deepEqual(m.ipam, [{ subnet: '172.17.0.0/16', gateway: null, ipRange: null, auxAddresses: [] }]);
    assert.equal(m.containers[0]?.name, 'alpine1');
  });

  test('the load-balancer endpoint is listed among the containers of a verbose inspect', () => {
    const m = toNetworkModel(attachableVerbose, 'c1', true);
    assert.ok(m.containers.some((c) => c.id === 'lb-att-ov' && c.name === 'att-ov-endpoint'));
    assert.equal(m.peers?.length, 2);
  });

  test('list entries carry neither containers nor peers, and say so with peers = null', () => {
    const models = list.map((n) => toNetworkModel(n, 'c1', false));
    assert.deepEqual(models.map((m) => m.name).sort(), ['att-ov', 'bridge', 'docker_gwbridge', 'host', 'ingress', 'lonely', 'none']);
    for (const m of models) {
      assert.equal(m.peers, null);
      assert.deepEqual(m.containers, []);
    }
    assert.equal(models.find((m) => m.name === 'host')?.ipam.length, 0);
  });

  test('a zero creation time becomes null', () => {
    const m = toNetworkModel({ ...bridge, Created: '0001-01-01T00:00:00Z' }, 'c1', false);
    assert.equal(m.createdAt, null);
  });
});

describe('isStaleSwarmCopy', () => {
  test('after ingress was removed and a new one created, only the manager\'s leftover copy is stale', () => {
    const listed = fixture<EngineNetwork[]>('network-list-stale-ingress.json');
    const stale = listed.filter(isStaleSwarmCopy);
    assert.deepEqual(stale.map((n) => [n.Name, n.Id]), [['ingress', 'a439c54dv4mm5dcmm7ycohk5f']]);
    assert.deepEqual(listed.filter((n) => !isStaleSwarmCopy(n) && n.Ingress).map((n) => n.Name), ['my-ingress']);
  });

  test('a normal list has no stale entries; local networks never are', () => {
    assert.deepEqual(list.filter(isStaleSwarmCopy), []);
    assert.equal(isStaleSwarmCopy(bridge), false);
  });
});

describe('option parsing', () => {
  test('MTU: digits only, otherwise null', () => {
    assert.equal(parseMtu({ 'com.docker.network.driver.mtu': '1200' }), 1200);
    assert.equal(parseMtu({ 'com.docker.network.driver.mtu': ' 9000 ' }), 9000);
    assert.equal(parseMtu({ 'com.docker.network.driver.mtu': 'big' }), null);
    assert.equal(parseMtu({}), null);
    assert.equal(parseMtu(null), null);
  });

  test('VXLAN IDs: comma separated, junk dropped', () => {
    assert.deepEqual(parseVxlanIds({ 'com.docker.network.driver.overlay.vxlanid_list': '4097,4098, 4099' }), [4097, 4098, 4099]);
    assert.deepEqual(parseVxlanIds({ 'com.docker.network.driver.overlay.vxlanid_list': '' }), []);
    assert.deepEqual(parseVxlanIds({ 'com.docker.network.driver.overlay.vxlanid_list': '12,x' }), [12]);
    assert.deepEqual(parseVxlanIds(undefined), []);
  });
});

describe('servicesOnNetwork', () => {
  const attachable = { Id: 'lkae5dpr1lahstrp98qh3ibq6', Name: 'att-ov' };

  test('services of the spec, with the VIP (no prefix) and the aliases given at create', () => {
    assert.deepEqual(servicesOnNetwork(attachable, services, 'c1'), [
      { cluster: 'c1', serviceId: 'lfmyzetdz6pvi14tf1u8su7u0', virtualIp: null, aliases: [] },
      { cluster: 'c1', serviceId: '22up0f23wlwr8murk7wof75zg', virtualIp: '10.0.1.2', aliases: ['webalias'] },
    ]);
  });

  test('ingress lists the services the swarm gave a VIP there (published ports), though their spec does not name it', () => {
    assert.deepEqual(servicesOnNetwork({ Id: 'a439c54dv4mm5dcmm7ycohk5f', Name: 'ingress' }, services, 'c1'), [
      { cluster: 'c1', serviceId: '22up0f23wlwr8murk7wof75zg', virtualIp: '10.0.0.4', aliases: [] },
    ]);
  });

  test('a spec naming the network by name counts too; other networks get nothing', () => {
    const byName = structuredClone(services[1]!);
    byName.Spec.TaskTemplate!.Networks = [{ Target: 'other-net', Aliases: ['x'] }];
    delete byName.Endpoint;
    assert.deepEqual(servicesOnNetwork({ Id: 'zzz', Name: 'other-net' }, [byName], 'c1'), [
      { cluster: 'c1', serviceId: byName.ID, virtualIp: null, aliases: ['x'] },
    ]);
    assert.deepEqual(servicesOnNetwork({ Id: 'nothing', Name: 'nothing' }, services, 'c1'), []);
  });

  test('publishesIngressPorts: ingress mode (the default) only', () => {
    const [web, dns] = [services.find((s) => s.Spec.Name === 'web')!, services.find((s) => s.Spec.Name === 'dns')!];
    assert.equal(publishesIngressPorts(web), true);
    assert.equal(publishesIngressPorts(dns), false);
    const hostMode = structuredClone(web);
    for (const p of [...(hostMode.Endpoint?.Ports ?? []), ...(hostMode.Spec.EndpointSpec?.Ports ?? [])]) p.PublishMode = 'host';
    assert.equal(publishesIngressPorts(hostMode), false);
  });
});
