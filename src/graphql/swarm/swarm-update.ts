// `swarmUpdate` (`docker swarm update`): read the spec, change what was given
// (src/docker/mapping/swarm-update.ts), send it with the version it was read at. A
// version given by the caller that is no longer current is a VERSION_CONFLICT, so a
// change made by someone else since is never overwritten.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { inspectSwarm, updateSwarm } from '../../docker/api/swarm.ts';
import { applySwarmUpdate, checkSwarmUpdateOptions } from '../../docker/mapping/swarm-update.ts';
import { swarmUpdateOptions } from './swarm-options.ts';
import { toSwarmModel } from '../../docker/model/swarm.ts';
import type { SwarmModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { runMutation } from '../run-mutation.ts';
import { updateAtVersion } from '../version-conflict.ts';

type Payload = { swarm: SwarmModel | null; userErrors: UserErrorInit[] };

export const swarmUpdate: NonNullable<MutationResolvers['swarmUpdate']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'swarmUpdate', cluster: input.cluster, input }, { swarm: null }, async () => {
    const options = checkSwarmUpdateOptions(swarmUpdateOptions(input));
    const client = ctx.registry.cluster(input.cluster);
    const current = await inspectSwarm(client);
    // The Engine returns every part of the spec; the mapping's type says so.
    const spec = applySwarmUpdate(current.Spec, options);
    await updateAtVersion({ label: 'The swarm', version: current.Version.Index }, input.version, (version) => updateSwarm(client, version, spec));
    const updated = await inspectSwarm(client);
    return { payload: { swarm: toSwarmModel(client.name, updated) }, objectIds: [updated.ID] };
  });
