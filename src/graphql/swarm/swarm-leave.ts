// `swarmLeave`: a configured engine (or a cluster's endpoint) leaves its swarm
// (`docker swarm leave [--force]`). A manager only leaves with `force`, as with the CLI.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { engineInfo, leaveSwarm } from '../../docker/api/swarm.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { runMutation } from '../run-mutation.ts';
import { localSwarmState } from './engine-state.ts';
import { swarmTarget } from './swarm-target.ts';

type Payload = { left: boolean; userErrors: UserErrorInit[] };

export const swarmLeave: NonNullable<MutationResolvers['swarmLeave']> = (_root, { input }, ctx) =>
  runMutation<Payload>(
    ctx,
    { operation: 'swarmLeave', cluster: input.cluster, engine: input.engine, target: input.engine ?? undefined, input },
    { left: false },
    async () => {
      const target = swarmTarget(ctx.registry, input);
      const who = target.engine ? `engine "${target.engine}"` : `the endpoint of cluster "${target.cluster}"`;
      const info = await engineInfo(target.api);
      if (localSwarmState(info) === 'inactive') {
        throw new UserInputError([{ field: target.engine ? ['input', 'engine'] : ['input', 'cluster'], code: 'NOT_IN_SWARM', message: `${who} is not part of a swarm` }]);
      }
      if (info.Swarm?.ControlAvailable && !input.force) {
        throw new UserInputError([
          {
            field: ['input', 'force'],
            code: 'INVALID_STATE',
            message: `${who} is a manager; leaving can cost the swarm its quorum. Demote it first (nodeDemote), or pass force: true`,
          },
        ]);
      }
      await leaveSwarm(target.api, input.force === true);
      return { payload: { left: true }, objectIds: info.Swarm?.NodeID ? [info.Swarm.NodeID] : [] };
    },
  );
