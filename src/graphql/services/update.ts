// serviceUpdate: `docker service update`. The input is checked whole first; then the
// service is read, network references resolved to IDs, added secrets and configs resolved, and the new spec built from the
// current one by src/docker/mapping/service-update.ts; the policy judges the merged spec
// (a force redeploy included) before it is sent. The rollout it starts, if it replaces tasks,
// is in the payload (changed-service.ts). servicePlan (plan.ts) runs the same preparation
// (prepareServiceUpdate) and stops before sending: one path builds and checks the final spec.
import type { MutationResolvers, ServiceUpdateInput } from '../../generated/graphql.ts';
import { applyServiceUpdate, checkServiceUpdateOptions } from '../../docker/mapping/service-update.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Service as EngineService, ServiceSpec } from '../../docker/engine-api/index.ts';
import type { GatewayContext } from '../context.ts';
import { serviceUpdateOptions } from './service-options.ts';
import { serviceUpdateScopeErrors } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { enforcePolicy } from './guardrails.ts';
import { findServiceToChange } from './lookup.ts';
import { resolveNetworkIds } from './network-refs.ts';
import { checkReadableReferences, resolveAddedReferences } from './stored-refs.ts';
import { EMPTY_SERVICE_PAYLOAD, type ServicePayloadModel } from './payloads.ts';
import { sendUpdate } from './versioned-update.ts';
import { rolloutOptionErrors } from './rollout-options.ts';
import { afterWait } from './changed-service.ts';
import { planHashErrors } from './plan-hash-check.ts';

export interface PreparedServiceUpdate {
  loaders: ClusterLoaders;
  current: EngineService;
  /** The current spec with the input applied, before the policy. */
  merged: ServiceSpec;
  /** The spec that would be sent: `merged` as the policy leaves it (the worker constraint added). */
  spec: ServiceSpec;
}

/**
 * Everything serviceUpdate does before sending: checks, lookup, scope, network references,
 * merge, policy. Throws UserInputError for what the caller can fix. `seen.current` is set as
 * soon as the service is read, for a caller (the plan) that shows it beside later refusals.
 */
export async function prepareServiceUpdate(ctx: GatewayContext, input: ServiceUpdateInput, seen: { current?: EngineService } = {}): Promise<PreparedServiceUpdate> {
  rejectIfAny(rolloutOptionErrors(input));
  const options = checkServiceUpdateOptions(serviceUpdateOptions(input));
  const loaders = ctx.loaders(input.cluster);
  const scope = operationScope(ctx);
  const current = await findServiceToChange(loaders, scope, input.id);
  seen.current = current;
  rejectIfAny(serviceUpdateScopeErrors(ctx.authority, scope, loaders.client.name, input, current));
  const refs = [...(input.networkAdd ?? []).map((n) => n.target), ...(input.networkRemove ?? [])];
  const networkIds = await resolveNetworkIds(loaders, scope, refs);
  // Added secrets and configs: resolved within the caller's read scope (another team's is
  // REFERENCE_NOT_FOUND); the final-spec check below covers them again with every kept one.
  const addedFiles = await resolveAddedReferences(ctx, loaders.client.name, input);
  const merged = applyServiceUpdate(current.Spec, options, networkIds, addedFiles);
  const spec = await enforcePolicy(ctx, loaders, merged, { update: options, networkIds, service: current.Spec.Name ?? current.ID });
  await checkReadableReferences(ctx, loaders.client.name, spec, () => ['input', 'id']);
  return { loaders, current, merged, spec };
}

export const serviceUpdate: MutationResolvers['serviceUpdate'] = async (_root, { input }, ctx) => {
  const payload = await runMutation<ServicePayloadModel>(ctx, { operation: 'serviceUpdate', cluster: input.cluster, target: input.id, input }, EMPTY_SERVICE_PAYLOAD, async () => {
    const { loaders, current, spec } = await prepareServiceUpdate(ctx, input);
    rejectIfAny(planHashErrors(input.planHash, current, spec));
    return sendUpdate(ctx, loaders, current, spec, input);
  });
  return afterWait(ctx, payload, input.wait);
};
