// Expected bodies are what the Docker 20.10 CLI sent for the same commands (recorded through
// a logging proxy in front of a real 20.10 engine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNetworkCreateOptions, toNetworkCreateBody as bodyOf, validateNetworkCreateOptions, type NetworkCreateOptions } from '../../../src/docker/mapping/network-create.ts';
import {
  checkGatewayBridgeCreateOptions,
  toGatewayBridgeCreateBody as bridgeBodyOf,
  validateGatewayBridgeCreateOptions,
  type GatewayBridgeCreateOptions,
} from '../../../src/docker/mapping/gateway-bridge-create.ts';
import { InvalidOptionsError } from '../../../src/errors/gateway-error.ts';

const toNetworkCreateBody = (options: NetworkCreateOptions) => bodyOf(checkNetworkCreateOptions(options));
const toGatewayBridgeCreateBody = (options: GatewayBridgeCreateOptions) => bridgeBodyOf(checkGatewayBridgeCreateOptions(options));

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);

const CLI_DEFAULTS = {
  CheckDuplicate: true,
  Driver: 'overlay',
  Scope: '',
  EnableIPv6: false,
  IPAM: { Driver: 'default', Options: {}, Config: [] },
  Internal: false,
  Attachable: false,
  Ingress: false,
  ConfigOnly: false,
  ConfigFrom: null,
  Options: {},
  Labels: {},
};

test('docker network create -d overlay --attachable my-attachable-overlay', () => {
  assert.deepEqual(toNetworkCreateBody({ name: 'my-attachable-overlay', driver: 'overlay', attachable: true }), {
    ...CLI_DEFAULTS,
    Attachable: true,
    Name: 'my-attachable-overlay',
  });
});

test('docker network create --driver overlay --ingress --subnet=10.11.0.0/16 --gateway=10.11.0.2 --opt com.docker.network.driver.mtu=1200 my-ingress', () => {
  const expected = {
    ...CLI_DEFAULTS,
    IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '10.11.0.0/16', Gateway: '10.11.0.2' }] },
    Ingress: true,
    Options: { 'com.docker.network.driver.mtu': '1200' },
    Name: 'my-ingress',
  };
  const ipam = [{ subnet: '10.11.0.0/16', gateway: '10.11.0.2' }];
  assert.deepEqual(toNetworkCreateBody({ name: 'my-ingress', ingress: true, ipam, mtu: 1200 }), expected);
  assert.deepEqual(toNetworkCreateBody({ name: 'my-ingress', ingress: true, ipam, options: [{ key: 'com.docker.network.driver.mtu', value: '1200' }] }), expected);
  assert.deepEqual(toNetworkCreateBody({ name: 'my-ingress', ingress: true, ipam, mtu: 1200, options: [{ key: 'com.docker.network.driver.mtu', value: '1200' }] }), expected);
});

test('docker network create --opt encrypted --driver overlay --attachable my-attachable-multi-host-network', () => {
  const expected = { ...CLI_DEFAULTS, Attachable: true, Options: { encrypted: '' }, Name: 'my-attachable-multi-host-network' };
  assert.deepEqual(toNetworkCreateBody({ name: 'my-attachable-multi-host-network', encrypted: true, attachable: true }), expected);
  assert.deepEqual(toNetworkCreateBody({ name: 'my-attachable-multi-host-network', options: [{ key: 'encrypted' }], attachable: true }), expected);
});

test('every IPAM field, labels, internal, IPv6 (docker network create ... full-net)', () => {
  // docker network create -d overlay --subnet 10.20.0.0/24 --ip-range 10.20.0.128/25 --gateway 10.20.0.1
  //   --aux-address a=10.20.0.5 --label team=x --label y --internal --ipv6 --subnet fd00:1::/64 full-net
  // (the CLI orders IPAM configs by Go map iteration; the gateway keeps the input's order)
  const body = toNetworkCreateBody({
    name: 'full-net',
    ipam: [{ subnet: '10.20.0.0/24', ipRange: '10.20.0.128/25', gateway: '10.20.0.1', auxAddresses: [{ key: 'a', value: '10.20.0.5' }] }, { subnet: 'fd00:1::/64' }],
    labels: [{ key: 'team', value: 'x' }, { key: 'y' }],
    internal: true,
    ipv6: true,
  });
  assert.deepEqual(body, {
    ...CLI_DEFAULTS,
    EnableIPv6: true,
    IPAM: {
      Driver: 'default',
      Options: {},
      Config: [{ Subnet: '10.20.0.0/24', IPRange: '10.20.0.128/25', Gateway: '10.20.0.1', AuxiliaryAddresses: { a: '10.20.0.5' } }, { Subnet: 'fd00:1::/64' }],
    },
    Internal: true,
    Labels: { team: 'x', y: '' },
    Name: 'full-net',
  });
});

