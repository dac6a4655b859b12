// serviceRemove: `docker service rm`.
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
    return { payload: { removed: [{ id: service.ID, name: service.Spec.Name ?? service.ID }] }, objectIds: [service.ID] };
  });
