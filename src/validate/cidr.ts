// IP addresses, CIDRs and IPAM configurations (`--subnet`, `--gateway`, `--ip-range`,
// `--aux-address`). Parsing is as strict as Go's net.ParseIP/ParseCIDR: dotted-quad IPv4
// only (ipaddr.js alone would also take "10.1" or "0xa.0.0.1"), no IPv6 zones.
//
// Where the engine is lax we reject, with a message saying what to write instead:
// a subnet or ip-range with host bits set (moby stores "10.30.0.5/24" as given and then
// derives odd gateways from it), and an IPv4 gateway on the subnet's network or broadcast
// address.
import ipaddr from 'ipaddr.js';
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, q, type FieldPath } from './field.ts';
import type { KeyValueLike } from './labels.ts';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
/** A parsed CIDR: the address as written and the prefix length. */
export type Cidr = [IpAddress, number];

/** One IPAM configuration, as `IpamConfigInput` (and the gateway bridge input) carry it. */
export interface IpamConfigLike {
  subnet: string;
  gateway?: string | null | undefined;
  ipRange?: string | null | undefined;
  auxAddresses?: readonly KeyValueLike[] | null | undefined;
}

const PREFIX = /^(0|[1-9][0-9]{0,2})$/;

/** Parses an IPv4 (dotted quad) or IPv6 address; null when it is not one. */
export function parseIpAddress(text: string): IpAddress | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (text.includes(':') && !text.includes('%') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
  return null;
}

/** Parses `address/prefix`; null when it is not a valid CIDR. Host bits may be set. */
export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return null;
  const address = parseIpAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !PREFIX.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= maxPrefix(address) ? [address, prefix] : null;
}

function maxPrefix(address: IpAddress): number {
  return address.kind() === 'ipv4' ? 32 : 128;
}

/** The network address of a CIDR, e.g. 10.30.0.0 for 10.30.0.5/24. */
export function networkAddress([address, prefix]: Cidr): IpAddress {
  const bytes = address.toByteArray();
  const masked = bytes.map((byte, i) => {
    const bitsHere = Math.min(8, Math.max(0, prefix - i * 8));
    return byte & ((0xff << (8 - bitsHere)) & 0xff);
  });
  return ipaddr.fromByteArray(masked);
}

/** The CIDR written with its network address: "10.30.0.0/24" for 10.30.0.5/24. */
export function canonicalCidr(cidr: Cidr): string {
  return `${networkAddress(cidr).toString()}/${cidr[1]}`;
}

function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();
}

function hasHostBits(cidr: Cidr): boolean {
  return !sameAddress(cidr[0], networkAddress(cidr));
}

function contains(cidr: Cidr, address: IpAddress): boolean {
  if (address.kind() !== cidr[0].kind()) return false;
  return sameAddress(networkAddress([address, cidr[1]]), networkAddress(cidr));
}

/** Whether `ip` lies inside `cidr` (false when either is invalid or the families differ). */
export function cidrContainsAddress(cidr: string, ip: string): boolean {
  const parsed = parseCidr(cidr);
  const address = parseIpAddress(ip);
  return parsed !== null && address !== null && contains(parsed, address);
}

/** Whether CIDR `inner` lies wholly inside CIDR `outer` (false when either is invalid). */
export function cidrContainsCidr(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return o !== null && i !== null && i[1] >= o[1] && contains(o, i[0]);
}

/** Whether two CIDRs share any address (false when either is invalid or the families differ). */
export function cidrsOverlap(a: string, b: string): boolean {
  const pa = parseCidr(a);
  const pb = parseCidr(b);
  return pa !== null && pb !== null && overlap(pa, pb);
}

function overlap(a: Cidr, b: Cidr): boolean {
  return a[1] <= b[1] ? contains(a, b[0]) : contains(b, a[0]);
}

/** An IP address (IPv4 dotted quad or IPv6). */
export function validateIpAddress(ip: string, field: FieldPath, what = 'address'): UserErrorInit[] {
  if (parseIpAddress(ip)) return [];
  return [userError([...field], 'INVALID_CIDR', `The ${what} ${q(ip)} is not a valid IP address; write an IPv4 address such as 10.0.9.1 or an IPv6 address such as fd00:9::1.`)];
}

/** A CIDR written with its network address (e.g. `10.0.9.0/24`, `fd00:9::/64`). */
export function validateCidr(cidr: string, field: FieldPath, what = 'subnet'): UserErrorInit[] {
  const parsed = parseCidr(cidr);
  if (!parsed) {
    return [userError([...field], 'INVALID_CIDR', `The ${what} ${q(cidr)} is not a valid CIDR; write an address and a prefix length such as 10.0.9.0/24 or fd00:9::/64.`)];
  }
  if (hasHostBits(parsed)) {
    return [
      userError([...field], 'INVALID_CIDR', `The ${what} ${q(cidr)} has host bits set after the /${parsed[1]} prefix; write it with its network address, ${canonicalCidr(parsed)}.`),
    ];
  }
  return [];
}

