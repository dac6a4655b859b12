// The webhook store of a request. Webhooks live in the gateway's database: a gateway started
// without one has none and says so (AUDIT_UNAVAILABLE, as API tokens do); a database that
// fails to answer is AUDIT_UNAVAILABLE too (logged), which the caller may retry.
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { GatewayError, UserInputError } from '../../errors/gateway-error.ts';
import { WebhookStore } from '../../webhooks/webhook-store.ts';

export function webhookStore(database: Database | null): WebhookStore {
  if (!database) throw new GatewayError('AUDIT_UNAVAILABLE', 'webhooks are kept in the gateway\'s database, and this gateway runs without one');
  return new WebhookStore(database);
}

export async function usingWebhookDatabase<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof GatewayError || err instanceof UserInputError) throw err;
    logger.error({ err }, 'the webhook tables could not be read or written');
    throw new GatewayError('AUDIT_UNAVAILABLE', 'the gateway\'s database did not answer; try again later');
  }
}
