// The overlay guide's checks for one swarm, from Engine JSON read once per request.
import { checkEncryptedWindows } from './check-encrypted-windows.ts';
import { checkOverlayContainerLimit } from './check-overlay-container-limit.ts';
import { checkQuorum } from './check-quorum.ts';
import { checkSubnetOverlap } from './check-subnet-overlap.ts';
import { checkUnallocatedNetworks } from './check-unallocated-networks.ts';
import { checkPorts, requiredPorts } from './required-ports.ts';
import type { Check, DiagnosticsInput, Port } from './types.ts';

export type { Check, DiagnosticsInput, Port } from './types.ts';

export interface DiagnosticsResult {
  requiredPorts: Port[];
  checks: Check[];
}

export function runDiagnostics(input: DiagnosticsInput): DiagnosticsResult {
  const ports = requiredPorts(input.swarm.DataPathPort);
  return {
    requiredPorts: ports,
    checks: [
      checkPorts(ports),
      checkQuorum(input.nodes),
      checkSubnetOverlap(input.networks, input.nodes),
      checkUnallocatedNetworks(input.networks),
      checkEncryptedWindows(input.networks, input.nodes),
      checkOverlayContainerLimit(input.tasks, input.nodes),
    ],
  };
}
