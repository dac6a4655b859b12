// Payload shapes of the service mutations, with the model the Service resolvers take.
import type { UserErrorInit } from '../../errors/codes.ts';
import type { ServiceModel } from '../../docker/model/types.ts';

export type ServicePayloadModel = { service: ServiceModel | null; warnings: string[]; userErrors: UserErrorInit[] };

export const EMPTY_SERVICE_PAYLOAD = { service: null, warnings: [] };
