// Join tokens must never reach a response, a log line or the audit log. Engine errors
// from a join are passed through this before anything else sees them.
import { EngineRequestError } from '../../docker/engine-errors.ts';
import { GatewayError } from '../../errors/gateway-error.ts';

const REDACTED = '[redacted]';

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join(REDACTED);
  // Anything shaped like a swarm token, in case the engine echoed a token we did not send.
  return out.replace(/SWMTKN-[0-9A-Za-z-]+/g, REDACTED);
}

/** The same error with every secret removed from its message. */
export function withoutSecrets(err: unknown, secrets: readonly string[]): unknown {
  if (err instanceof EngineRequestError) return new EngineRequestError(err.status, scrub(err.engineMessage, secrets));
  if (err instanceof GatewayError) return new GatewayError(err.code, scrub(err.message, secrets), err.extensions);
  if (err instanceof Error) return new Error(scrub(err.message, secrets));
  return new Error(scrub(String(err), secrets));
}
