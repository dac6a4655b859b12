// `webhooks` (those the caller manages, oldest first; webhooks are few, so no pages) and
// `Webhook.deliveries` (a webhook's latest, newest first; its parent was already checked).
import type { QueryResolvers, WebhookResolvers } from '../../generated/graphql.ts';
import { pageSize } from '../page-size.ts';
import { managesWebhook } from './webhook-access.ts';
import { usingWebhookDatabase, webhookStore } from './webhook-database.ts';
import { deliveryToGraphQL, webhookToGraphQL } from './webhook-graphql.ts';

export const webhooks: QueryResolvers['webhooks'] = async (_root, { cluster }, ctx) => {
  const store = webhookStore(ctx.database);
  const name = cluster == null ? null : ctx.registry.cluster(cluster).name;
  const rows = await usingWebhookDatabase(ctx.logger, () => store.list({ cluster: name }));
  const clusters = ctx.registry.clusterNames();
  return rows.filter((row) => managesWebhook(ctx.authority, 'Query.webhooks', clusters, row)).map(webhookToGraphQL);
};

export const deliveries: WebhookResolvers['deliveries'] = async (webhook, { first }, ctx) => {
  const size = pageSize(first);
  const store = webhookStore(ctx.database);
  const rows = await usingWebhookDatabase(ctx.logger, () => store.deliveries(webhook.id!, size));
  return rows.map(deliveryToGraphQL);
};
