// How the engine layer is told where the engines are: its own option types, which the
// gateway's configuration (src/config) satisfies as it is, so the engine layer depends on
// no configuration code. The URLs are as DOCKER_HOST takes them; TLS as DOCKER_CERT_PATH's files.

/** One Engine API endpoint: `unix:///path/to/docker.sock` or `tcp://host:port` (with TLS files). */
export interface EndpointOptions {
  url: string;
  tls?: { ca: string; cert: string; key: string } | undefined;
}

/** A cluster's manager endpoints, in failover order. */
export interface ClusterOptions {
  name: string;
  managers: readonly EndpointOptions[];
}

/** An engine addressed by name (a host that may join a swarm, a node with standalone containers). */
export interface NamedEngineOptions {
  name: string;
  endpoint: EndpointOptions;
  /** The cluster it belongs to, if any. */
  cluster?: string | undefined;
}

export interface EngineRegistryOptions {
  defaultCluster: string;
  clusters: readonly ClusterOptions[];
  engines: readonly NamedEngineOptions[];
  /** The per-request timeout (`engine.timeoutMs`) and the watched state (`engine.watch`; absent: off). */
  engine: { timeoutMs: number; watch?: { enabled: boolean; resyncMs: number; taskMaxAgeMs: number } | undefined };
}
