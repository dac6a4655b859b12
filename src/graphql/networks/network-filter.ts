// `docker network ls --filter` semantics, applied by the gateway to the one network list
// of the request. The Engine's own filters are not used: on a manager, `name` only does
// substring matching for networks instantiated on that node (other swarm networks need
// the exact name), and `dangling` ignores services, so both would give wrong answers.
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import type { NetworkFilter } from '../../generated/graphql.ts';

/** `key` or `key=value` against a label map, as Docker matches labels. */
export function matchesLabel(labels: Record<string, string> | null | undefined, selector: string): boolean {
  const eq = selector.indexOf('=');
  const key = eq < 0 ? selector : selector.slice(0, eq);
  if (!labels || !Object.prototype.hasOwnProperty.call(labels, key)) return false;
  return eq < 0 || labels[key] === selector.slice(eq + 1);
}

/** Every filter but `dangling`, which needs the users of the network (see usage.ts). */
export function matchesNetworkFilter(network: EngineNetwork, filter: NetworkFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.driver && network.Driver !== filter.driver) return false;
  if (filter.scope && network.Scope !== filter.scope) return false;
  if (filter.name && !network.Name.includes(filter.name)) return false;
  for (const selector of filter.label ?? []) if (!matchesLabel(network.Labels, selector)) return false;
  return true;
}
