// An engine belongs to the cluster the configuration puts it in, whatever cluster a request
// names beside it: the access decision is made on the engine's own cluster (field-cluster.ts),
// and a request naming another cluster is refused here, so a grant for cluster B never
// reaches an engine of cluster A by passing `cluster: "B", engine: "a-worker"`. Called only
// after the decision allowed the engine's cluster, so the message names nothing the caller
// cannot see.
import type { EngineRegistry } from '../../docker/registry.ts';
import { GatewayError } from '../../errors/gateway-error.ts';

/** The problem with naming `cluster` beside `engine`, or null (no cluster named, an unknown engine, or the engine's own cluster). */
export function engineClusterMismatch(registry: EngineRegistry, engine: string | null | undefined, cluster: string | null | undefined): string | null {
  if (engine == null || cluster == null || !registry.engineNames().includes(engine)) return null;
  const own = registry.engine(engine).cluster;
  if (own === cluster) return null;
  return own === undefined
    ? `engine "${engine}" belongs to no cluster, not "${cluster}": omit cluster`
    : `engine "${engine}" belongs to cluster "${own}", not "${cluster}": omit cluster or give "${own}"`;
}

/** For queries: a mismatch is a top-level BAD_REQUEST (mutations report it as a userError instead). */
export function assertEngineInCluster(registry: EngineRegistry, engine: string | null | undefined, cluster: string | null | undefined): void {
  const problem = engineClusterMismatch(registry, engine, cluster);
  if (problem) throw new GatewayError('BAD_REQUEST', problem);
}
