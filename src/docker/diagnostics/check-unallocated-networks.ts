// The `unallocated-networks` check. A swarm network the managers' allocator could not set
// up (most often its subnet overlaps another network's: dockerd logs "Pool overlaps") is
// still stored and listed, but with driver "" and no IPAM configuration; no task or
// container can use it. The subnet-overlap check cannot see it (it has no subnet left), so
// it is reported here by that shape.
import type { Network } from '../engine-api/index.ts';
import type { Check } from './types.ts';

/** Swarm-scoped and without a driver: never (or not yet) allocated. */
export function isUnallocated(network: Network): boolean {
  return network.Scope === 'swarm' && !network.Driver;
}

export function checkUnallocatedNetworks(networks: readonly Network[]): Check {
  const broken = networks.filter(isUnallocated).map((n) => n.Name).sort();
  if (broken.length > 0) {
    return {
      id: 'unallocated-networks',
      status: 'ERROR',
      summary: `${broken.length} swarm network(s) the managers could not allocate (no driver, no IPAM; usually a subnet overlapping another network's, "Pool overlaps" in dockerd's log): nothing can use them. Remove them and create them again with a free subnet.`,
      details: broken.map((name) => `network ${name} has no driver and no IPAM configuration`),
    };
  }
  return { id: 'unallocated-networks', status: 'OK', summary: 'Every swarm network is allocated.', details: [] };
}
