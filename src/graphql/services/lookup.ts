// Finds the service a query or mutation names (ID, name or unique ID prefix).
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { EngineService } from '../../docker/engine-json.ts';
import { notFound } from '../../errors/gateway-error.ts';

export async function findService(loaders: ClusterLoaders, ref: string): Promise<EngineService> {
  const service = await loaders.service(ref);
  if (!service) throw notFound('service', ref);
  return service;
}
