// The `subnet-overlap` check. Overlay subnets that overlap each other, or that contain a
// node's own address, break routing between containers (the overlay guide: choose pools
// that do not collide with the hosts' networks).
import type { Network, Node } from '../engine-api/index.ts';
import { cidrContainsAddress, cidrsOverlap, parseCidr } from '../../validate/index.ts';
import type { Check } from './types.ts';

interface OverlaySubnet {
  network: string;
  subnet: string;
}

function overlaySubnets(networks: readonly Network[]): OverlaySubnet[] {
  const result: OverlaySubnet[] = [];
  for (const n of networks) {
    if (n.Driver !== 'overlay') continue;
    for (const c of n.IPAM?.Config ?? []) if (c.Subnet && parseCidr(c.Subnet)) result.push({ network: n.Name, subnet: c.Subnet });
  }
  return result.sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : 0));
}

export function checkSubnetOverlap(networks: readonly Network[], nodes: readonly Node[]): Check {
  const subnets = overlaySubnets(networks);
  const details: string[] = [];
  for (let i = 0; i < subnets.length; i++) {
    for (let j = i + 1; j < subnets.length; j++) {
      const a = subnets[i]!;
      const b = subnets[j]!;
      if (cidrsOverlap(a.subnet, b.subnet)) details.push(`overlay ${a.network} (${a.subnet}) overlaps overlay ${b.network} (${b.subnet})`);
    }
  }
  for (const node of nodes) {
    const addr = node.Status?.Addr;
    if (!addr || addr === '0.0.0.0') continue;
    for (const s of subnets) {
      if (cidrContainsAddress(s.subnet, addr)) details.push(`node ${node.Description?.Hostname || node.ID} address ${addr} is inside overlay ${s.network} (${s.subnet})`);
    }
  }
  if (details.length > 0) {
    return {
      id: 'subnet-overlap',
      status: 'ERROR',
      summary: `${details.length} overlap(s) between overlay subnets or node addresses; traffic to the overlapping addresses is misrouted. Recreate the networks with distinct subnets.`,
      details,
    };
  }
  return {
    id: 'subnet-overlap',
    status: 'OK',
    summary: `${subnets.length} overlay subnet(s), none overlapping each other or a node's address.`,
    details: [],
  };
}
