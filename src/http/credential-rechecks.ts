// Long-lived requests live only as long as their credentials: every open graphql-ws
// connection and every server-sent-event stream is registered here with the Authorization
// it was opened with, and verified again every `recheckMs` (credentialRecheckMs, 30 s by
// default). A revoked API token or an expired JWT is refused as on a new request (an
// `auth_failed` audit record) and the holder is told to end: graphql-ws closes the socket
// with 4403, an event stream sends UNAUTHENTICATED and ends. A credential that cannot be
// checked now (token database down) keeps the connection until it can be checked again.
import { randomUUID } from 'node:crypto';
import { context, type Context } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { AuthenticationError } from '../auth/authentication-error.ts';
import { recordAuthFailure } from './authenticate-request.ts';
import type { PrincipalRateLimit } from './limits/rate-limit.ts';

export interface HeldCredential {
  authorization: string | undefined;
  clientAddress: string | undefined;
  userAgent: string | undefined;
  /** The trace of the subscription it serves, for the refusal's audit record (undefined: none). */
  traceContext?(): Context | undefined;
  /** Called once the credential is refused (after its audit record); the holder ends what it opened. */
  revoked(err: AuthenticationError): void;
}

export interface CredentialRecheckDeps {
  authenticator: Authenticator;
  audit: AuditWriter;
  logger: Logger;
  /** Counts refused credentials per client address (limits.authFailuresPerAddress). */
  failures: PrincipalRateLimit;
  recheckMs: number;
}

export class CredentialRechecks {
  private readonly held = new Set<HeldCredential>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly deps: CredentialRecheckDeps) {
    this.timer = setInterval(() => void this.recheck(), deps.recheckMs);
    this.timer.unref();
  }

  /** Registers a credential for the re-checks; the returned function unregisters it. */
  hold(credential: HeldCredential): () => void {
    this.held.add(credential);
    return () => void this.held.delete(credential);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async recheck(): Promise<void> {
    for (const credential of [...this.held]) {
      try {
        await this.deps.authenticator.authenticate(credential.authorization, credential.clientAddress);
      } catch (err) {
        if (!(err instanceof AuthenticationError)) {
          this.deps.logger.error({ err }, "a subscription's credentials could not be checked again");
          continue;
        }
        // Gone meanwhile (the client left during the check): nothing to end, nothing to record.
        if (!this.held.delete(credential)) continue;
        await context.with(credential.traceContext?.() ?? context.active(), () => recordAuthFailure(this.deps, err, {
          requestId: randomUUID(), clientAddress: credential.clientAddress, userAgent: credential.userAgent, operation: '(subscription credentials re-checked)',
        }));
        credential.revoked(err);
      }
    }
  }
}
