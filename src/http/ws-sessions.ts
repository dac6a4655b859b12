// Who is on each graphql-ws connection. The credential comes in the connection_init
// payload (`{ authorization: 'Bearer ...' }`: browsers cannot set headers on a WebSocket)
// or the upgrade request's header; a refused connection is closed with 4403 and audited.
// Open connections are re-checked (credential-rechecks.ts), so a revoked API token or an
// expired JWT also ends the subscriptions it opened (closed with 4403, audited as
// auth_failed). A credential that cannot be checked now (token database down) closes a new
// connection with 1013 (try again later); an open one is kept until it can be checked again.
import { randomUUID } from 'node:crypto';
import type { Context as TraceContext } from '@opentelemetry/api';
import type { Context } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { AuthenticationError } from '../auth/authentication-error.ts';
import type { Principal } from '../auth/principal.ts';
import { isAuthUnavailable, recordAuthFailure } from './authenticate-request.ts';
import type { CredentialRechecks } from './credential-rechecks.ts';
import type { PrincipalRateLimit } from './limits/rate-limit.ts';

type WsContext = Context<Record<string, unknown> | undefined, Extra>;

/** WebSocket close code 1013, Try Again Later (RFC 6455 registry). */
const WS_TRY_AGAIN_LATER = 1013;

interface Session {
  principal: Principal;
  /** Ends the connection's re-checks. */
  release(): void;
}

export interface WsSessionDeps {
  authenticator: Authenticator;
  audit: AuditWriter;
  logger: Logger;
  /** Counts refused credentials per client address (limits.authFailuresPerAddress). */
  failures: PrincipalRateLimit;
  /** Verifies open connections' credentials again (shared with server-sent events). */
  rechecks: CredentialRechecks;
}

/** What the connection's operations (ws-server.ts) are told about, and asked for, at a re-check. */
export interface WsOperationsFollower {
  /** The connection's credential was refused: its operations end next (the socket closes with 4403). */
  revoked(ctx: WsContext, err: AuthenticationError): void;
  /** The trace the refusal's audit record belongs to (undefined: none). */
  traceContext(ctx: WsContext): TraceContext | undefined;
}

export class WsSessions {
  private readonly sessions = new Map<WsContext, Session>();
  private follower: WsOperationsFollower | undefined;

  constructor(private readonly deps: WsSessionDeps) {}

  follow(follower: WsOperationsFollower): void {
    this.follower = follower;
  }

  /** graphql-ws `onConnect`: true admits the connection, false closes it with 4403. */
  async connect(ctx: WsContext): Promise<boolean> {
    const request = ctx.extra.request;
    const given = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
    const authorization = typeof given === 'string' ? given : request.headers.authorization;
    try {
      const principal = await this.deps.authenticator.authenticate(authorization, request.socket.remoteAddress);
      const release = this.deps.rechecks.hold({
        authorization,
        clientAddress: request.socket.remoteAddress,
        userAgent: request.headers['user-agent'],
        traceContext: () => this.follower?.traceContext(ctx),
        revoked: (err) => {
          this.follower?.revoked(ctx, err);
          this.sessions.delete(ctx);
          ctx.extra.socket.close(4403, 'Forbidden: credentials no longer valid');
        },
      });
      this.sessions.set(ctx, { principal, release });
      return true;
    } catch (err) {
      if (isAuthUnavailable(err)) {
        // 1013 "try again later": the credential was not refused, it could not be checked now.
        ctx.extra.socket.close(WS_TRY_AGAIN_LATER, 'AUTH_UNAVAILABLE: credentials cannot be verified now; retry shortly');
        return false;
      }
      if (!(err instanceof AuthenticationError)) throw err;
      await this.refused(ctx, err, '(subscription connection)');
      return false;
    }
  }

  principalOf(ctx: WsContext): Principal | undefined {
    return this.sessions.get(ctx)?.principal;
  }

  close(ctx: WsContext): void {
    this.sessions.get(ctx)?.release();
    this.sessions.delete(ctx);
  }

  private async refused(ctx: WsContext, err: AuthenticationError, operation: string): Promise<void> {
    const request = ctx.extra.request;
    await recordAuthFailure(this.deps, err, { requestId: randomUUID(), clientAddress: request.socket.remoteAddress, userAgent: request.headers['user-agent'], operation });
  }
}
