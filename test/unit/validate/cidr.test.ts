import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalCidr,
  cidrContainsAddress,
  cidrContainsCidr,
  cidrsOverlap,
  parseCidr,
  parseIpAddress,
  validateCidr,
  validateIpAddress,
  validateIpam,
  validateIpamConfig,
} from '../../../src/validate/cidr.ts';

const codes = (errors: { code: string; field: string[] | null }[]) => errors.map((e) => [e.code, e.field]);
const IPAM = ['input', 'ipam'];

test('parseIpAddress is as strict as Go: dotted quads, no leading zeros, no zones', () => {
  assert.equal(parseIpAddress('10.0.9.1')?.toString(), '10.0.9.1');
  assert.equal(parseIpAddress('fd00:9::1')?.kind(), 'ipv6');
  for (const bad of ['10.1', '0xa.0.0.1', '010.0.0.1', '10.0.0.256', 'fe80::1%eth0', '', 'host', '10.0.0.1/24']) {
    assert.equal(parseIpAddress(bad), null, bad);
  }
});

test('parseCidr takes address/prefix for both families', () => {
  assert.deepEqual(parseCidr('10.11.0.0/16')?.map(String), ['10.11.0.0', '16']);
  assert.equal(parseCidr('fd00::/64')?.[1], 64);
  for (const bad of ['10.0.0.0', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/-1', '10.0.0.0/ 8', '10.0.0.0/08', '10.0.0.0/8/8', '10.1/8', 'x/8']) {
    assert.equal(parseCidr(bad), null, bad);
  }
});

test('containment and overlap helpers', () => {
  assert.equal(cidrContainsAddress('10.11.0.0/16', '10.11.0.2'), true);
  assert.equal(cidrContainsAddress('10.11.0.0/16', '10.12.0.2'), false);
  assert.equal(cidrContainsAddress('10.11.0.0/16', 'fd00::1'), false);
  assert.equal(cidrContainsAddress('fd00:1::/64', 'fd00:1::ffff'), true);
  assert.equal(cidrContainsAddress('bad', '10.0.0.1'), false);
  assert.equal(cidrContainsCidr('10.20.0.0/24', '10.20.0.128/25'), true);
  assert.equal(cidrContainsCidr('10.20.0.0/24', '10.20.0.0/23'), false);
  assert.equal(cidrsOverlap('10.35.0.0/16', '10.35.1.0/24'), true);
  assert.equal(cidrsOverlap('10.35.1.0/24', '10.35.0.0/16'), true);
  assert.equal(cidrsOverlap('10.35.0.0/24', '10.35.1.0/24'), false);
  assert.equal(cidrsOverlap('10.0.0.0/8', 'fd00::/8'), false);
  assert.equal(cidrsOverlap('0.0.0.0/0', '192.168.1.0/24'), true);
  assert.equal(canonicalCidr(parseCidr('10.30.0.5/24')!), '10.30.0.0/24');
  assert.equal(canonicalCidr(parseCidr('fd00:1::5/64')!), 'fd00:1::/64');
});

test('validateIpAddress and validateCidr', () => {
  assert.deepEqual(validateIpAddress('10.0.0.1', ['f']), []);
  assert.deepEqual(codes(validateIpAddress('10.0.0', ['f'])), [['INVALID_CIDR', ['f']]]);
  assert.deepEqual(validateCidr('10.0.9.0/24', ['f']), []);
  assert.deepEqual(codes(validateCidr('10.0.9.0/33', ['f'])), [['INVALID_CIDR', ['f']]]);
  const hostBits = validateCidr('10.30.0.5/24', ['f']);
  assert.deepEqual(codes(hostBits), [['INVALID_CIDR', ['f']]]);
  assert.match(hostBits[0]!.message, /host bits.*10\.30\.0\.0\/24/);
});

test('a valid IPAM configuration passes', () => {
  const config = { subnet: '10.20.0.0/24', ipRange: '10.20.0.128/25', gateway: '10.20.0.1', auxAddresses: [{ key: 'a', value: '10.20.0.5' }] };
  assert.deepEqual(validateIpam([config, { subnet: 'fd00:1::/64', gateway: 'fd00:1::1' }], IPAM), []);
});

test('invalid subnet: INVALID_CIDR on the subnet field', () => {
  const errors = validateIpam([{ subnet: '10.41.0.0/33' }], IPAM);
  assert.deepEqual(codes(errors), [['INVALID_CIDR', ['input', 'ipam', '0', 'subnet']]]);
  assert.match(errors[0]!.message, /"10\.41\.0\.0\/33" is not a valid CIDR/);
  assert.deepEqual(codes(validateIpam([{ subnet: 'not-a-subnet' }], IPAM)), [['INVALID_CIDR', ['input', 'ipam', '0', 'subnet']]]);
});

test('subnet with host bits: INVALID_CIDR naming the network address', () => {
  const errors = validateIpam([{ subnet: '10.30.0.5/24' }], IPAM);
  assert.deepEqual(codes(errors), [['INVALID_CIDR', ['input', 'ipam', '0', 'subnet']]]);
  assert.match(errors[0]!.message, /10\.30\.0\.0\/24/);
});

test('gateway outside its subnet: GATEWAY_OUTSIDE_SUBNET', () => {
  const errors = validateIpam([{ subnet: '10.31.0.0/24', gateway: '10.32.0.1' }], IPAM);
  assert.deepEqual(codes(errors), [['GATEWAY_OUTSIDE_SUBNET', ['input', 'ipam', '0', 'gateway']]]);
  assert.match(errors[0]!.message, /10\.32\.0\.1.*10\.31\.0\.0\/24/);
  // another family is outside too
  assert.deepEqual(codes(validateIpam([{ subnet: '10.31.0.0/24', gateway: 'fd00::1' }], IPAM)), [['GATEWAY_OUTSIDE_SUBNET', ['input', 'ipam', '0', 'gateway']]]);
});

test('gateway that is not an address, or the network/broadcast address', () => {
  assert.deepEqual(codes(validateIpam([{ subnet: '10.31.0.0/24', gateway: '10.31.0' }], IPAM)), [['INVALID_CIDR', ['input', 'ipam', '0', 'gateway']]]);
  assert.deepEqual(codes(validateIpam([{ subnet: '10.36.0.0/24', gateway: '10.36.0.0' }], IPAM)), [['INVALID_VALUE', ['input', 'ipam', '0', 'gateway']]]);
  assert.deepEqual(codes(validateIpam([{ subnet: '10.37.0.0/24', gateway: '10.37.0.255' }], IPAM)), [['INVALID_VALUE', ['input', 'ipam', '0', 'gateway']]]);
  assert.deepEqual(validateIpam([{ subnet: '10.11.0.0/16', gateway: '10.11.0.2' }], IPAM), []);
});

test('ip-range outside its subnet: IP_RANGE_OUTSIDE_SUBNET', () => {
  assert.deepEqual(codes(validateIpam([{ subnet: '10.33.0.0/24', ipRange: '10.34.0.0/25' }], IPAM)), [['IP_RANGE_OUTSIDE_SUBNET', ['input', 'ipam', '0', 'ipRange']]]);
  // wider than the subnet, though it starts inside
  assert.deepEqual(codes(validateIpam([{ subnet: '10.33.0.0/24', ipRange: '10.33.0.0/23' }], IPAM)), [['IP_RANGE_OUTSIDE_SUBNET', ['input', 'ipam', '0', 'ipRange']]]);
  assert.deepEqual(codes(validateIpam([{ subnet: '10.33.0.0/24', ipRange: '10.33.0.0/33' }], IPAM)), [['INVALID_CIDR', ['input', 'ipam', '0', 'ipRange']]]);
  assert.deepEqual(codes(validateIpam([{ subnet: '10.42.0.0/24', ipRange: '10.42.0.130/25' }], IPAM)), [['INVALID_CIDR', ['input', 'ipam', '0', 'ipRange']]]);
  assert.deepEqual(validateIpam([{ subnet: '10.38.0.0/24', ipRange: '10.38.0.0/24' }], IPAM), []);
});

test('auxiliary addresses: named, valid, inside the subnet, each name once', () => {
  const field = ['input', 'ipam', '0', 'auxAddresses'];
  assert.deepEqual(codes(validateIpam([{ subnet: '10.39.0.0/24', auxAddresses: [{ key: 'a', value: '10.40.0.1' }] }], IPAM)), [['INVALID_VALUE', [...field, '0', 'value']]]);
  assert.deepEqual(codes(validateIpam([{ subnet: '10.39.0.0/24', auxAddresses: [{ key: 'a', value: 'x' }] }], IPAM)), [['INVALID_CIDR', [...field, '0', 'value']]]);
  assert.deepEqual(codes(validateIpam([{ subnet: '10.39.0.0/24', auxAddresses: [{ key: '', value: '10.39.0.2' }] }], IPAM)), [['INVALID_VALUE', [...field, '0', 'key']]]);
  assert.deepEqual(
    codes(validateIpam([{ subnet: '10.39.0.0/24', auxAddresses: [{ key: 'a', value: '10.39.0.2' }, { key: 'a', value: '10.39.0.3' }] }], IPAM)),
    [['INVALID_VALUE', [...field, '1', 'key']]],
  );
});

test('overlapping subnets of one request: SUBNET_OVERLAP on the later one', () => {
  const errors = validateIpam([{ subnet: '10.35.0.0/16' }, { subnet: '10.36.0.0/24' }, { subnet: '10.35.1.0/24' }], IPAM);
  assert.deepEqual(codes(errors), [['SUBNET_OVERLAP', ['input', 'ipam', '2', 'subnet']]]);
  assert.match(errors[0]!.message, /10\.35\.1\.0\/24 overlaps the subnet 10\.35\.0\.0\/16 of IPAM configuration 0/);
  assert.deepEqual(codes(validateIpam([{ subnet: 'fd00::/64' }, { subnet: 'fd00::/64' }], IPAM)), [['SUBNET_OVERLAP', ['input', 'ipam', '1', 'subnet']]]);
});

test('validateIpamConfig takes the config path itself (the gateway bridge input)', () => {
  assert.deepEqual(codes(validateIpamConfig({ subnet: '10.99.0.0/24', gateway: '10.98.0.1' }, ['input'])), [['GATEWAY_OUTSIDE_SUBNET', ['input', 'gateway']]]);
});
