// Resolvers for swarm secrets and configs (issue 14): reads, create, label updates, removal, rotation.
import type { Resolvers } from '../../generated/graphql.ts';
import { configCreate, secretCreate } from './create.ts';
import { configFields, secretFields, storedObjectQueries } from './queries.ts';
import { configRemove, secretRemove } from './remove.ts';
import { configRotate, secretRotate } from './rotate.ts';
import { serviceReferenceFields } from './service-references.ts';
import { configUpdate, secretUpdate } from './update.ts';

export const secretsResolvers: Resolvers = {
  Query: storedObjectQueries,
  Mutation: { secretCreate, secretUpdate, secretRemove, configCreate, configUpdate, configRemove, secretRotate, configRotate },
  Secret: secretFields,
  Config: configFields,
  Service: serviceReferenceFields,
};
