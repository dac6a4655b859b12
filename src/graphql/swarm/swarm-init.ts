// `swarmInit` (`docker swarm init`) on a configured engine or a cluster's endpoint. The
// body comes from src/docker/mapping/swarm-init.ts, which validates addresses, the data
// path port, address pools and subnet size first; an engine already in a swarm is
// refused before anything is sent.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { initSwarm, inspectSwarm } from '../../docker/api/swarm.ts';
import { checkSwarmInitOptions, toSwarmInitBody } from '../../docker/mapping/swarm-init.ts';
import { swarmInitOptions } from './swarm-options.ts';
import { toSwarmModel } from '../../docker/model/swarm.ts';
import type { SwarmModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { runMutation } from '../run-mutation.ts';
import { refuseIfInSwarm } from './engine-state.ts';
import { swarmTarget, withEngine } from './swarm-target.ts';

type Payload = { nodeId: string | null; swarm: SwarmModel | null; userErrors: UserErrorInit[] };

export const swarmInit: NonNullable<MutationResolvers['swarmInit']> = (_root, { input }, ctx) =>
  runMutation<Payload>(
    ctx,
    { operation: 'swarmInit', cluster: input.cluster, engine: input.engine, target: input.engine ?? undefined, input },
    { nodeId: null, swarm: null },
    async () => {
      const body = toSwarmInitBody(checkSwarmInitOptions(swarmInitOptions(input)));
      const target = swarmTarget(ctx.registry, input);
      const who = target.engine ? `engine "${target.engine}"` : `the endpoint of cluster "${target.cluster}"`;
      await refuseIfInSwarm(target.api, who, target.engine ? ['input', 'engine'] : ['input', 'cluster'], 'use that swarm, or make the engine leave it first (swarmLeave)');
      const nodeId = await initSwarm(target.api, body);
      const swarm = await inspectSwarm(target.api);
      return { payload: { nodeId, swarm: withEngine(toSwarmModel(target.cluster, swarm), target.engine) }, objectIds: [nodeId, swarm.ID] };
    },
  );
