// One request's authority: who is asking and every access question asked about it, as one
// value built once per request and handed to whatever needs to ask. Root fields, finer
// capabilities and the read scope all go through the same permission table (permissions.ts)
// and the same decide(); nothing else re-decides from the principal's grants.
import { decide, NO_OBJECTS, type AccessDecision, type Scope } from './access-decision.ts';
import type { Permission } from './permissions.ts';
import type { Principal } from './principal.ts';

/** The finer permissions checked inside an operation: the `Capability.<name>` rules of the table. */
export type Capability = CapabilityName<Permission>;
type CapabilityName<P> = P extends `Capability.${infer Name}` ? Name : never;

export interface Authority {
  readonly principal: Principal;
  /**
   * One permission (`Query.services`, `Mutation.nodeRemove`, `Capability.ingress`, ...) on
   * a cluster: undefined for an engine outside any cluster, null for a gateway-wide field
   * (see decide()). A permission without a rule is refused (deny by default).
   */
  decide(permission: string, cluster: string | undefined | null): AccessDecision;
  /** Whether the caller holds `Capability.<capability>` on the cluster. */
  can(capability: Capability, cluster: string | undefined | null): boolean;
  /** The objects the caller may read on a cluster (`Capability.read`); none when it may not read there. */
  readScope(cluster: string | undefined): Scope;
}

/**
 * The authority of `principal`. Decisions are memoized: a request asks the same question
 * for every item of a list (env masking, task nodes, endpoints), and the principal's
 * grants do not change within a request.
 */
export function authorityOf(principal: Principal): Authority {
  const decided = new Map<string, AccessDecision>();
  const decideOnce = (permission: string, cluster: string | undefined | null): AccessDecision => {
    const key = `${permission} ${cluster === null ? 'gateway-wide' : cluster === undefined ? 'no-cluster' : `cluster:${cluster}`}`;
    let decision = decided.get(key);
    if (!decision) {
      decision = decide(principal, permission, cluster);
      decided.set(key, decision);
    }
    return decision;
  };
  return {
    principal,
    decide: decideOnce,
    can: (capability, cluster) => decideOnce(`Capability.${capability}`, cluster).allowed,
    readScope(cluster) {
      const decision = decideOnce('Capability.read', cluster);
      return decision.allowed ? decision.scope : NO_OBJECTS;
    },
  };
}
