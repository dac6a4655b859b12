// What a grant allows, from the permission table (src/auth/permissions.ts), and whether
// one grant covers another: the test for "no escalation" when a token mints a token.
import type { Grant } from '../grants/grant.ts';
import { selectorWithin } from '../grants/label-selector.ts';
import { ROLES, type Role } from '../grants/roles.ts';
import { ruleFor, PERMISSIONS, type Permission } from './permissions.ts';

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
