// The webhook store of a request. Webhooks live in the gateway's database: a gateway started
// without one has none and says so (AUDIT_UNAVAILABLE, as API tokens do); a database that
// fails to answer is AUDIT_UNAVAILABLE too (logged), which the caller may retry.
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { orAuditUnavailable } from '../audit-unavailable.ts';
import { WebhookStore } from '../../webhooks/webhook-store.ts';

export function webhookStore(database: Database | null): WebhookStore {
  if (!database) throw new GatewayError('AUDIT_UNAVAILABLE', 'webhooks are kept in the gateway\'s database, and this gateway runs without one');
  return new WebhookStore(database);
}

export function usingWebhookDatabase<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  return orAuditUnavailable(work, { logger, log: 'the webhook tables could not be read or written', refusal: 'the gateway\'s database did not answer; try again later' });
}
