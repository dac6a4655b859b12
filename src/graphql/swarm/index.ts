// Resolvers for the swarm: inspect, quorum, secrets, and the swarm mutations, including
// `networkCreateGatewayBridge` (it prepares an engine for joining a swarm).
import type { Resolvers } from '../../generated/graphql.ts';
import { networkCreateGatewayBridge } from './gateway-bridge.ts';
import { swarmFields, swarmQueries } from './queries.ts';
import { swarmInit } from './swarm-init.ts';
import { swarmJoin } from './swarm-join.ts';
import { swarmLeave } from './swarm-leave.ts';
import { swarmRotateJoinToken } from './swarm-rotate-join-token.ts';
import { swarmUpdate } from './swarm-update.ts';

export const swarmResolvers: Resolvers = {
  Query: { ...swarmQueries },
  Mutation: { swarmInit, swarmJoin, swarmLeave, swarmUpdate, swarmRotateJoinToken, networkCreateGatewayBridge },
  Swarm: swarmFields,
};
