// What a Webhook resolves from (codegen's mapper for `Webhook`): the stored webhook's fields
// without the secret and without deliveries, which Webhook.deliveries reads itself. It
// imports nothing generated, so the generated types can import it without a cycle.
import type { WebhookEventName } from '../../webhooks/webhook-store.ts';

export interface WebhookModel {
  id: string;
  url: string;
  events: WebhookEventName[];
  cluster: string | null;
  scope: string | null;
  description: string | null;
  enabled: boolean;
  createdBy: string;
  /** ISO 8601, as the DateTime scalar travels. */
  createdAt: string;
}
