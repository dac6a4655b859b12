// Turns what docker-modem reports into the gateway's error vocabulary. Connection-level
// failures become ENGINE_UNAVAILABLE; the Engine's own HTTP errors keep their status so
// that mutations can turn 400/409 into userErrors the caller can act on.
import { GatewayError } from '../errors/gateway-error.ts';

/** The engine's words for "no leader" (moby/swarmkit `ErrNoLeader` and its hint). */
export const QUORUM_LOST_MESSAGE = /swarm does not have a leader|too few managers are online/i;

/** An HTTP error answered by the Engine (it received and refused the request). */
export class EngineRequestError extends Error {
  readonly status: number;
  readonly engineMessage: string;

  constructor(status: number, engineMessage: string) {
    super(`engine answered ${status}: ${engineMessage}`);
    this.name = 'EngineRequestError';
    this.status = status;
    this.engineMessage = engineMessage;
  }
}

/** Socket errors after which the request certainly never reached the engine. */
export const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'EACCES', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * What a failed Engine call says about the engine having acted on it, decided here once:
 * - `not_sent`: the request never reached an engine (refused connection, no socket, DNS):
 *   it certainly did nothing, and a write may be sent to another manager;
 * - `refused`: the engine received it and answered with an error status (or the gateway
 *   refused it before building a request, e.g. a reference outside Docker's grammar);
 * - `maybe`: the request may have reached the engine and no answer came (a timeout after
 *   sending, a reset or a hang-up mid-response), or the failure is of no known kind: the
 *   engine may or may not have made the change.
 */
export type EngineDelivery = 'not_sent' | 'refused' | 'maybe';

export function engineDelivery(err: unknown): EngineDelivery {
  if (err instanceof EngineRequestError) return 'refused';
  if (!(err instanceof GatewayError)) return 'maybe';
  if (err.code !== 'ENGINE_UNAVAILABLE') return 'refused';
  if (err.extensions.sent === false) return 'not_sent';
  return err.extensions.answered === true ? 'refused' : 'maybe';
}

export function isNotSent(err: unknown): boolean {
  return engineDelivery(err) === 'not_sent';
}

export function isNotManager(err: unknown): boolean {
  return err instanceof GatewayError && err.code === 'NOT_A_SWARM_MANAGER';
}

interface ModemError {
  statusCode?: number;
  json?: unknown;
  code?: string;
  message?: string;
}

function engineMessageOf(e: ModemError): string {
  const json = e.json as { message?: string } | string | Buffer | null | undefined;
  if (json && typeof json === 'object' && !Buffer.isBuffer(json) && typeof json.message === 'string') return json.message;
  if (typeof json === 'string') return json;
  if (Buffer.isBuffer(json)) return json.toString('utf8');
  return e.message ?? 'unknown engine error';
}

/** Maps one failed Engine call; `endpoint` is a display string without credentials. */
export function mapEngineError(err: unknown, endpoint: string): Error {
  if (err instanceof GatewayError || err instanceof EngineRequestError) return err;
  const e = (err ?? {}) as ModemError;
  // A redirect is never followed (endpoint.ts); the engine did not act on the request.
  if (typeof e.statusCode === 'number' && e.statusCode >= 300 && e.statusCode < 400) {
    return new GatewayError('ENGINE_UNAVAILABLE', `${endpoint} answered with a redirect, which the gateway does not follow`, { sent: true, answered: true });
  }
  if (typeof e.statusCode === 'number') {
    const message = engineMessageOf(e).trim();
    if (e.statusCode === 404) return new GatewayError('NOT_FOUND', message);
    // A dockerd whose swarm component is stopping answers the same with 500.
    if ((e.statusCode === 503 && /not a swarm manager|not part of a swarm|swarm is not initialized/i.test(message)) || (e.statusCode === 500 && /not a swarm manager/i.test(message))) {
      return new GatewayError('NOT_A_SWARM_MANAGER', `${endpoint} is not a swarm manager: ${message}`);
    }
    if (e.statusCode >= 500 && QUORUM_LOST_MESSAGE.test(message)) {
      // No Raft leader: the engine refused before changing anything; no manager can do better.
      return new GatewayError('SWARM_QUORUM_LOST', `the swarm has lost its quorum (${endpoint}): ${message}`, { sent: true, answered: true });
    }
    if (e.statusCode >= 500 && !/already part of a swarm|not part of a swarm|is in use|has active endpoints/i.test(message)) {
      // 500/503 with a cause the caller can't fix: keep the engine's words for the log.
      if (e.statusCode === 503) return new GatewayError('ENGINE_UNAVAILABLE', `${endpoint}: ${message}`, { sent: true, answered: true });
      return new EngineRequestError(e.statusCode, message);
    }
    return new EngineRequestError(e.statusCode, message);
  }
  if (e.code === 'ETIMEDOUT_GATEWAY') {
    return new GatewayError('ENGINE_UNAVAILABLE', `${endpoint} did not answer in time`, { sent: true });
  }
  if (e.code && NOT_SENT_CODES.has(e.code)) {
    return new GatewayError('ENGINE_UNAVAILABLE', `${endpoint} is unreachable (${e.code})`, { sent: false });
  }
  if (e.code) {
    return new GatewayError('ENGINE_UNAVAILABLE', `${endpoint} failed (${e.code})`, { sent: true });
  }
  return err instanceof Error ? err : new Error(String(err));
}
