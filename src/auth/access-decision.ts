// Deciding one permission for one principal on one cluster, from the permission table and
// the principal's grants. The result says which grant decided (for the audit log) and,
// for label-scoped grants, which objects the permission reaches.
import { formatGrant, grantCoversCluster, type Grant } from '../grants/grant.ts';
import { selectorMatches, type LabelSelector } from '../grants/label-selector.ts';
import { ruleFor } from './permissions.ts';
import type { Principal } from './principal.ts';

/** The objects a permission reaches: all of them, or those matching one of the selectors. */
export interface Scope {
  readonly all: boolean;
  readonly selectors: readonly LabelSelector[];
}

export const ALL_OBJECTS: Scope = { all: true, selectors: [] };
export const NO_OBJECTS: Scope = { all: false, selectors: [] };

export function inScope(scope: Scope, labels: Record<string, string> | null | undefined): boolean {
  return scope.all || scope.selectors.some((s) => selectorMatches(s, labels));
}

export type AccessDecision =
  | { allowed: true; permission: string; cluster: string | undefined | null; grant: string; scope: Scope }
  | { allowed: false; permission: string; cluster: string | undefined | null; reason: string };

/** A decision that allowed: what a guarded root field runs under. */
export type AllowedDecision = Extract<AccessDecision, { allowed: true }>;

/** What the audit log keeps of a decision. */
export function decisionRecord(decision: AccessDecision): Record<string, string | boolean | null> {
  return decision.allowed
    ? { allowed: true, permission: decision.permission, grant: decision.grant }
    : { allowed: false, permission: decision.permission, reason: decision.reason };
}

/**
 * Callers outside src/auth ask through the request's Authority (authority.ts), which
 * memoizes this. `cluster`: the cluster acted on; undefined for an engine outside any cluster (needs an
 * all-clusters grant); null for a gateway-wide field (whoami, the audit log, API tokens),
 * which any grant of the right role covers, whatever its clusters.
 */
export function decide(principal: Principal, permission: string, cluster: string | undefined | null): AccessDecision {
  const rule = ruleFor(permission);
  if (!rule) return { allowed: false, permission, cluster, reason: 'no rule for this operation (denied by default)' };
  const byRole = principal.grants.filter((g) => rule.roles.includes(g.role));
  if (byRole.length === 0) return { allowed: false, permission, cluster, reason: `needs role ${rule.roles.join(' or ')}` };
  const onCluster = cluster === null ? byRole : byRole.filter((g) => grantCoversCluster(g, cluster));
  if (onCluster.length === 0) return { allowed: false, permission, cluster, reason: `no grant covers cluster ${cluster ?? '(engine outside any cluster)'}` };
  const usable = onCluster.filter((g) => g.selector === null || rule.scoped !== 'refused');
  if (usable.length === 0) return { allowed: false, permission, cluster, reason: 'needs a grant without a label selector' };
  const unscoped = usable.find((g) => g.selector === null || rule.scoped === 'unaffected');
  if (unscoped) return { allowed: true, permission, cluster, grant: formatGrant(unscoped), scope: ALL_OBJECTS };
  const selectors = usable.map((g) => g.selector!);
  return { allowed: true, permission, cluster, grant: usable.map(formatGrant).join(' | '), scope: { all: false, selectors } };
}

/** The label to stamp on an object created under a scope: the selector's equalities, when there is exactly one selector. */
export function labelsToStamp(scope: Scope, given: Record<string, string>): { labels: Record<string, string> } | { error: string } {
  if (scope.all || inScope(scope, given)) return { labels: given };
  if (scope.selectors.length === 1) {
    const selector = scope.selectors[0]!;
    const clash = selector.find(([k, v]) => k in given && given[k] !== v);
    if (clash) return { error: `label ${clash[0]} must be ${clash[1]}: your grant is scoped to ${clash[0]}=${clash[1]}` };
    return { labels: { ...given, ...Object.fromEntries(selector) } };
  }
  return { error: 'your grants cover several label scopes: set the labels of one of them' };
}

export type { Grant };