/** One IPAM configuration; `field` is its own path (e.g. `['ipam', '0']`). */
export function validateIpamConfig(config: IpamConfigLike, field: FieldPath): UserErrorInit[] {
  const subnetErrors = validateCidr(config.subnet, at(field, 'subnet'), 'subnet');
  const subnet = subnetErrors.length === 0 ? parseCidr(config.subnet) : null;
  const errors = [...subnetErrors];
  if (config.gateway != null) errors.push(...gatewayErrors(config.gateway, subnet, config.subnet, at(field, 'gateway')));
  if (config.ipRange != null) errors.push(...ipRangeErrors(config.ipRange, subnet, config.subnet, at(field, 'ipRange')));
  if (config.auxAddresses) errors.push(...auxAddressErrors(config.auxAddresses, subnet, config.subnet, at(field, 'auxAddresses')));
  return errors;
}

function gatewayErrors(gateway: string, subnet: Cidr | null, subnetText: string, field: string[]): UserErrorInit[] {
  const ipErrors = validateIpAddress(gateway, field, 'gateway');
  const address = parseIpAddress(gateway);
  if (ipErrors.length > 0 || !address || !subnet) return ipErrors;
  if (!contains(subnet, address)) {
    return [userError(field, 'GATEWAY_OUTSIDE_SUBNET', `The gateway ${gateway} is not inside its subnet ${subnetText}; choose an address inside the subnet.`)];
  }
  if (address.kind() === 'ipv4' && subnet[1] <= 30) {
    const network = networkAddress(subnet);
    const broadcast = ipaddr.IPv4.broadcastAddressFromCIDR(subnetText);
    if (sameAddress(address, network) || sameAddress(address, broadcast)) {
      const which = sameAddress(address, network) ? 'network' : 'broadcast';
      return [userError(field, 'INVALID_VALUE', `The gateway ${gateway} is the ${which} address of subnet ${subnetText}; choose a host address inside the subnet.`)];
    }
  }
  return [];
}

function ipRangeErrors(ipRange: string, subnet: Cidr | null, subnetText: string, field: string[]): UserErrorInit[] {
  const cidrErrors = validateCidr(ipRange, field, 'IP range');
  const range = parseCidr(ipRange);
  if (cidrErrors.length > 0 || !range || !subnet) return cidrErrors;
  if (range[1] < subnet[1] || !contains(subnet, range[0])) {
    return [userError(field, 'IP_RANGE_OUTSIDE_SUBNET', `The IP range ${ipRange} is not inside its subnet ${subnetText}; choose a range within the subnet.`)];
  }
  return [];
}

function auxAddressErrors(aux: readonly KeyValueLike[], subnet: Cidr | null, subnetText: string, field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  const seen = new Set<string>();
  aux.forEach(({ key, value }, i) => {
    if (key === '') errors.push(userError(at(field, i, 'key'), 'INVALID_VALUE', 'An auxiliary address needs a name (`--aux-address name=ip`).'));
    else if (seen.has(key)) errors.push(userError(at(field, i, 'key'), 'INVALID_VALUE', `The auxiliary address name ${q(key)} is given twice; give each name once.`));
    seen.add(key);
    const text = value ?? '';
    const ipErrors = validateIpAddress(text, at(field, i, 'value'), 'auxiliary address');
    const address = parseIpAddress(text);
    if (ipErrors.length > 0) errors.push(...ipErrors);
    else if (address && subnet && !contains(subnet, address)) {
      errors.push(userError(at(field, i, 'value'), 'INVALID_VALUE', `The auxiliary address ${text} is not inside its subnet ${subnetText}.`));
    }
  });
  return errors;
}

/**
 * IPAM configurations of one network; `field` is the list's path (e.g. `['ipam']`).
 * Each is checked on its own, then the subnets against each other: they must not overlap.
 */
export function validateIpam(configs: readonly IpamConfigLike[], field: FieldPath): UserErrorInit[] {
  const errors = configs.flatMap((config, i) => validateIpamConfig(config, at(field, i)));
  const subnets = configs.map((c) => parseCidr(c.subnet));
  subnets.forEach((subnet, j) => {
    if (!subnet) return;
    const earlier = subnets.findIndex((other, i) => i < j && other !== null && overlap(other, subnet));
    if (earlier >= 0) {
      errors.push(
        userError(
          at(field, j, 'subnet'),
          'SUBNET_OVERLAP',
          `The subnet ${configs[j]!.subnet} overlaps the subnet ${configs[earlier]!.subnet} of IPAM configuration ${earlier}; the subnets of a network must not overlap.`,
        ),
      );
    }
  });
  return errors;
}
