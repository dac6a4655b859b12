// Stored webhooks and deliveries as GraphQL shows them (never the secret).
import type { WebhookCreatePayload, WebhookDelivery, WebhookDeliveryStatus, WebhookEvent, WebhookUpdatePayload } from '../../generated/graphql.ts';
import type { WebhookModel } from './webhook-model.ts';
import type { DeliveryRow, WebhookRow } from '../../webhooks/webhook-store.ts';

/** The mutations' payloads as their resolvers return them (the webhook as its model). */
export type WebhookCreatePayloadModel = Omit<WebhookCreatePayload, 'webhook'> & { webhook: WebhookModel | null };
export type WebhookUpdatePayloadModel = Omit<WebhookUpdatePayload, 'webhook'> & { webhook: WebhookModel | null };

export function webhookToGraphQL(row: WebhookRow): WebhookModel {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookModel['events'],
    cluster: row.cluster,
    scope: row.scope,
    description: row.description,
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function deliveryToGraphQL(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event: row.event as WebhookEvent,
    status: row.status as WebhookDeliveryStatus,
    attempts: row.attempts,
    lastStatusCode: row.lastStatus,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: row.status === 'PENDING' ? (row.nextAttemptAt?.toISOString() ?? null) : null,
  };
}
