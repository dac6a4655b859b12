// Network references of a service input (`--network`, `--network-add`, `--network-rm`),
// resolved to IDs from the request's one network list, as the CLI resolves them before it
// sends a spec. References that match nothing are left out of the map; the mapping then
// reports each as REFERENCE_NOT_FOUND at its own field. So are networks outside the
// mutation's label scope: a `team=payments` deployer cannot tell them from missing ones.
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Scope } from '../../auth/access-decision.ts';
import { networkInScope } from '../access/scope-checks.ts';

/** `scope`: the mutation's own label scope. */
export async function resolveNetworkIds(loaders: ClusterLoaders, scope: Scope, refs: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const ref of refs) {
    const network = networkInScope(await loaders.network(ref), scope);
    if (network) ids.set(ref, network.Id);
  }
  return ids;
}
