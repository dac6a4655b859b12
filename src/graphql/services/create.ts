// serviceCreate: `docker service create`. The input is checked whole before the engine is
// asked anything; network names are then resolved to IDs (a missing one is
// REFERENCE_NOT_FOUND), the body is the CLI's, from src/docker/mapping/service-spec.ts, and
// the policy (enforcePolicy) judges that final spec before it is sent. The payload carries the
// new service's rollout (kind CREATE, changed-service.ts).
import type { MutationResolvers } from '../../generated/graphql.ts';
import { createService, inspectService } from '../../docker/api/services.ts';
import { checkServiceCreateOptions, toServiceSpec } from '../../docker/mapping/service-spec.ts';
import { serviceCreateOptions } from './service-options.ts';
import { stampScopeLabels } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { enforcePolicy } from './guardrails.ts';
import { resolveNetworkIds } from './network-refs.ts';
import { checkReadableReferences, resolveStoredReferences } from './stored-refs.ts';
import { EMPTY_SERVICE_PAYLOAD, type ServicePayloadModel } from './payloads.ts';
import { rolloutOptionErrors } from './rollout-options.ts';
import { afterWait, changedServicePayload } from './changed-service.ts';

export const serviceCreate: MutationResolvers['serviceCreate'] = async (_root, { input }, ctx) => {
  const payload = await runMutation<ServicePayloadModel>(ctx, { operation: 'serviceCreate', cluster: input.cluster, target: input.name, input, refusals: nameConflictAt(input.name) }, EMPTY_SERVICE_PAYLOAD, async () => {
    rejectIfAny(rolloutOptionErrors(input));
    const options = checkServiceCreateOptions(serviceCreateOptions(input));
    const loaders = ctx.loaders(input.cluster);
    const scope = operationScope(ctx);
    const networkIds = await resolveNetworkIds(loaders, scope, (input.networks ?? []).map((n) => n.target));
    const mapped = toServiceSpec(options, networkIds);
    Object.assign(mapped.TaskTemplate.ContainerSpec ??= {}, await resolveStoredReferences(ctx, loaders.client.name, input));
    mapped.Labels = stampScopeLabels(scope, mapped.Labels, ['input', 'labels']);
    const spec = await enforcePolicy(ctx, loaders, mapped, { create: options, networkIds });
    await checkReadableReferences(ctx, loaders.client.name, spec, (kind, i) => ['input', kind, String(i), 'source']);
    const created = await createService(loaders.client, spec);
    const fresh = await inspectService(loaders.client, created.ID);
    return changedServicePayload(ctx, { client: loaders.client, before: null, fresh, warnings: created.Warnings, deadlineSeconds: input.deadline });
  });
  return afterWait(ctx, payload, input.wait);
};

/** swarmkit answers 409 "name conflicts with an existing object": the name is the field at fault. */
const nameConflictAt = (name: string) => ({ fields: { NAME_CONFLICT: ['input', 'name'] }, about: `Service ${JSON.stringify(name)}` });
