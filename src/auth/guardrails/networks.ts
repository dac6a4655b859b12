// Rule no-host-network: no attachment to the node's `host` network (the host's network
// stack, its ports and interfaces), whether named `host` or given by ID.
import type { GuardedSpec } from './spec-view.ts';
import { finding, type Finding } from './violation.ts';

export function isHostNetwork(ref: string, resolved: { name: string; driver: string } | null): boolean {
  return ref.trim() === 'host' || resolved?.name === 'host' || resolved?.driver === 'host';
}

export function checkHostNetwork(networks: GuardedSpec['networks']): Finding[] {
  return networks
    .filter((n) => isHostNetwork(n.ref, n.resolved))
    .map((n) => finding(n.field, 'no-host-network', `the network ${JSON.stringify(n.ref)} is the host network`, 'Use an overlay network; only an admin may attach services to the host network.'));
}
