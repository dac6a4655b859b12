// Resolvers for networks: reads, and the network mutations except
// `networkCreateGatewayBridge` (the swarm work owns it).
import type { Resolvers } from '../../generated/graphql.ts';
import { networkConnect, networkDisconnect } from './connect.ts';
import { networkCreate } from './create.ts';
import { networkPrune } from './prune.ts';
import { networkFields, networkQueries, networkServiceFields } from './queries.ts';
import { networkRemove } from './remove.ts';

export const networksResolvers: Resolvers = {
  Query: networkQueries,
  Mutation: { networkCreate, networkRemove, networkConnect, networkDisconnect, networkPrune },
  Network: networkFields,
  NetworkService: networkServiceFields,
};
