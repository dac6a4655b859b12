// The one rule for an audit log that fails under a request (an intent, a sensitive read, a
// read of the log): the caller gets AUDIT_UNAVAILABLE, which it may retry, never a masked
// INTERNAL, and the cause goes to the process log only. A GatewayError already says what
// failed (e.g. the audit layer's own AUDIT_UNAVAILABLE) and passes through as it is, as does
// a UserInputError (the caller's mistake, found while the work ran). The gateway's own tables
// (API tokens, webhooks, redeploy triggers) live in the same database and fail the same way.
import type { Logger } from 'pino';
import { GatewayError, UserInputError } from '../errors/gateway-error.ts';

export interface AuditFailure {
  logger: Logger;
  /** The process log's line, e.g. `audit intent could not be written`. */
  log: string;
  /** More for the log line (never the value being protected). */
  logFields?: Record<string, unknown>;
  /** What the caller is told. */
  refusal: string;
}

export async function orAuditUnavailable<T>(work: () => Promise<T>, failure: AuditFailure): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof GatewayError || err instanceof UserInputError) throw err;
    failure.logger.error({ err, ...failure.logFields }, failure.log);
    throw new GatewayError('AUDIT_UNAVAILABLE', failure.refusal);
  }
}
