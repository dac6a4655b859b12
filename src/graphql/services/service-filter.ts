// `docker service ls --filter` semantics, applied to the request's one service list:
// name is a prefix (swarmkit's NamePrefixes), labels are `key` or `key=value` and all
// must match, mode is replicated or global.
import type { ServiceFilter } from '../../generated/graphql.ts';
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import { serviceModeOf } from '../../docker/model/service.ts';

export function matchesServiceFilter(service: EngineService, filter: ServiceFilter | null | undefined): boolean {
  if (!filter) return true;
  if (filter.name && !(service.Spec.Name ?? '').startsWith(filter.name)) return false;
  const labels = service.Spec.Labels ?? {};
  for (const selector of filter.label ?? []) {
    const eq = selector.indexOf('=');
    const key = eq < 0 ? selector : selector.slice(0, eq);
    if (!(key in labels)) return false;
    if (eq >= 0 && labels[key] !== selector.slice(eq + 1)) return false;
  }
  if (filter.mode && serviceModeOf(service.Spec) !== filter.mode) return false;
  return true;
}
