// `webhookRemove`: a webhook the caller manages (any other is NOT_FOUND), with its deliveries.
import type { MutationResolvers, WebhookRemovePayload } from '../../generated/graphql.ts';
import { notFound } from '../../errors/gateway-error.ts';
import { runMutation } from '../run-mutation.ts';
import { managesWebhook } from './webhook-access.ts';
import { usingWebhookDatabase, webhookStore } from './webhook-database.ts';

export const webhookRemove: MutationResolvers['webhookRemove'] = async (_root, { input }, ctx) => {
  const store = webhookStore(ctx.database);
  return runMutation<WebhookRemovePayload>(ctx, { operation: 'webhookRemove', gatewayWide: true, target: input.id, input }, { removed: [] }, async () => {
    const row = await usingWebhookDatabase(ctx.logger, () => store.find(input.id));
    if (!row || !managesWebhook(ctx.authority, 'Mutation.webhookRemove', ctx.registry.clusterNames(), row)) throw notFound('webhook', input.id);
    // Removed meanwhile by someone else: as missing.
    if (!(await usingWebhookDatabase(ctx.logger, () => store.remove(row.id)))) throw notFound('webhook', input.id);
    return { payload: { removed: [{ id: row.id, name: row.url }] }, objectIds: [row.id] };
  });
};
