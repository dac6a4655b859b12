// The token store of a request. Tokens live in the gateway's database (the audit log's):
// a gateway started without one has no tokens, and says so. A database that fails to
// answer is AUDIT_UNAVAILABLE as for the audit log (logged with the request ID): the
// caller can retry, unlike a masked INTERNAL.
import { ApiTokenStore } from '../../auth/tokens/index.ts';
import { GatewayError, UserInputError } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';

export function tokenStore(ctx: Pick<GatewayContext, 'database'>): ApiTokenStore {
  if (!ctx.database) throw new GatewayError('AUDIT_UNAVAILABLE', 'API tokens are kept in the gateway\'s database, and this gateway runs without one');
  return new ApiTokenStore(ctx.database);
}

export async function usingTokenDatabase<T>(ctx: Pick<GatewayContext, 'logger'>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof GatewayError || err instanceof UserInputError) throw err;
    ctx.logger.error({ err }, 'the API token table could not be read or written');
    throw new GatewayError('AUDIT_UNAVAILABLE', 'the gateway\'s database did not answer; try again later');
  }
}

/**
 * `auth.maxTokenDays`, from the auth settings the HTTP layer puts in the context deps
 * (`auth: config.auth`); undefined when absent (no limit).
 */
export function maxTokenDaysOf(ctx: Pick<GatewayContext, 'auth'>): number | undefined {
  return ctx.auth.maxTokenDays;
}
