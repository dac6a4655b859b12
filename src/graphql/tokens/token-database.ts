// The token store of a request. Tokens live in the gateway's database (the audit log's):
// a gateway started without one has no tokens, and says so. A database that fails to
// answer is AUDIT_UNAVAILABLE as for the audit log (logged with the request ID): the
// caller can retry, unlike a masked INTERNAL.
import { ApiTokenStore } from '../../auth/tokens/index.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { orAuditUnavailable } from '../audit-unavailable.ts';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';

/** `database`: the context's (null when the gateway runs without one). */
export function tokenStore(database: Database | null): ApiTokenStore {
  if (!database) throw new GatewayError('AUDIT_UNAVAILABLE', 'API tokens are kept in the gateway\'s database, and this gateway runs without one');
  return new ApiTokenStore(database);
}

export function usingTokenDatabase<T>(logger: Logger, work: () => Promise<T>): Promise<T> {
  return orAuditUnavailable(work, { logger, log: 'the API token table could not be read or written', refusal: 'the gateway\'s database did not answer; try again later' });
}
