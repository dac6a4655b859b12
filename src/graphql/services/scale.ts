// serviceScale: `docker service scale NAME=N`, for replicated services and replicated jobs (their
// total completions); a global service or job is refused in applyServiceScale, as the CLI refuses it.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { applyServiceScale, checkServiceScaleOptions } from '../../docker/mapping/service-update.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { serviceScaleOptions } from './service-options.ts';
import { operationScope } from '../access/field-decision.ts';
import { enforcePolicy } from './guardrails.ts';
import { findServiceToChange } from './lookup.ts';
import { EMPTY_SERVICE_PAYLOAD, type ServicePayloadModel } from './payloads.ts';
import { sendUpdate } from './versioned-update.ts';
import { rolloutOptionErrors } from './rollout-options.ts';
import { afterWait } from './changed-service.ts';

export const serviceScale: MutationResolvers['serviceScale'] = async (_root, { input }, ctx) => {
  const payload = await runMutation<ServicePayloadModel>(ctx, { operation: 'serviceScale', cluster: input.cluster, target: input.id, input }, EMPTY_SERVICE_PAYLOAD, async () => {
    rejectIfAny(rolloutOptionErrors(input));
    // The replica count is checked as serviceUpdate checks it, before the engine is asked.
    const options = checkServiceScaleOptions(serviceScaleOptions(input));
    const loaders = ctx.loaders(input.cluster);
    const current = await findServiceToChange(loaders, operationScope(ctx), input.id);
    // Scaling runs the whole spec again, so the policy judges all of it.
    const spec = await enforcePolicy(ctx, loaders, applyServiceScale(current.Spec, options), { scale: current.Spec.Name ?? current.ID });
    return sendUpdate(ctx, loaders, current, spec, input);
  });
  return afterWait(ctx, payload, input.wait);
};
