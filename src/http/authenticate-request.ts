// Authentication for HTTP routes that need a caller (/graphql, /audit/export): the
// Authorization header becomes `res.locals.principal`, or the request is answered 401
// UNAUTHENTICATED with a WWW-Authenticate header (RFC 6750) and an `auth_failed` record
// in the audit log saying why (expired, wrong issuer, unknown key, ...). Credentials that
// cannot be checked now (the token database is down or hung) are a 503 AUTH_UNAVAILABLE.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { AuthenticationError } from '../auth/authentication-error.ts';
import type { Principal } from '../auth/principal.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import type { Logger } from 'pino';
import { requestLogger } from './request-logger.ts';
import { sendRateLimited, type PrincipalRateLimit, type RateLimitRefusal } from './limits/rate-limit.ts';

export const REALM = 'swarm-gateway';

export interface AuthenticationDeps {
  authenticator: Authenticator;
  audit: AuditWriter;
  /** Counts refused credentials per client address (limits.authFailuresPerAddress). */
  failures: PrincipalRateLimit;
  /** Refusals are logged at info (unavailable credentials at warn), through the request's logger. */
  logger: Logger;
}

export function authenticateRequests(deps: AuthenticationDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const clientAddress = req.socket.remoteAddress;
    try {
      res.locals.principal = await deps.authenticator.authenticate(req.get('authorization'), clientAddress);
    } catch (err) {
      const log = requestLogger(deps.logger, res);
      if (isAuthUnavailable(err)) {
        log.warn({ code: 'AUTH_UNAVAILABLE' }, `credentials could not be verified: ${err.message}`);
        sendAuthUnavailable(res, err);
        return;
      }
      if (!(err instanceof AuthenticationError)) {
        next(err);
        return;
      }
      const flooding = await recordAuthFailure(deps, err, {
        requestId: String(res.locals.requestId),
        clientAddress,
        userAgent: req.get('user-agent'),
        operation: operationOf(req),
      });
      if (flooding) {
        log.info({ code: flooding.error.code, reason: err.reason }, `refused credentials, over the address's budget: ${flooding.error.message}`);
        sendRateLimited(res, flooding);
        return;
      }
      log.info({ code: 'UNAUTHENTICATED', reason: err.reason }, `refused credentials: ${err.message}`);
      res
        .status(401)
        .set('WWW-Authenticate', wwwAuthenticate(err))
        .json({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED', reason: err.reason } }] });
      return;
    }
    next();
  };
}

/** Seconds a client should wait before retrying when credentials could not be verified. */
export const AUTH_RETRY_AFTER_SECONDS = 5;

/** The credential could not be checked (the token database is down or hung): not the caller's fault. */
export function isAuthUnavailable(err: unknown): err is GatewayError {
  return err instanceof GatewayError && err.code === 'AUTH_UNAVAILABLE';
}

/** 503 with Retry-After: nothing ran, no auth_failed record (the credential was not refused). */
function sendAuthUnavailable(res: Response, err: GatewayError): void {
  res
    .status(503)
    .set('Retry-After', String(AUTH_RETRY_AFTER_SECONDS))
    .json({ errors: [{ message: err.message, extensions: { code: 'AUTH_UNAVAILABLE', retryAfterSeconds: AUTH_RETRY_AFTER_SECONDS } }] });
}

/** RFC 6750: no error attribute when no credentials were sent. */
export function wwwAuthenticate(err: AuthenticationError): string {
  if (err.reason === 'missing_credentials') return `Bearer realm="${REALM}"`;
  const code = err.reason === 'malformed_header' ? 'invalid_request' : 'invalid_token';
  // RFC 6750 allows printable ASCII but `"` and `\` in error_description; anything else would break the header.
  const description = err.message.replace(/["\\]/g, "'").replace(/[^\x20-\x7E]/g, '');
  return `Bearer realm="${REALM}", error="${code}", error_description="${description}"`;
}

/**
 * Counts a refused credential against its client address and writes the `auth_failed`
 * record. An address over limits.authFailuresPerAddress gets the rate-limit refusal back
 * and no record, so a flood of bad tokens cannot fill the audit log (good credentials from
 * it still pass).
 */
export async function recordAuthFailure(
  deps: { audit: AuditWriter; failures: PrincipalRateLimit },
  err: AuthenticationError,
  request: { requestId: string; clientAddress: string | undefined; userAgent: string | undefined; operation: string },
): Promise<RateLimitRefusal | null> {
  const flooding = await deps.failures.consume(undefined, request.clientAddress);
  if (!flooding) await auditAuthFailure(deps, err, request);
  return flooding;
}

async function auditAuthFailure(
  deps: { audit: AuditWriter },
  err: AuthenticationError,
  request: { requestId: string; clientAddress: string | undefined; userAgent: string | undefined; operation: string },
): Promise<void> {
  const principal: Principal = { id: 'unauthenticated', kind: 'anonymous', grants: [], clientAddress: request.clientAddress };
  await deps.audit.refusal(
    { requestId: request.requestId, principal, userAgent: request.userAgent, cluster: undefined, operation: request.operation, target: undefined, input: null },
    { kind: 'auth_failed', errorCode: 'UNAUTHENTICATED', decision: { allowed: false, reason: err.reason, ...err.hints } },
  );
}

/** Where GraphQL requests arrive over HTTP: queries and mutations, and subscriptions over server-sent events. */
const GRAPHQL_MOUNTS = new Set(['/graphql', '/graphql/stream']);

/** The root fields a GraphQL request asks for (`services,networks`), for the audit record; or the route. */
function operationOf(req: Request): string {
  // Mounted routers see their path without the mount point (`/export` under `/audit`).
  if (!req.path.startsWith('/graphql') && !GRAPHQL_MOUNTS.has(req.baseUrl)) return `${req.baseUrl}${req.path}`;
  const source = typeof req.body?.query === 'string' ? req.body.query : typeof req.query.query === 'string' ? req.query.query : undefined;
  if (!source || source.length > 100_000) return '(graphql)';
  try {
    const doc = parse(source, { maxTokens: 10_000 });
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    const fields = op?.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])) ?? [];
    return fields.length > 0 ? fields.slice(0, 5).join(',') : '(graphql)';
  } catch {
    return '(graphql)';
  }
}
