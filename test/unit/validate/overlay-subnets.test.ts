// Overlay subnets the engine accepts but that never work are refused before the engine:
// too small (/30 and longer for IPv4, /126 and longer for IPv6), reserved ranges, `ipv6`
// without an IPv6 subnet, and overlaps with the subnets of existing networks (a network the
// caller cannot see is "another network", neither named nor its subnet shown).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNetworkCreateOptions, validateNetworkCreateOptions } from '../../../src/docker/mapping/network-create.ts';
import { validateOverlaySubnets, validateSubnetsFree } from '../../../src/validate/overlay-subnets.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);
const subnet = (s: string) => [{ subnet: s }];

test('subnets with room for an overlay pass; /30, /31, /32 and IPv6 /126-/128 are too small', () => {
  for (const ok of ['10.0.9.0/24', '10.0.9.0/29', '172.16.0.0/12', 'fd00:9::/64', 'fd00:9::/125']) assert.deepEqual(validateOverlaySubnets(subnet(ok), ok.includes(':'), ['input']), [], ok);
  for (const small of ['10.0.9.0/30', '10.0.9.0/31', '10.0.9.1/32', 'fd00:9::/126', 'fd00:9::1/128']) {
    const errors = validateOverlaySubnets(subnet(small), small.includes(':'), ['input']);
    assert.deepEqual(codes(errors), [['INVALID_CIDR', ['input', 'ipam', '0', 'subnet']]], small);
    assert.match(errors[0]!.message, /too small for an overlay network: use a prefix of \/(29|125) or shorter/);
  }
});

test('multicast, loopback, "this network", link-local and reserved ranges are refused', () => {
  for (const [bad, what] of [
    ['224.1.0.0/16', 'multicast'],
    ['127.0.0.0/24', 'loopback'],
    ['0.0.0.0/24', 'this network'],
    ['0.0.0.0/0', 'this network'],
    ['169.254.1.0/24', 'link-local'],
    ['240.0.0.0/24', 'reserved'],
    ['ff02::/64', 'multicast'],
    ['fe80::/64', 'link-local'],
    ['::/64', 'loopback'],
  ]) {
    const errors = validateOverlaySubnets(subnet(bad!), false, ['input']).filter((e) => e.field?.[1] === 'ipam');
    assert.deepEqual(codes(errors), [['INVALID_CIDR', ['input', 'ipam', '0', 'subnet']]], bad);
    assert.match(errors[0]!.message, new RegExp(what!), bad);
  }
});

test('ipv6: true needs an IPv6 subnet', () => {
  assert.deepEqual(codes(validateOverlaySubnets([], true, ['input'])), [['INVALID_VALUE', ['input', 'ipv6']]]);
  assert.deepEqual(codes(validateOverlaySubnets(subnet('10.0.9.0/24'), true, ['input'])), [['INVALID_VALUE', ['input', 'ipv6']]]);
  assert.deepEqual(validateOverlaySubnets([{ subnet: '10.0.9.0/24' }, { subnet: 'fd00:9::/64' }], true, ['input']), []);
  assert.deepEqual(validateOverlaySubnets([], false, ['input']), []);
});

test('networkCreate refuses each of them before a body is built', () => {
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', ipam: subnet('10.0.9.0/31') })), [['INVALID_CIDR', ['ipam', '0', 'subnet']]]);
  assert.deepEqual(codes(validateNetworkCreateOptions({ name: 'n', ipv6: true })), [['INVALID_VALUE', ['ipv6']]]);
  assert.throws(() => checkNetworkCreateOptions({ name: 'n', ipam: subnet('224.0.0.0/24') }));
});

test('a subnet overlapping an existing network: named when visible, "another network" when not', () => {
  const existing = [
    { name: 'payments-net', subnets: ['10.0.1.0/24'], visible: true },
    { name: 'secret-net', subnets: ['10.0.2.0/24', 'fd00:2::/64'], visible: false },
  ];
  const visible = validateSubnetsFree(subnet('10.0.1.128/25'), existing, ['input']);
  assert.deepEqual(codes(visible), [['SUBNET_OVERLAP', ['input', 'ipam', '0', 'subnet']]]);
  assert.match(visible[0]!.message, /overlaps the subnet 10\.0\.1\.0\/24 of network "payments-net"/);
  const hidden = validateSubnetsFree(subnet('10.0.0.0/16'), existing.slice(1), ['input']);
  assert.deepEqual(codes(hidden), [['SUBNET_OVERLAP', ['input', 'ipam', '0', 'subnet']]]);
  assert.match(hidden[0]!.message, /another network/);
  assert.doesNotMatch(hidden[0]!.message, /secret-net|10\.0\.2\.0/);
  assert.deepEqual(validateSubnetsFree(subnet('10.0.3.0/24'), existing, ['input']), []);
});
