// Payload shapes of the service mutations, with the model the Service resolvers take.
import type { UserErrorInit } from '../../errors/codes.ts';
import type { ServiceModel } from '../../docker/model/types.ts';
import type { RolloutModel } from '../rollouts/rollout-model.ts';

export type ServicePayloadModel = { service: ServiceModel | null; warnings: string[]; rollout: RolloutModel | null; userErrors: UserErrorInit[] };

export const EMPTY_SERVICE_PAYLOAD = { service: null, warnings: [], rollout: null };
