// Who manages which webhook. A webhook belongs to a label scope (the creating grant's
// selector, or none) and to one cluster or all. A caller manages it when its grants allow
// the operation on each cluster the webhook covers with a scope that reaches the webhook's:
// an unscoped grant reaches every webhook, a scoped one only webhooks of exactly its scope.
// Anything else is NOT_FOUND, as if it did not exist.
import type { Scope } from '../../auth/access-decision.ts';
import type { Authority } from '../../auth/authority.ts';
import { userError } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { formatSelector } from '../../grants/label-selector.ts';
import type { WebhookRow } from '../../webhooks/webhook-store.ts';

function scopeReaches(scope: Scope, webhookScope: string | null): boolean {
  return scope.all || (webhookScope !== null && scope.selectors.some((s) => formatSelector(s) === webhookScope));
}

/** Whether `permission` (e.g. `Mutation.webhookUpdate`) lets the caller manage this webhook. */
export function managesWebhook(authority: Authority, permission: string, clusters: readonly string[], row: Pick<WebhookRow, 'cluster' | 'scope'>): boolean {
  const covered = row.cluster === null ? clusters : [row.cluster];
  return covered.every((cluster) => {
    const decision = authority.decide(permission, cluster);
    return decision.allowed && scopeReaches(decision.scope, row.scope);
  });
}

/**
 * The scope a new webhook gets from the decision that allowed its creation: none for an
 * unscoped grant, the grant's selector for a scoped one. Several scoped grants leave no
 * single scope to pick: a SCOPE_LABEL userError.
 */
export function scopeForNewWebhook(scope: Scope): string | null {
  if (scope.all) return null;
  if (scope.selectors.length === 1) return formatSelector(scope.selectors[0]!);
  throw new UserInputError([
    userError(null, 'SCOPE_LABEL', `Your grants cover several label scopes (${scope.selectors.map(formatSelector).join(' | ')}): a webhook belongs to one; create it with a token holding one of them.`),
  ]);
}
