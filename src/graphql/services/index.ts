// Resolvers for services: queries, the Service type's computed fields and relations,
// and the service mutations.
import type { Resolvers } from '../../generated/graphql.ts';
import { serviceCreate } from './create.ts';
import { serviceQueries } from './queries.ts';
import { servicePlan } from './plan.ts';
import { serviceRemove } from './remove.ts';
import { serviceRollback } from './rollback.ts';
import { serviceScale } from './scale.ts';
import { serviceUpdate } from './update.ts';
import { serviceFields, serviceNetworkAttachmentFields } from './service-fields.ts';

export const servicesResolvers: Resolvers = {
  Query: { ...serviceQueries, servicePlan },
  Mutation: { serviceCreate, serviceUpdate, serviceScale, serviceRollback, serviceRemove },
  Service: serviceFields,
  ServiceNetworkAttachment: serviceNetworkAttachmentFields,
};
