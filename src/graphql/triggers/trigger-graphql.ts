// A stored redeploy trigger as the GraphQL `RedeployTrigger` shows it (never its hash), and
// the store of a request: triggers live in the gateway's database, so a gateway without one
// has none (AUDIT_UNAVAILABLE, as for API tokens), and a database that fails is retryable.
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import type { RedeployTrigger, TriggerAction } from '../../generated/graphql.ts';
import { TriggerStore, type TriggerRow } from '../../triggers/index.ts';
import { orAuditUnavailable } from '../audit-unavailable.ts';

export function triggerToGraphQL(row: TriggerRow): RedeployTrigger {
  return {
    id: row.id,
    path: `/triggers/${row.id}`,
    cluster: row.cluster,
    serviceId: row.serviceId,
    serviceName: row.serviceName,
    action: row.action as TriggerAction,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastFiredAt: row.lastFiredAt?.toISOString() ?? null,
  };
}

/** `database`: the context's (null when the gateway runs without one). */
export function triggerStore(database: Database | null): TriggerStore {
  if (!database) throw new GatewayError('AUDIT_UNAVAILABLE', 'redeploy triggers are kept in the gateway\'s database, and this gateway runs without one');
  return new TriggerStore(database);
}

export function usingTriggerDatabase<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  return orAuditUnavailable(work, { logger, log: 'the redeploy trigger table could not be read or written', refusal: 'the gateway\'s database did not answer; try again later' });
}
