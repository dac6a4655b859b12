// The common end of serviceUpdate and serviceScale: send a whole new spec at a version,
// and read the service back, at the caller's version (`input.version`) or the one just read
// (src/graphql/version-conflict.ts).
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { inspectService, updateService } from '../../docker/api/services.ts';
import type { Service as EngineService, ServiceSpec } from '../../docker/engine-api/index.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import type { MutationResult } from '../run-mutation.ts';
import { updateAtVersion, type VersionedObject } from '../version-conflict.ts';
import type { ServicePayloadModel } from './payloads.ts';

export async function sendUpdate(
  loaders: ClusterLoaders,
  current: EngineService,
  spec: ServiceSpec,
  givenVersion: number | null | undefined,
): Promise<MutationResult<Omit<ServicePayloadModel, 'userErrors'>>> {
  const result = await updateAtVersion(serviceVersion(current), givenVersion, (version) => updateService(loaders.client, current.ID, version, spec));
  const fresh = await inspectService(loaders.client, current.ID);
  return { payload: { service: toServiceModel(loaders.client.name, fresh), warnings: result.Warnings ?? [] }, objectIds: [current.ID] };
}

/** A service as a versioned object, for updateAtVersion. */
export function serviceVersion(service: EngineService): VersionedObject {
  return { label: `The service ${JSON.stringify(service.Spec.Name ?? service.ID)}`, version: service.Version.Index };
}
