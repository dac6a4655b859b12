// Whether one manager endpoint is worth trying first: a circuit breaker fed by requests and
// by a periodic `/_ping`. A manager that stops (or hangs while it goes away) is marked down
// by the first request or probe that fails to reach it, so later requests go straight to the
// next manager instead of each paying the full engine timeout. A down endpoint is still
// tried, last, when nothing else answers, and half-opens after OPEN_MS: one request may try
// it again; the probe closes it as soon as it answers.
import { GatewayError } from '../errors/gateway-error.ts';

/** How long an endpoint stays marked down before a request may try it again. */
export const OPEN_MS = 5_000;
/** How often each endpoint of a multi-manager cluster is pinged. */
export const PROBE_INTERVAL_MS = 2_000;
/** A ping slower than this marks the endpoint down (dockerd answers `/_ping` locally, in milliseconds). */
export const PROBE_TIMEOUT_MS = 1_500;

/**
 * A failure to reach the engine, as opposed to an engine's answer: refused, reset, no
 * socket, timed out. An engine that answered (even 503) is up; it just said no.
 */
export function isConnectionFailure(err: unknown): boolean {
  return err instanceof GatewayError && err.code === 'ENGINE_UNAVAILABLE' && err.extensions.answered !== true && 'sent' in err.extensions;
}

export class EndpointHealth {
  private downUntil = 0;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Marked down and not yet due for another try. */
  get isDown(): boolean {
    return this.now() < this.downUntil;
  }

  succeeded(): void {
    this.downUntil = 0;
  }

  failed(): void {
    this.downUntil = this.now() + OPEN_MS;
  }
}
