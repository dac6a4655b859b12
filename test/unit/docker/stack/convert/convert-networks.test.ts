// The stack's networks and the services' attachments, against what docker/cli's
// convert.Networks, convertServiceNetworks and stack createNetworks produce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertStack } from '../../../../../src/docker/stack/convert/index.ts';
import { InvalidOptionsError } from '../../../../../src/errors/gateway-error.ts';
import { composeFile, network, NS, service } from './compose-builders.ts';

const overlay = (name: string, over: Record<string, unknown> = {}) => ({
  Name: name,
  CheckDuplicate: true,
  Driver: 'overlay',
  Scope: '',
  EnableIPv6: false,
  // createNetworks sends no IPAM and null options when the file gives none.
  IPAM: null,
  Internal: false,
  Attachable: false,
  Ingress: false,
  ConfigOnly: false,
  ConfigFrom: null,
  Options: null,
  Labels: { ...NS },
  ...over,
});

test('a service without networks is on <stack>_default, an overlay the stack creates (getServicesDeclaredNetworks, createNetworks)', () => {
  const { resources } = convertStack('s1', composeFile({ services: { web: service() } }));
  assert.deepEqual(resources.networks, [{ key: 'default', name: 's1_default', external: false, create: overlay('s1_default') }]);
  // convertServiceNetworks: <stack>_default is user defined, so the service key is an alias.
  assert.deepEqual(resources.services[0]!.spec.TaskTemplate.Networks, [{ Target: 's1_default', Aliases: ['web'] }]);
});

test('only networks some service is on are created; no default when every service names its networks (convert.Networks over servicesNetworks)', () => {
  const file = composeFile({
    services: { web: service({ networks: { front: { aliases: [], ipv4_address: null, ipv6_address: null } } }) },
    networks: { front: network(), unused: network() },
  });
  assert.deepEqual(convertStack('s1', file).resources.networks.map((n) => n.name), ['s1_front']);
});

test('a network with driver, options, IPAM, internal, attachable and labels is created as the CLI creates it (convert.Networks)', () => {
  const file = composeFile({
    services: { db: service({ networks: { backend: { aliases: [], ipv4_address: null, ipv6_address: null } } }) },
    networks: {
      backend: network({
        driver: 'overlay',
        attachable: true,
        internal: true,
        driver_opts: { 'com.docker.network.driver.mtu': '1400' },
        ipam: { driver: null, config: [{ subnet: '10.77.0.0/24' }] },
        labels: { tier: 'db', 'com.docker.stack.namespace': 'other' },
      }),
    },
  });
  const [net] = convertStack('s1', file).resources.networks;
  assert.deepEqual(net!.create, overlay('s1_backend', {
    Attachable: true,
    Internal: true,
    Options: { 'com.docker.network.driver.mtu': '1400' },
    // An ipam without a driver: Driver "" (the engine's default), Options null.
    IPAM: { Driver: '', Options: null, Config: [{ Subnet: '10.77.0.0/24' }] },
    // addStackLabel overwrites a namespace label the file sets.
    Labels: { tier: 'db', 'com.docker.stack.namespace': 's1' },
  }));
});

test('a named network keeps its name; an external one is only named (its key when it has no name), and the deploy checks it', () => {
  const attach = { aliases: ['api'], ipv4_address: '10.0.0.9', ipv6_address: null };
  const file = composeFile({
    services: { web: service({ networks: { shared: attach, edge: { ...attach, driver_opts: { 'com.example.opt': 'x' } }, named: attach } }) },
    networks: { shared: network({ external: true }), edge: network({ external: true, name: 'edge-net' }), named: network({ name: 'fixed-name', driver: 'bridge' }) },
  });
  const { resources } = convertStack('s1', file);
  assert.deepEqual(resources.networks, [
    { key: 'edge', name: 'edge-net', external: true, create: null },
    { key: 'named', name: 'fixed-name', external: false, create: overlay('fixed-name', { Driver: 'bridge' }) },
    { key: 'shared', name: 'shared', external: true, create: null },
  ]);
  // Sorted by Target; the file's aliases first, then the service key; driver_opts as DriverOpts; ipv4_address is not converted.
  assert.deepEqual(resources.services[0]!.spec.TaskTemplate.Networks, [
    { Target: 'edge-net', Aliases: ['api', 'web'], DriverOpts: { 'com.example.opt': 'x' } },
    { Target: 'fixed-name', Aliases: ['api', 'web'] },
    { Target: 'shared', Aliases: ['api', 'web'] },
  ]);
});

test('an external network named host takes no service alias (container.NetworkMode.IsUserDefined)', () => {
  const file = composeFile({
    services: { web: service({ networks: { hostnet: { aliases: [], ipv4_address: null, ipv6_address: null } } }) },
    networks: { hostnet: network({ external: true, name: 'host' }) },
  });
  assert.deepEqual(convertStack('s1', file).resources.services[0]!.spec.TaskTemplate.Networks, [{ Target: 'host' }]);
});

test('a service on an undeclared network is refused at its compose path ("undefined network")', () => {
  const file = composeFile({ services: { web: service({ networks: { nowhere: { aliases: [], ipv4_address: null, ipv6_address: null } } }) } });
  assert.throws(() => convertStack('s1', file), (err: unknown) => {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(err.problems.map((p) => [p.code, p.field]), [['COMPOSE_INVALID', ['services', 'web', 'networks', 'nowhere']]]);
    assert.match(err.problems[0]!.message, /undefined network "nowhere"/);
    return true;
  });
});
