// serviceRemove: `docker service rm`; webhooks listening for SERVICE_REMOVED are told.
import type { MutationResolvers, ServiceRemovePayload } from '../../generated/graphql.ts';
import { removeService } from '../../docker/api/services.ts';
import { runMutation } from '../run-mutation.ts';
import { findServiceToChange } from './lookup.ts';
import { operationScope } from '../access/field-decision.ts';

export const serviceRemove: MutationResolvers['serviceRemove'] = (_root, { input }, ctx) =>
  runMutation<ServiceRemovePayload>(ctx, { operation: 'serviceRemove', cluster: input.cluster, target: input.id, input }, { removed: [] }, async () => {
    const loaders = ctx.loaders(input.cluster);
    const service = await findServiceToChange(loaders, operationScope(ctx), input.id);
    await removeService(loaders.client, service.ID);
    // Told after the engine removed it; reporting never fails the removal (webhooks.ts).
    await ctx.webhooks.serviceRemoved({
      cluster: loaders.client.name,
      service: { id: service.ID, name: service.Spec.Name ?? service.ID, labels: service.Spec.Labels ?? {} },
      by: ctx.authority.principal.id,
      at: new Date(),
    });
    return { payload: { removed: [{ id: service.ID, name: service.Spec.Name ?? service.ID }] }, objectIds: [service.ID] };
  });
