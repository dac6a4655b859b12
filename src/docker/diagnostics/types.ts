// What the overlay guide's checks read and what they report. The checks are pure
// functions of Engine JSON, so they are tested on fixtures without a swarm. Their results
// are the engine layer's own; the GraphQL layer presents them (src/graphql/diagnostics).
import type { Network, Node, Swarm, Task } from '../engine-api/index.ts';

export type CheckStatus = 'OK' | 'INFO' | 'WARNING' | 'ERROR';

export interface Check {
  /** Stable identifier: `ports`, `quorum`, `subnet-overlap`, ... */
  id: string;
  status: CheckStatus;
  /** One sentence. */
  summary: string;
  /** One item per finding. */
  details: string[];
}

export interface Port {
  port: number;
  /** In the words of the firewall rule (and of the Engine's port configs). */
  protocol: 'tcp' | 'udp';
  purpose: string;
}

export interface DiagnosticsInput {
  swarm: Swarm;
  nodes: readonly Node[];
  /** The networks list of a manager (swarm-scoped networks carry their IPAM config). */
  networks: readonly Network[];
  /** Tasks whose desired state is running (one `GET /tasks` call). */
  tasks: readonly Task[];
}
