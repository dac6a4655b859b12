// Checks a static address given to `networkConnect` (`--ip`, `--ip6`) against the
// network's subnets before the engine sees it.
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { cidrContainsAddress, parseCidr, parseIpAddress } from '../../validate/cidr.ts';
import { q } from '../../validate/field.ts';

/** Problems with a static address for `network`; empty when it is usable. */
export function staticAddressErrors(address: string, family: 'ipv4' | 'ipv6', network: EngineNetwork, field: string[]): UserErrorInit[] {
  const label = family === 'ipv4' ? 'IPv4' : 'IPv6';
  const parsed = parseIpAddress(address);
  if (!parsed || parsed.kind() !== family) {
    return [userError(field, 'INVALID_CIDR', `${q(address)} is not a valid ${label} address (no prefix length: ${family === 'ipv4' ? '10.0.9.5' : 'fd00:9::5'}).`)];
  }
  const subnets = (network.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter((s) => parseCidr(s)?.[0].kind() === family);
  if (subnets.length === 0) {
    return [userError(field, 'INVALID_VALUE', `Network "${network.Name}" has no ${label} subnet, so a static ${label} address cannot be given.`)];
  }
  if (!subnets.some((s) => cidrContainsAddress(s, address))) {
    return [userError(field, 'INVALID_VALUE', `${address} is not inside the subnet of network "${network.Name}" (${subnets.join(', ')}); choose an address inside it.`)];
  }
  return [];
}
