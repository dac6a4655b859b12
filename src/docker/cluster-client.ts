// A cluster's Engine API as one client. Every request walks the manager endpoints itself,
// in configured order with those marked down (endpoint-health.ts) last; nothing is shared
// between requests but that health, so concurrent requests cannot steer each other past a
// healthy manager. A failure to connect moves on at once. Writes only fail over when no
// engine acted on them (never sent, or a node that is not a manager: engine-errors.ts), so
// a change is never sent twice; reads and streams fail over on any connection failure and
// on a node that answers it cannot serve as a manager now.
import { GatewayError, isNotFound } from '../errors/gateway-error.ts';
import type { ClusterOptions } from './connection-options.ts';
import type { EngineCallListeners } from './engine-calls.ts';
import { EndpointHealth, isConnectionFailure, isManagerUnavailable, PROBE_INTERVAL_MS, PROBE_TIMEOUT_MS } from './endpoint-health.ts';
import type { Info } from './engine-api/index.ts';
import { EngineEndpoint, type EngineRequest } from './endpoint.ts';
import { isNotManager, isNotSent } from './engine-errors.ts';

export class ClusterClient {
  readonly name: string;
  readonly endpoints: EngineEndpoint[];
  private readonly health: EndpointHealth[];
  private readonly probeTimer: NodeJS.Timeout | undefined;

  constructor(config: ClusterOptions, timeoutMs: number, calls?: EngineCallListeners) {
    this.name = config.name;
    this.endpoints = config.managers.map((m) => new EngineEndpoint(m, timeoutMs, calls));
    this.health = this.endpoints.map(() => new EndpointHealth());
    // With one endpoint there is nothing to fail over to: no probe.
    if (this.endpoints.length > 1) {
      this.probeTimer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
      this.probeTimer.unref();
    }
  }

  request<T>(req: EngineRequest): Promise<T> {
    return this.failover(req, (endpoint) => endpoint.request<T>(req));
  }

  /** Opens a stream (events, followed logs) on the first endpoint that answers; streams are reads. */
  stream(req: EngineRequest, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
    return this.failover(req, (endpoint) => endpoint.stream(req, signal));
  }

  /** Whether some manager endpoint answers as a swarm manager (for /readyz). */
  async ready(): Promise<boolean> {
    try {
      await this.request({ method: 'GET', path: '/swarm' });
      return true;
    } catch {
      return false;
    }
  }

  /** Stops the health probe (the timer is unref'd, so this is only for tidy shutdowns). */
  close(): void {
    if (this.probeTimer) clearInterval(this.probeTimer);
  }

  /** Endpoint indexes in the order this request tries them: up ones as configured, then those marked down. */
  private order(): number[] {
    const up: number[] = [];
    const down: number[] = [];
    this.health.forEach((h, i) => (h.isDown ? down : up).push(i));
    return [...up, ...down];
  }

  private async failover<T>(req: EngineRequest, send: (endpoint: EngineEndpoint) => Promise<T>): Promise<T> {
    const isRead = req.method === 'GET';
    let lastError: unknown;
    for (const index of this.order()) {
      const health = this.health[index]!;
      try {
        const result = await send(this.endpoints[index]!);
        health.succeeded();
        return result;
      } catch (err) {
        lastError = err;
        // A dockerd whose swarm component is stopping looks swarm objects up locally and
        // answers 404 for ones that exist; a 404 from a node that is no working manager now
        // is such a refusal (it acted on nothing), not the answer.
        const notFoundByNonManager = isNotFound(err) && this.endpoints.length > 1 && !(await this.isWorkingManager(index));
        const endpointDown = isConnectionFailure(err) || isManagerUnavailable(err) || notFoundByNonManager;
        if (endpointDown) health.failed();
        // Reads may be retried anywhere; writes only when no engine acted on them.
        const retriable = isNotSent(err) || isNotManager(err) || notFoundByNonManager || (isRead && endpointDown);
        if (!retriable) throw err;
      }
    }
    if (this.endpoints.length > 1 && lastError instanceof GatewayError && lastError.code === 'ENGINE_UNAVAILABLE') {
      throw new GatewayError('ENGINE_UNAVAILABLE', `no manager endpoint of cluster "${this.name}" answered (${lastError.message})`, lastError.extensions);
    }
    throw lastError;
  }

  /** Whether endpoint `index` says it is a working manager (`Swarm.ControlAvailable` in `/info`). */
  private async isWorkingManager(index: number): Promise<boolean> {
    try {
      const info = await this.endpoints[index]!.request<Info>({ method: 'GET', path: '/info', timeoutMs: PROBE_TIMEOUT_MS });
      return info.Swarm?.ControlAvailable === true;
    } catch {
      return false;
    }
  }

  /**
   * Asks every endpoint whether it is a working manager (`/info`: `Swarm.ControlAvailable`,
   * from the node's own state, so it answers without a Raft leader too): yes closes its
   * breaker; no, an error or no answer in time opens it. `/_ping` would not do: a dockerd
   * shutting down still answers it while it already refuses cluster requests.
   */
  private async probe(): Promise<void> {
    await Promise.all(
      this.endpoints.map(async (_endpoint, i) => {
        if (await this.isWorkingManager(i)) this.health[i]!.succeeded();
        else this.health[i]!.failed();
      }),
    );
  }
}
