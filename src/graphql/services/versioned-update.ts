// The common end of serviceUpdate and serviceScale: send a whole new spec at a version,
// and read the service back, at the caller's version (`input.version`) or the one just read
// (src/graphql/version-conflict.ts); the rollout the change started is in the payload.
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { inspectService, updateService } from '../../docker/api/services.ts';
import type { Service as EngineService, ServiceSpec } from '../../docker/engine-api/index.ts';
import type { GatewayContext } from '../context.ts';
import type { MutationResult } from '../run-mutation.ts';
import { updateAtVersion, type VersionedObject } from '../version-conflict.ts';
import { changedServicePayload } from './changed-service.ts';
import type { ServicePayloadModel } from './payloads.ts';

export async function sendUpdate(
  ctx: GatewayContext,
  loaders: ClusterLoaders,
  current: EngineService,
  spec: ServiceSpec,
  input: { version?: number | null | undefined; deadline?: number | null | undefined },
): Promise<MutationResult<Omit<ServicePayloadModel, 'userErrors'>>> {
  const result = await updateAtVersion(serviceVersion(current), input.version, (version) => updateService(loaders.client, current.ID, version, spec));
  const fresh = await inspectService(loaders.client, current.ID);
  return changedServicePayload(ctx, { client: loaders.client, before: current, fresh, warnings: result.Warnings, deadlineSeconds: input.deadline });
}

/** A service as a versioned object, for updateAtVersion. */
export function serviceVersion(service: EngineService): VersionedObject {
  return { label: `The service ${JSON.stringify(service.Spec.Name ?? service.ID)}`, version: service.Version.Index };
}
