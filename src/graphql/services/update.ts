// serviceUpdate: `docker service update`. The input is checked whole first; then the
// service is read, network references resolved to IDs, and the new spec built from the
// current one by src/docker/mapping/service-update.ts.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { applyServiceUpdate, validateServiceUpdateInput } from '../../docker/mapping/service-update.ts';
import { serviceUpdateScopeErrors } from '../access/scope-checks.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { refuseGuardrailViolations } from './guardrails.ts';
import { inspectServiceToChange } from './lookup.ts';
import { resolveNetworkIds } from './network-refs.ts';
import { EMPTY_SERVICE_PAYLOAD, type ServicePayloadModel } from './payloads.ts';
import { sendUpdate, specOf } from './versioned-update.ts';

export const serviceUpdate: MutationResolvers['serviceUpdate'] = (_root, { input }, ctx) =>
  runMutation<ServicePayloadModel>(ctx, { operation: 'serviceUpdate', cluster: input.cluster, target: input.id, input }, EMPTY_SERVICE_PAYLOAD, async () => {
    rejectIfAny(validateServiceUpdateInput(input));
    const loaders = ctx.loaders(input.cluster);
    const current = await inspectServiceToChange(loaders, input.id);
    rejectIfAny(serviceUpdateScopeErrors(ctx, loaders.client.name, input, current));
    await refuseGuardrailViolations(ctx, loaders, { update: input, current: current.Spec });
    const refs = [...(input.networkAdd ?? []).map((n) => n.target), ...(input.networkRemove ?? [])];
    const spec = applyServiceUpdate(specOf(current), input, await resolveNetworkIds(loaders, refs));
    return sendUpdate(loaders, current, spec, input.version);
  });
