// The ports the overlay guide says must be open between every pair of swarm nodes.
import { DEFAULT_DATA_PATH_PORT } from '../model/swarm.ts';
import type { Check, Port } from './types.ts';

export function requiredPorts(dataPathPort: number | undefined): Port[] {
  return [
    { port: 2377, protocol: 'tcp', purpose: 'cluster management (Raft, to managers)' },
    { port: 7946, protocol: 'tcp', purpose: 'node communication (gossip, overlay network discovery)' },
    { port: 7946, protocol: 'udp', purpose: 'node communication (gossip, overlay network discovery)' },
    { port: dataPathPort || DEFAULT_DATA_PATH_PORT, protocol: 'udp', purpose: 'overlay network traffic (VXLAN data path)' },
  ];
}

/** The `ports` check: information only, the gateway cannot see firewalls between nodes. */
export function checkPorts(ports: readonly Port[]): Check {
  return {
    id: 'ports',
    status: 'INFO',
    summary: 'These ports must be open between all swarm nodes (and ESP, IP protocol 50, for encrypted overlays).',
    details: ports.map((p) => `${p.port}/${p.protocol}: ${p.purpose}`),
  };
}
