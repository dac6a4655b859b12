// Subnets an overlay network can actually use. The engine accepts more than works: a /31
// or /32 leaves no address for the gateway and the tasks, multicast, loopback, link-local
// and "this network" ranges are not routable between containers, `ipv6: true` without an
// IPv6 subnet has every task rejected, and a subnet overlapping another network's is stored
// with driver "" and no IPAM (dockerd logs "Pool overlaps") and never works. Each is refused
// here, at the subnet's field, before the engine is asked.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { cidrsOverlap, parseCidr, validateCidr, type IpamConfigLike } from './cidr.ts';
import { at, type FieldPath } from './field.ts';

/**
 * The longest prefix an overlay subnet may have: at least 8 addresses, so that besides the
 * network (and, for IPv4, broadcast) address there are the gateway, a load-balancer address
 * for each node that joins the network, and the tasks' own addresses.
 */
export const OVERLAY_MAX_PREFIX = { ipv4: 29, ipv6: 125 } as const;

/** Ranges no overlay subnet may touch, with what they are. */
const RESERVED: readonly [string, string][] = [
  ['0.0.0.0/8', '"this network" range 0.0.0.0/8'],
  ['127.0.0.0/8', 'loopback range 127.0.0.0/8'],
  ['169.254.0.0/16', 'link-local range 169.254.0.0/16'],
  ['224.0.0.0/4', 'multicast range 224.0.0.0/4'],
  ['240.0.0.0/4', 'reserved range 240.0.0.0/4 (with the broadcast address)'],
  ['::/127', 'unspecified and loopback addresses ::/127'],
  ['::ffff:0:0/96', 'IPv4-mapped range ::ffff:0:0/96'],
  ['fe80::/10', 'link-local range fe80::/10'],
  ['ff00::/8', 'multicast range ff00::/8'],
];

/** Prefix length and reserved ranges of each valid subnet, and `ipv6` against the subnets given. */
export function validateOverlaySubnets(configs: readonly IpamConfigLike[], ipv6: boolean, field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  configs.forEach((config, i) => {
    if (validateCidr(config.subnet, []).length > 0) return; // reported by validateIpam
    const [address, prefix] = parseCidr(config.subnet)!;
    const family = address.kind();
    const subnetField = at(field, 'ipam', i, 'subnet');
    if (prefix > OVERLAY_MAX_PREFIX[family]) {
      const max = OVERLAY_MAX_PREFIX[family];
      errors.push(
        userError(subnetField, 'INVALID_CIDR', `The subnet ${config.subnet} is too small for an overlay network: use a prefix of /${max} or shorter (at least 8 addresses, for the gateway, one load-balancer address per node and the tasks).`),
      );
      return;
    }
    const reserved = RESERVED.find(([range]) => cidrsOverlap(range, config.subnet));
    if (reserved) errors.push(userError(subnetField, 'INVALID_CIDR', `The subnet ${config.subnet} overlaps the ${reserved[1]}, which containers cannot use; choose a private range such as 10.0.9.0/24 or fd00:9::/64.`));
  });
  const hasIpv6Subnet = configs.some((c) => parseCidr(c.subnet)?.[0].kind() === 'ipv6');
  if (ipv6 && !hasIpv6Subnet) {
    errors.push(userError(at(field, 'ipv6'), 'INVALID_VALUE', 'ipv6: true needs an IPv6 subnet in ipam (e.g. { subnet: "fd00:9::/64" }); the swarm does not pick one, and every task would be rejected without it.'));
  }
  return errors;
}

/** Another network's subnets, as the overlap check needs them. `visible`: whether the caller may see (and so be told of) it. */
export interface ExistingNetwork {
  name: string;
  subnets: readonly string[];
  visible: boolean;
}

/**
 * Subnets that overlap a subnet of an existing network. A network the caller may not see is
 * "another network": neither its name nor its subnet is given away.
 */
export function validateSubnetsFree(configs: readonly IpamConfigLike[], existing: readonly ExistingNetwork[], field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  configs.forEach((config, i) => {
    if (!parseCidr(config.subnet)) return;
    const visibleHit = existing.filter((n) => n.visible).flatMap((n) => n.subnets.filter((s) => cidrsOverlap(s, config.subnet)).map((s) => ({ n, s })))[0];
    const hiddenHit = existing.some((n) => !n.visible && n.subnets.some((s) => cidrsOverlap(s, config.subnet)));
    if (!visibleHit && !hiddenHit) return;
    const which = visibleHit ? `the subnet ${visibleHit.s} of network "${visibleHit.n.name}"` : 'the subnet of another network of the swarm';
    errors.push(userError(at(field, 'ipam', i, 'subnet'), 'SUBNET_OVERLAP', `The subnet ${config.subnet} overlaps ${which}; choose a subnet no other network uses (the engine would store the network unallocated, unusable).`));
  });
  return errors;
}
