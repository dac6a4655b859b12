// Whether one manager endpoint is worth trying first: a circuit breaker fed by requests and
// by a periodic probe. A manager that stops (or hangs, or answers "not a swarm manager" while
// its dockerd shuts down, which took 9-13 s here) is marked down by the first request or
// probe that meets it, so later requests go straight to the next manager instead of each
// paying the full engine timeout. A down endpoint is still tried, last, when nothing else
// answers, and half-opens after OPEN_MS: one request may try it again; the probe closes it
// as soon as the node answers as a working manager again.
import { GatewayError } from '../errors/gateway-error.ts';

/** How long an endpoint stays marked down before a request may try it again. */
export const OPEN_MS = 5_000;
/** How often each endpoint of a multi-manager cluster is probed. */
export const PROBE_INTERVAL_MS = 2_000;
/** A probe slower than this marks the endpoint down (dockerd answers `/info` from local state, in milliseconds). */
export const PROBE_TIMEOUT_MS = 1_500;

/**
 * A failure to reach the engine, as opposed to an engine's answer: refused, reset, no
 * socket, timed out. An engine that answered (even 503) is up; it just said no.
 */
export function isConnectionFailure(err: unknown): boolean {
  return err instanceof GatewayError && err.code === 'ENGINE_UNAVAILABLE' && err.extensions.answered !== true && 'sent' in err.extensions;
}

/**
 * The engine answered that it cannot serve as a manager now: not a manager (any more), or
 * 503 with its manager component unreachable (`rpc error: code = Unavailable`, as a dockerd
 * that is shutting down answers). It acted on nothing.
 */
export function isManagerUnavailable(err: unknown): boolean {
  return err instanceof GatewayError && (err.code === 'NOT_A_SWARM_MANAGER' || (err.code === 'ENGINE_UNAVAILABLE' && err.extensions.answered === true));
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
