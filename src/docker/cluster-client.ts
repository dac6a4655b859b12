// A cluster's Engine API as one client: requests go to the manager endpoint that last
// answered, and fail over to the next one when it cannot be reached or is no longer a
// manager. Writes only fail over when the request certainly never reached an engine, so
// a change is never sent twice.
import type { ClusterConfig } from '../config/config.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import { EngineEndpoint, type EngineRequest } from './endpoint.ts';
import { isNotManager, isNotSent } from './engine-errors.ts';

export class ClusterClient {
  readonly name: string;
  readonly endpoints: EngineEndpoint[];
  private preferred = 0;

  constructor(config: ClusterConfig, timeoutMs: number) {
    this.name = config.name;
    this.endpoints = config.managers.map((m) => new EngineEndpoint(m, timeoutMs));
  }

  /** The endpoint requests go to first. */
  get current(): EngineEndpoint {
    return this.endpoints[this.preferred]!;
  }

  async request<T>(req: EngineRequest): Promise<T> {
    const isRead = req.method === 'GET';
    let lastError: unknown;
    for (let attempt = 0; attempt < this.endpoints.length; attempt++) {
      const index = (this.preferred + attempt) % this.endpoints.length;
      const endpoint = this.endpoints[index]!;
      try {
        const result = await endpoint.request<T>(req);
        this.preferred = index;
        return result;
      } catch (err) {
        lastError = err;
        // Reads may be retried anywhere; writes only when the engine never saw them.
        const retriable = isNotSent(err) || isNotManager(err) || (isRead && err instanceof GatewayError && err.code === 'ENGINE_UNAVAILABLE');
        if (!retriable) throw err;
      }
    }
    if (this.endpoints.length > 1 && lastError instanceof GatewayError && lastError.code === 'ENGINE_UNAVAILABLE') {
      throw new GatewayError('ENGINE_UNAVAILABLE', `no manager endpoint of cluster "${this.name}" answered (${lastError.message})`);
    }
    throw lastError;
  }

  /** Opens a stream on the first endpoint that answers (streams are reads: any endpoint will do). */
  async stream(req: EngineRequest, signal: AbortSignal): Promise<NodeJS.ReadableStream> {
    let lastError: unknown;
    for (let attempt = 0; attempt < this.endpoints.length; attempt++) {
      const index = (this.preferred + attempt) % this.endpoints.length;
      try {
        const stream = await this.endpoints[index]!.stream(req, signal);
        this.preferred = index;
        return stream;
      } catch (err) {
        lastError = err;
        if (!(err instanceof GatewayError && (err.code === 'ENGINE_UNAVAILABLE' || err.code === 'NOT_A_SWARM_MANAGER'))) throw err;
      }
    }
    throw lastError;
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
}
