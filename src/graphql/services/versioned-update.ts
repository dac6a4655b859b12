// The common end of serviceUpdate and serviceScale: send a whole new spec at a version,
// and read the service back. The version is the caller's (`input.version`) or the one just
// read; a version other than the current one is a VERSION_CONFLICT before the engine is
// asked, and one that goes stale meanwhile is refused by the engine the same way.
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { inspectService, updateService } from '../../docker/api/services.ts';
import type { EngineService } from '../../docker/engine-json.ts';
import type { ServiceSpec } from '../../docker/mapping/engine-types.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import { userError } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import type { MutationResult } from '../run-mutation.ts';
import type { ServicePayloadModel } from './payloads.ts';
import { versionConflictAsUserError } from './version-conflict.ts';

/** The spec as read from the engine, in the mapping layer's type (the Engine sends a whole ServiceSpec). */
export function specOf(service: EngineService): ServiceSpec {
  return service.Spec as unknown as ServiceSpec;
}

export async function sendUpdate(
  loaders: ClusterLoaders,
  current: EngineService,
  spec: ServiceSpec,
  givenVersion: number | null | undefined,
): Promise<MutationResult<Omit<ServicePayloadModel, 'userErrors'>>> {
  const version = givenVersion ?? current.Version.Index;
  if (version !== current.Version.Index) {
    throw new UserInputError([
      userError(['input', 'version'], 'VERSION_CONFLICT', `The service ${current.Spec.Name} is at version ${current.Version.Index}, not ${version}; read it again and retry.`),
    ]);
  }
  const result = await versionConflictAsUserError(() => updateService(loaders.client, current.ID, version, spec));
  const fresh = await inspectService(loaders.client, current.ID);
  return { payload: { service: toServiceModel(loaders.client.name, fresh), warnings: result.Warnings ?? [] }, objectIds: [current.ID] };
}