test('a label key "__proto__" stays an ordinary key', () => {
  const body = toNetworkCreateBody({ name: 'n1', labels: [{ key: '__proto__', value: 'x' }] });
  assert.equal(Object.getPrototypeOf(body.Labels), Object.prototype);
  assert.deepEqual(Object.entries(body.Labels), [['__proto__', 'x']]);
});

test('invalid network inputs are refused with their fields, before mapping', () => {
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'a.b' })), [['INVALID_VALUE', ['name']]]);
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', driver: 'bridge' })), [['INVALID_VALUE', ['driver']]]);
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', ingress: true, attachable: true })), [['INVALID_VALUE', ['attachable']]]);
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', mtu: 50 })), [['INVALID_VALUE', ['mtu']]]);
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', options: [{ key: 'com.docker.network.driver.mtu', value: 'abc' }] })), [
    ['INVALID_VALUE', ['options', '0', 'value']],
  ]);
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', mtu: 1400, options: [{ key: 'com.docker.network.driver.mtu', value: '1200' }] })), [['INVALID_VALUE', ['mtu']]]);
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', labels: [{ key: '' }] })), [['INVALID_VALUE', ['labels', '0', 'key']]]);
  assert.deepEqual(
    codes(
      validateNetworkCreateOptions({
        name: 'n',
        ipam: [
          { subnet: '10.31.0.0/24', gateway: '10.32.0.1' },
          { subnet: '10.33.0.0/24', ipRange: '10.34.0.0/25' },
          { subnet: '10.31.0.0/16' },
          { subnet: '10.41.0.0/33' },
        ],
      }),
    ),
    [
      ['GATEWAY_OUTSIDE_SUBNET', ['ipam', '0', 'gateway']],
      ['IP_RANGE_OUTSIDE_SUBNET', ['ipam', '1', 'ipRange']],
      ['INVALID_CIDR', ['ipam', '3', 'subnet']],
      ['SUBNET_OVERLAP', ['ipam', '2', 'subnet']],
    ],
  );
});

test('checking the options throws InvalidOptionsError carrying the problems', () => {
  assert.throws(
    () => toNetworkCreateBody({ name: 'n', ipam: [{ subnet: '10.31.0.0/24', gateway: '10.32.0.1' }] }),
    (err: unknown) => err instanceof InvalidOptionsError && err.problems[0]?.code === 'GATEWAY_OUTSIDE_SUBNET',
  );
});

test('docker network create --subnet S --opt ...bridge.name=docker_gwbridge --opt enable_icc=false --opt enable_ip_masquerade=true docker_gwbridge', () => {
  const expected = {
    ...CLI_DEFAULTS,
    Driver: 'bridge',
    IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '10.99.0.0/24' }] },
    Options: {
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.name': 'docker_gwbridge',
    },
    Name: 'docker_gwbridge',
  };
  assert.deepEqual(toGatewayBridgeCreateBody({ subnet: '10.99.0.0/24' }), expected);
  assert.deepEqual(toGatewayBridgeCreateBody({ subnet: '10.99.0.0/24', bridgeName: 'docker_gwbridge', enableIcc: false, enableIpMasquerade: true }), expected);
  // ... --gateway 10.98.0.1 ... --opt com.docker.network.driver.mtu=1400
  assert.deepEqual(toGatewayBridgeCreateBody({ subnet: '10.98.0.0/24', gateway: '10.98.0.1', mtu: 1400 }), {
    ...expected,
    IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '10.98.0.0/24', Gateway: '10.98.0.1' }] },
    Options: { ...expected.Options, 'com.docker.network.driver.mtu': '1400' },
  });
});

test('gateway bridge input errors', () => {
  assert.deepEqual(codes(validateGatewayBridgeCreateOptions({ subnet: '10.99.0.0/24', gateway: '10.98.0.1' })), [['GATEWAY_OUTSIDE_SUBNET', ['gateway']]]);
  assert.deepEqual(codes(validateGatewayBridgeCreateOptions({ subnet: '10.99.0.1/33' })), [['INVALID_CIDR', ['subnet']]]);
  assert.deepEqual(codes(validateGatewayBridgeCreateOptions({ subnet: '10.99.0.0/24', bridgeName: 'a-much-too-long-name' })), [['INVALID_VALUE', ['bridgeName']]]);
  assert.deepEqual(codes(validateGatewayBridgeCreateOptions({ subnet: '10.99.0.0/24', mtu: 70000 })), [['INVALID_VALUE', ['mtu']]]);
});
