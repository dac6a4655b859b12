// The clusters and named engines from the configuration, as clients, and each cluster's
// watched state (when enabled). Built once at start-up and shared by all requests.
import { GatewayError } from '../errors/gateway-error.ts';
import { ClusterClient } from './cluster-client.ts';
import type { EngineRegistryOptions } from './connection-options.ts';
import { EngineCallListeners } from './engine-calls.ts';
import { EngineEndpoint } from './endpoint.ts';
import { WatchedCluster } from './watch/watched-cluster.ts';

export interface NamedEngine {
  name: string;
  cluster: string | undefined;
  endpoint: EngineEndpoint;
}

export class EngineRegistry {
  readonly defaultCluster: string;
  /** Hears of every Engine API call of every cluster and engine here (the gateway's /metrics). */
  readonly engineCalls = new EngineCallListeners();
  private readonly clusters = new Map<string, ClusterClient>();
  private readonly engines = new Map<string, NamedEngine>();
  private readonly watched = new Map<string, WatchedCluster>();

  constructor(config: EngineRegistryOptions) {
    this.defaultCluster = config.defaultCluster;
    const watch = config.engine.watch;
    for (const c of config.clusters) {
      const client = new ClusterClient(c, config.engine.timeoutMs, this.engineCalls);
      this.clusters.set(c.name, client);
      // Each watcher starts with the first read of its cluster (WatchedCluster.current).
      if (watch?.enabled) this.watched.set(c.name, new WatchedCluster(client, watch));
    }
    for (const e of config.engines) {
      this.engines.set(e.name, { name: e.name, cluster: e.cluster, endpoint: new EngineEndpoint(e.endpoint, config.engine.timeoutMs, this.engineCalls) });
    }
  }

  clusterNames(): string[] {
    return [...this.clusters.keys()];
  }

  /** The named cluster, or the default one; NOT_FOUND for a name that is not configured. */
  cluster(name?: string | null): ClusterClient {
    const key = name ?? this.defaultCluster;
    const client = this.clusters.get(key);
    if (!client) throw new GatewayError('NOT_FOUND', `cluster "${key}" is not configured (configured: ${this.clusterNames().join(', ')})`);
    return client;
  }

  /** The cluster's watched state, or null when the gateway reads the engine on every request (`engine.watch.enabled: false`). */
  watchOf(client: ClusterClient): WatchedCluster | null {
    return this.watched.get(client.name) ?? null;
  }

  /** Ends every watcher's events stream and timers (at gateway stop); reads then go to the engines directly. */
  stopWatching(): void {
    for (const w of this.watched.values()) w.close();
  }

  engineNames(): string[] {
    return [...this.engines.keys()];
  }

  /** A configured named engine; NOT_FOUND when it is not configured. */
  engine(name: string): NamedEngine {
    const engine = this.engines.get(name);
    if (!engine) {
      const known = this.engineNames();
      throw new GatewayError('NOT_FOUND', `engine "${name}" is not configured${known.length ? ` (configured: ${known.join(', ')})` : ''}`);
    }
    return engine;
  }

  allEngines(): NamedEngine[] {
    return [...this.engines.values()];
  }
}
