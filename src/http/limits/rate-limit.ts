// Per-principal rate limiting (limits.rateLimitRequests per limits.rateLimitWindowSeconds;
// 0 requests turns it off), in memory with rate-limiter-flexible: each gateway process
// counts its own requests. The key is the principal's ID (`token:<id>`, `oidc:<sub>`); the
// anonymous principal is counted per client address, so one anonymous caller cannot use up
// everybody's budget. HTTP requests and graphql-ws subscribes draw on the same budget.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '../../auth/principal.ts';
import type { LimitSettings } from '../../config/access-config.ts';
import { GatewayError } from '../../errors/gateway-error.ts';

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

/**
 * `what` names the budget in refusals; the default is the per-principal request budget.
 */
export function principalRateLimit(settings: RateSettings, what = `at most ${settings.rateLimitRequests} per ${settings.rateLimitWindowSeconds} s for this principal (limits.rateLimitRequests)`): PrincipalRateLimit {
  const refusalOf = (msBeforeNext: number): RateLimitRefusal => {
    const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
    return { retryAfterSeconds, error: new GatewayError('RATE_LIMITED', `too many requests: ${what}; retry after ${retryAfterSeconds} s`, { retryAfterSeconds }) };
  };
  const limiter = settings.rateLimitRequests > 0 ? new RateLimiterMemory({ points: settings.rateLimitRequests, duration: settings.rateLimitWindowSeconds }) : null;

  const consume: PrincipalRateLimit['consume'] = async (principal, clientAddress) => {
    if (!limiter) return null;
    try {
      await limiter.consume(rateLimitKey(principal, clientAddress));
      return null;
    } catch (rejection) {
      // The memory limiter rejects only with its verdict; anything else is a bug to surface.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return refusalOf(rejection.msBeforeNext);
    }
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (!limiter) return next();
    consume(res.locals.principal as Principal | undefined, req.socket.remoteAddress).then(
      (refusal) => {
        if (!refusal) return next();
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
