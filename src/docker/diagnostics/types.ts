// What the overlay guide's checks read and what they report. The checks are pure
// functions of Engine JSON, so they are tested on fixtures without a swarm.
import type { DiagnosticCheck, RequiredPort } from '../../generated/graphql.ts';
import type { EngineNetwork, EngineNode, EngineSwarm, EngineTask } from '../engine-json.ts';

export type Check = Omit<DiagnosticCheck, '__typename'>;
export type Port = Omit<RequiredPort, '__typename'>;

export interface DiagnosticsInput {
  swarm: EngineSwarm;
  nodes: readonly EngineNode[];
  /** The networks list of a manager (swarm-scoped networks carry their IPAM config). */
  networks: readonly EngineNetwork[];
  /** Tasks whose desired state is running (one `GET /tasks` call). */
  tasks: readonly EngineTask[];
}
