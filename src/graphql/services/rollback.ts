// serviceRollback: `docker service rollback`. As the CLI does, the current spec is sent
// back unchanged with `rollback=previous`; the Engine then restores PreviousSpec, which the
// policy judges first.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { inspectService, updateService } from '../../docker/api/services.ts';
import { userError } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { rollbackScopeErrors } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { enforcePolicy } from './guardrails.ts';
import { findServiceToChange } from './lookup.ts';
import { EMPTY_SERVICE_PAYLOAD, type ServicePayloadModel } from './payloads.ts';
import { updateAtVersion } from '../version-conflict.ts';
import { serviceVersion } from './versioned-update.ts';
import { rolloutOptionErrors } from './rollout-options.ts';
import { afterWait, changedServicePayload } from './changed-service.ts';

export const serviceRollback: MutationResolvers['serviceRollback'] = async (_root, { input }, ctx) => {
  const payload = await runMutation<ServicePayloadModel>(ctx, { operation: 'serviceRollback', cluster: input.cluster, target: input.id, input }, EMPTY_SERVICE_PAYLOAD, async () => {
    rejectIfAny(rolloutOptionErrors(input));
    const loaders = ctx.loaders(input.cluster);
    const scope = operationScope(ctx);
    const current = await findServiceToChange(loaders, scope, input.id);
    if (!current.PreviousSpec) {
      throw new UserInputError([userError(['input', 'id'], 'INVALID_STATE', `The service ${JSON.stringify(current.Spec.Name)} has no previous spec to roll back to: it has not been updated since it was created.`)]);
    }
    rejectIfAny(rollbackScopeErrors(scope, current));
    // The engine restores PreviousSpec as it is: the policy judges that spec, before asking.
    await enforcePolicy(ctx, loaders, current.PreviousSpec, { restore: current.Spec.Name ?? current.ID });
    const result = await updateAtVersion(serviceVersion(current), null, (version) => updateService(loaders.client, current.ID, version, current.Spec, { rollback: 'previous' }), {
      versioned: false,
    });
    const fresh = await inspectService(loaders.client, current.ID);
    // Always a ROLLBACK: the swarm replaces the tasks with the previous spec's (whatever changed).
    return changedServicePayload(ctx, { client: loaders.client, before: current, fresh, kind: 'ROLLBACK', warnings: result.Warnings, deadlineSeconds: input.deadline });
  });
  return afterWait(ctx, payload, input.wait);
};
