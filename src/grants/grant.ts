// A grant: a role, the clusters it covers (null: all), and an optional label selector.
// Written as text in the config, on the command line and in the audit log:
//   <role>[@<cluster>[,<cluster>...]][:<key>=<value>[,...]]
//   admin            deployer@prod:team=payments            viewer:team=payments,env=prod
import { ruleFor, PERMISSIONS, type Permission } from './permissions.ts';
import { formatSelector, normalizeSelector, parseSelector, selectorWithin, type LabelSelector } from './label-selector.ts';
import { isRole, ROLES, type Role } from './roles.ts';

export interface Grant {
  role: Role;
  /** Cluster names, or null for every cluster (also engines outside any cluster). */
  clusters: readonly string[] | null;
  selector: LabelSelector | null;
}

const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

/** Parses the text form; throws an Error naming the problem. */
export function parseGrant(text: string): Grant {
  const m = /^([a-z]+)(?:@([^:]+))?(?::(.+))?$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a grant (role[@cluster,...][:key=value,...])`);
  const [, role, clusters, selector] = m;
  if (!isRole(role!)) throw new Error(`"${role}" is not a role (one of ${ROLES.join(', ')})`);
  return makeGrant(role, clusters === undefined ? null : clusters.split(',').map((c) => c.trim()), selector === undefined ? null : parseSelector(selector));
}

/** Checks and normalizes the parts of a grant; throws an Error naming the problem. */
export function makeGrant(role: Role, clusters: readonly string[] | null, selector: LabelSelector | null): Grant {
  if (clusters) {
    if (clusters.length === 0) throw new Error('a grant needs at least one cluster, or none named for all');
    for (const c of clusters) if (!CLUSTER_NAME.test(c)) throw new Error(`"${c}" is not a cluster name`);
  }
  return {
    role,
    clusters: clusters ? [...new Set(clusters)].sort() : null,
    selector: selector && selector.length > 0 ? normalizeSelector(selector) : null,
  };
}

export function formatGrant(grant: Grant): string {
  return `${grant.role}${grant.clusters ? `@${grant.clusters.join(',')}` : ''}${grant.selector ? `:${formatSelector(grant.selector)}` : ''}`;
}

/** Whether the grant covers a cluster; `undefined` (an engine outside any cluster) needs an all-clusters grant. */
export function grantCoversCluster(grant: Grant, cluster: string | undefined): boolean {
  if (grant.clusters === null) return true;
  return cluster !== undefined && grant.clusters.includes(cluster);
}

/** Whether the grant allows a permission at all (role and scoping), whatever the cluster. */
export function grantAllows(grant: Grant, permission: string): boolean {
  const rule = ruleFor(permission);
  if (!rule || !rule.roles.includes(grant.role)) return false;
  return grant.selector === null || rule.scoped !== 'refused';
}

/** Roles a grant of each role may hand on (beside what its permissions cover): never a higher one. */
const ROLES_WITHIN: Record<Role, readonly Role[]> = {
  viewer: ['viewer'],
  operator: ['viewer', 'operator'],
  deployer: ['viewer', 'operator', 'deployer'],
  admin: ROLES,
  auditor: ['auditor'],
};

/**
 * True when `held` allows everything `wanted` allows: every permission, on a subset of
 * its clusters, on a subset of its objects, with a role no higher than its own. The test
 * for "no escalation". The role rule matters where permissions alone would not tell: a
 * team deployer holds what a team admin does today, but a token it mints must not carry
 * the admin role that tomorrow's permissions may widen.
 */
export function grantCovers(held: Grant, wanted: Grant): boolean {
  if (!ROLES_WITHIN[held.role].includes(wanted.role)) return false;
  for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
    if (grantAllows(wanted, permission) && !grantAllows(held, permission)) return false;
  }
  if (held.clusters !== null && (wanted.clusters === null || !wanted.clusters.every((c) => held.clusters!.includes(c)))) return false;
  if (held.selector !== null && (wanted.selector === null || !selectorWithin(wanted.selector, held.selector))) return false;
  return true;
}

/** The grants in `wanted` that none of `held` covers (empty: no escalation). */
export function uncoveredGrants(held: readonly Grant[], wanted: readonly Grant[]): Grant[] {
  return wanted.filter((w) => !held.some((h) => grantCovers(h, w)));
}
