// Label scoping inside the resolvers. The field guard has decided that the caller may run
// the operation; a label-scoped decision (`scope.all` false, e.g. `deployer:team=payments`)
// also limits WHICH objects it reaches:
// - a target is looked up through the read-filtered loaders AND must be inside the
//   operation's own scope: a principal may read everything through an unscoped viewer
//   grant and change only `team=payments` objects through a scoped operator grant.
//   Anything else answers exactly as a missing object does (NOT_FOUND, or
//   REFERENCE_NOT_FOUND for a reference inside an input), so nothing tells the two apart;
// - what it creates carries the scope's labels (stamped when omitted; a clash is refused);
// - an update or rollback may not remove or change a scope label (SCOPE_LABEL);
// - an operator's serviceUpdate changes image, env, replicas and force only; any other
//   field needs `Capability.serviceSpec` covering the service (NOT_PERMITTED).
// Each function takes the scope it checks against: the root field's (operationScope(ctx)).
import { NOT_SPEC_INPUTS } from '../../auth/policy/policy-table.ts';
import { inScope, labelsToStamp, type Scope } from '../../auth/access-decision.ts';
import type { Authority } from '../../auth/authority.ts';
import { formatSelector, selectorMatches } from '../../grants/label-selector.ts';
import type { Network as EngineNetwork, Service as EngineService } from '../../docker/engine-api/index.ts';
import type { ServiceUpdateInput } from '../../generated/graphql.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';

type Labels = Record<string, string> | null | undefined;

/** The service if the scope reaches it, else null (then treated as missing). */
export function serviceInScope(service: EngineService | null, scope: Scope): EngineService | null {
  return service && inScope(scope, service.Spec.Labels) ? service : null;
}

/** The network if the scope reaches it, else null (then treated as missing). */
export function networkInScope(network: EngineNetwork | null, scope: Scope): EngineNetwork | null {
  return network && inScope(scope, network.Labels) ? network : null;
}

/**
 * The labels a new object gets under the operation's scope: the given ones plus the
 * scope's (`team=payments` when omitted). A clash with the scope, or a scope of several
 * selectors none of which the labels pick, is a SCOPE_LABEL userError at `field`.
 */
export function stampScopeLabels(scope: Scope, given: Labels, field: string[]): Record<string, string> {
  const result = labelsToStamp(scope, given ?? {});
  if ('error' in result) throw new UserInputError([userError(field, 'SCOPE_LABEL', `${capitalize(result.error)}.`)]);
  return result.labels;
}

/**
 * SCOPE_LABEL errors for going from `before` to `after` labels: every scope selector the
 * object matches now must still match, key by key. `fieldOf(key)` places each error.
 */
export function scopeLabelErrors(scope: Scope, before: Labels, after: Labels, fieldOf: (key: string) => string[], what: string): UserErrorInit[] {
  if (scope.all) return [];
  const errors: UserErrorInit[] = [];
  const seen = new Set<string>();
  for (const selector of scope.selectors.filter((s) => selectorMatches(s, before))) {
    for (const [key, value] of selector) {
      if (after?.[key] === value || seen.has(key)) continue;
      seen.add(key);
      const change = after?.[key] === undefined ? 'remove' : `change it to ${key}=${after[key]}`;
      errors.push(
        userError(fieldOf(key), 'SCOPE_LABEL', `${what} would ${change}; label ${key}=${value} must stay, because your grant is scoped to ${formatSelector(selector)}.`),
      );
    }
  }
  return errors;
}

/** The serviceUpdate fields an operator may change; the rest need Capability.serviceSpec. */
// What an operator may send: the inputs that are no spec field at all (which service, its
// version, wait, deadline, planHash: the policy table's one list) and the fields it may change.
const OPERATOR_FIELDS = new Set<string>([...NOT_SPEC_INPUTS.update, 'image', 'replicas', 'envAdd', 'envRemove', 'force']);

/**
 * What serviceUpdate may not do under the caller's grants, besides the guard's decision
 * (whose scope is `scope`): fields beyond an operator's need `Capability.serviceSpec`
 * covering the service (NOT_PERMITTED at each such field); label changes may not touch a
 * scope label (SCOPE_LABEL at `labels.add.N` / `labels.remove.N`).
 */
export function serviceUpdateScopeErrors(authority: Authority, scope: Scope, cluster: string, input: ServiceUpdateInput, current: EngineService): UserErrorInit[] {
  const beyond = Object.entries(input).filter(([key, value]) => !OPERATOR_FIELDS.has(key) && isChange(value)).map(([key]) => key);
  if (beyond.length > 0) {
    const decision = authority.decide('Capability.serviceSpec', cluster);
    if (!decision.allowed || !inScope(decision.scope, current.Spec.Labels)) {
      const why = decision.allowed ? `your grants allowing it (${decision.grant}) do not reach this service's labels` : decision.reason;
      return beyond.map((key) =>
        userError(['input', key], 'NOT_PERMITTED', `Changing ${key} needs a grant that allows any service update (deployer or admin, Capability.serviceSpec) covering this service: ${why}. Operators change image, env, replicas and force only.`),
      );
    }
  }
  const labels = input.labels;
  if (!labels) return [];
  const after: Record<string, string> = { ...(current.Spec.Labels ?? {}) };
  for (const key of labels.remove ?? []) delete after[key];
  for (const { key, value } of labels.add ?? []) after[key] = value ?? '';
  const fieldOf = (key: string): string[] => {
    const added = (labels.add ?? []).findIndex((kv) => kv.key === key);
    return added >= 0 ? ['input', 'labels', 'add', String(added)] : ['input', 'labels', 'remove', String((labels.remove ?? []).indexOf(key))];
  };
  return scopeLabelErrors(scope, current.Spec.Labels, after, fieldOf, 'This update');
}

/** A rollback restores the previous spec's labels, so it may not drop a scope label either. */
export function rollbackScopeErrors(scope: Scope, current: EngineService): UserErrorInit[] {
  if (!current.PreviousSpec) return [];
  return scopeLabelErrors(scope, current.Spec.Labels, current.PreviousSpec.Labels, () => ['input', 'id'], 'Rolling back to the previous spec');
}

/** NOT_PERMITTED at `field` unless the caller may create or remove the ingress network (`Capability.ingress`: admin, unscoped). */
export function ingressPermissionErrors(authority: Authority, cluster: string, field: string[]): UserErrorInit[] {
  const decision = authority.decide('Capability.ingress', cluster);
  if (decision.allowed) return [];
  return [userError(field, 'NOT_PERMITTED', `Only an admin grant without a label selector may create or remove the ingress network (${decision.reason}).`)];
}

/** Whether an input value asks for a change: not null, not an empty list, not an object of only such values. */
function isChange(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some(isChange);
  return true;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
