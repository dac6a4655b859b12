// Per-principal rate limiting (limits.rateLimitRequests per limits.rateLimitWindowSeconds;
// 0 requests turns it off) with rate-limiter-flexible. On PostgreSQL the counts live in the
// database (table rate_limits, RateLimiterPostgres), so every gateway process on it draws on
// one budget; when the database does not answer, each process counts in memory meanwhile
// (the library's insurance limiter), so an outage never turns limits into refusals or
// errors, and N replicas then allow at most N budgets. The embedded database belongs to one
// process, which counts in memory. The key is the principal's ID (`token:<id>`, `oidc:<sub>`); the
// anonymous principal is counted per client address, so one anonymous caller cannot use up
// everybody's budget. HTTP requests and graphql-ws subscribes draw on the same budget.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Principal } from '../../auth/principal.ts';
import type { LimitSettings } from '../../config/access-config.ts';
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Database } from '../../db/client.ts';
import { openPgPool } from '../../db/pg-connections.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { requestLogger } from '../request-logger.ts';

type RateSettings = Pick<LimitSettings, 'rateLimitRequests' | 'rateLimitWindowSeconds'>;

export interface RateLimitRefusal {
  retryAfterSeconds: number;
  error: GatewayError;
}

export interface PrincipalRateLimit {
  /** Express middleware for `/graphql`, after authentication: 429 RATE_LIMITED with Retry-After. */
  middleware: RequestHandler;
  /** Counts one request of `principal`; the refusal when it is over the limit, else null. */
  consume(principal: Pick<Principal, 'id' | 'clientAddress'> | undefined, clientAddress?: string): Promise<RateLimitRefusal | null>;
  /** For graphql-ws `onSubscribe`: the errors to answer the subscribe with, or undefined to go on. */
  subscribeErrors(principal: Pick<Principal, 'id' | 'clientAddress'> | undefined): Promise<GraphQLError[] | undefined>;
}

/** The rate-limit key of a request: the principal, or the client address for anonymous callers. */
export function rateLimitKey(principal: Pick<Principal, 'id' | 'clientAddress'> | undefined, clientAddress?: string): string {
  if (principal && principal.id !== 'anonymous') return principal.id;
  return `anonymous@${principal?.clientAddress ?? clientAddress ?? 'unknown'}`;
}

/** Where the counts are shared: a PostgreSQL pool (src/db/pg-connections.ts) and the budget's name in the keys. */
export interface SharedRateStore {
  /**
   * A `pg` Pool on the gateway's database (migrated: table rate_limits exists), with a short
   * connect and query timeout: past it this process counts in memory (a hung database).
   */
  pool: object;
  /** Keeps this budget's keys apart from another's in the one table: `requests`, `auth-failures`. */
  budget: string;
}

/** The table of prisma/migrations/*_rate_limits. */
export const RATE_LIMIT_TABLE = 'rate_limits';
/** Past this a shared count is given up for this process's own (a hung database must not hold requests). */
const SHARED_COUNT_TIMEOUT_MS = 1_000;

/** The pool shared budgets are counted through, on PostgreSQL; undefined for the embedded database (one process). */
export async function sharedRatePool(database: Pick<Database, 'kind' | 'url'> | undefined, logger: Logger): Promise<pg.Pool | undefined> {
  if (database?.kind !== 'postgres' || !database.url) return undefined;
  return openPgPool(database.url, (err) => logger.warn({ err }, 'a rate-limit connection to PostgreSQL failed; counting in memory until it answers'), {
    max: 4,
    timeoutMs: SHARED_COUNT_TIMEOUT_MS,
  });
}

/**
 * `what` names the budget in refusals; the default is the per-principal request budget.
 * `shared`: counted in PostgreSQL for every process; without it, in this process's memory.
 * `logger`: the middleware's refusals are logged at info through the request's logger.
 */
export function principalRateLimit(
  settings: RateSettings,
  what = `at most ${settings.rateLimitRequests} per ${settings.rateLimitWindowSeconds} s for this principal (limits.rateLimitRequests)`,
  shared?: SharedRateStore,
  logger?: Logger,
): PrincipalRateLimit {
  const refusalOf = (msBeforeNext: number): RateLimitRefusal => {
    const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return { retryAfterSeconds, error: new GatewayError('RATE_LIMITED', `too many requests: ${what}; retry after ${retryAfterSeconds} s`, { retryAfterSeconds }) };
  };
  const limiter = settings.rateLimitRequests > 0 ? limiterOf(settings, shared) : null;

  const consume: PrincipalRateLimit['consume'] = async (principal, clientAddress) => {
    if (!limiter) return null;
    try {
      await limiter.consume(rateLimitKey(principal, clientAddress));
      return null;
    } catch (rejection) {
      // Both limiters reject only with their verdict (a store failure goes to the insurance); anything else is a bug to surface.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return refusalOf(rejection.msBeforeNext);
    }
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (!limiter) return next();
    consume(res.locals.principal as Principal | undefined, req.socket.remoteAddress).then(
      (refusal) => {
        if (!refusal) return next();
        if (logger) requestLogger(logger, res).info({ code: refusal.error.code }, `request refused: ${refusal.error.message}`);
        sendRateLimited(res, refusal);
      },
      next,
    );
  };

  return {
    middleware,
    consume,

    async subscribeErrors(principal) {
      const refusal = await consume(principal);
      if (!refusal) return undefined;
      return [new GraphQLError(refusal.error.message, { originalError: refusal.error, extensions: { code: refusal.error.code, ...refusal.error.extensions } })];
    },
  };
}

function limiterOf(settings: RateSettings, shared: SharedRateStore | undefined): RateLimiterAbstract {
  const budget = { points: settings.rateLimitRequests, duration: settings.rateLimitWindowSeconds };
  const memory = new RateLimiterMemory(budget);
  if (!shared) return memory;
  return new RateLimiterPostgres({
    ...budget,
    storeClient: shared.pool,
    storeType: 'pool',
    tableName: RATE_LIMIT_TABLE,
    // The migration made it; the library would otherwise create its own, unknown to the schema.
    tableCreated: true,
    keyPrefix: shared.budget,
    insuranceLimiter: memory,
  });
}

/** Answers 429 RATE_LIMITED with Retry-After and a GraphQL-shaped body. */
export function sendRateLimited(res: Response, refusal: RateLimitRefusal): void {
  res
    .status(429)
    .set('retry-after', String(refusal.retryAfterSeconds))
    .json({ errors: [{ message: refusal.error.message, extensions: { code: refusal.error.code, ...refusal.error.extensions } }] });
}

/** The HTTP middleware alone, with a budget of its own (use principalRateLimit to share it with graphql-ws). */
export function rateLimit(settings: RateSettings): RequestHandler {
  return principalRateLimit(settings).middleware;
}
