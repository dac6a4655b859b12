// serviceRemove: `docker service rm`.
import type { MutationResolvers, ServiceRemovePayload } from '../../generated/graphql.ts';
import { removeService } from '../../docker/api/services.ts';
import { runMutation } from '../run-mutation.ts';
import { findServiceToChange } from './lookup.ts';

export const serviceRemove: MutationResolvers['serviceRemove'] = (_root, { input }, ctx) =>
  runMutation<ServiceRemovePayload>(ctx, { operation: 'serviceRemove', cluster: input.cluster, target: input.id, input }, { removedId: null }, async () => {
    const loaders = ctx.loaders(input.cluster);
    const service = await findServiceToChange(loaders, input.id);
    await removeService(loaders.client, service.ID);
    return { payload: { removedId: service.ID }, objectIds: [service.ID] };
  });
