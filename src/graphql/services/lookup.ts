// Finds the service a query or mutation names (ID, name or unique ID prefix).
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import { notFound } from '../../errors/gateway-error.ts';
import type { Scope } from '../../auth/access-decision.ts';
import { serviceInScope } from '../access/scope-checks.ts';

/** Among the services the caller may read (the loaders are filtered by its read scope). */
export async function findService(loaders: ClusterLoaders, ref: string): Promise<EngineService> {
  const service = await loaders.service(ref);
  if (!service) throw notFound('service', ref);
  return service;
}

/**
 * The service a mutation acts on, inspected (the spec sent back must be the latest one):
 * readable, and inside the mutation's own label scope (`scope`, which can be narrower than
 * the read scope); otherwise NOT_FOUND, as a missing one. A full ID costs one inspect and
 * no service list (see ClusterLoaders.serviceToChange).
 */
export async function findServiceToChange(loaders: ClusterLoaders, scope: Scope, ref: string): Promise<EngineService> {
  const service = serviceInScope(await loaders.serviceToChange(ref), scope);
  if (!service) throw notFound('service', ref);
  return service;
}

