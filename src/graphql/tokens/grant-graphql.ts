// Grants between their GraphQL shape (`Grant`, `GrantInput`) and the auth layer's.
import { formatGrant, makeGrant, type Grant } from '../../grants/grant.ts';
import { parseSelector, type LabelSelector } from '../../grants/label-selector.ts';
import type { Role } from '../../grants/roles.ts';
import type { Grant as GrantView, GrantInput, Role as RoleView } from '../../generated/graphql.ts';

export function grantToGraphQL(grant: Grant): GrantView {
  return {
    role: grant.role.toUpperCase() as RoleView,
    clusters: grant.clusters ? [...grant.clusters] : null,
    labels: (grant.selector ?? []).map(([key, value]) => ({ key, value })),
    text: formatGrant(grant),
  };
}

/** The grant an input describes; throws an Error naming what is wrong with it. */
export function grantFromInput(input: GrantInput): Grant {
  return makeGrant(input.role.toLowerCase() as Role, input.clusters ?? null, selectorFromInput(input.labels));
}

function selectorFromInput(labels: GrantInput['labels']): LabelSelector | null {
  if (!labels || labels.length === 0) return null;
  for (const { key, value } of labels) {
    // The text form separates pairs with `,` and key from value with `=`.
    if (/[,=]/.test(key) || /,/.test(value ?? '')) throw new Error(`label ${key}=${value ?? ''}: keys cannot contain "," or "=", values cannot contain ","`);
  }
  return parseSelector(labels.map(({ key, value }) => `${key}=${value ?? ''}`).join(','));
}
