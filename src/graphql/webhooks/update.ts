// `webhookUpdate`: change a webhook the caller manages (webhook-access.ts; any other is
// NOT_FOUND). A new URL meets the allow-list as at creation; the scope and cluster stay.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { notFound } from '../../errors/gateway-error.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import type { WebhookChange } from '../../webhooks/webhook-store.ts';
import { managesWebhook } from './webhook-access.ts';
import { usingWebhookDatabase, webhookStore } from './webhook-database.ts';
import { webhookToGraphQL, type WebhookUpdatePayloadModel } from './webhook-graphql.ts';
import { descriptionErrors, distinctEvents, eventsErrors, secretErrors, urlErrors } from './webhook-input.ts';

export const webhookUpdate: MutationResolvers['webhookUpdate'] = async (_root, { input }, ctx) => {
  const store = webhookStore(ctx.database);
  return runMutation<WebhookUpdatePayloadModel>(ctx, { operation: 'webhookUpdate', gatewayWide: true, target: input.id, input }, { webhook: null }, async () => {
    const row = await usingWebhookDatabase(ctx.logger, () => store.find(input.id));
    if (!row || !managesWebhook(ctx.authority, 'Mutation.webhookUpdate', ctx.registry.clusterNames(), row)) throw notFound('webhook', input.id);
    rejectIfAny([
      ...(input.url == null ? [] : urlErrors(ctx.webhooks.allowList, input.url)),
      ...(input.events == null ? [] : eventsErrors(input.events)),
      ...(input.secret == null ? [] : secretErrors(input.secret)),
      ...(input.description == null ? [] : descriptionErrors(input.description)),
    ]);
    const change: WebhookChange = {};
    if (input.url != null) change.url = input.url.trim();
    if (input.events != null) change.events = distinctEvents(input.events);
    if (input.secret != null) change.secret = input.secret;
    if (input.description !== undefined) change.description = input.description;
    if (input.enabled != null) change.enabled = input.enabled;
    const updated = await usingWebhookDatabase(ctx.logger, () => store.update(row.id, change));
    return { payload: { webhook: webhookToGraphQL(updated) }, objectIds: [row.id] };
  });
};
