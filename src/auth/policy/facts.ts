// What the policy needs to know of the swarm besides the spec: the networks a spec attaches
// (by ID) and, for constraints naming nodes, the nodes. The caller reads them first; the
// policy itself stays pure.
import type { GuardrailSettings } from '../../config/access-config.ts';
import type { ConstraintNode } from '../../validate/constraints.ts';

export interface NetworkFacts {
  name: string;
  driver: string;
}

export interface PolicyFacts {
  /** The network an attachment's Target (an ID) names; null when the engine has no such network. */
  network(id: string): NetworkFacts | null | undefined;
  /** The swarm's nodes; read only when a constraint names nodes (see needsNodes). */
  nodes: readonly ConstraintNode[];
}

export interface PolicyContext {
  settings: GuardrailSettings;
  facts: PolicyFacts;
}
