// `swarmRotateJoinToken` (`docker swarm join-token --rotate ROLE`): the spec is sent back
// unchanged with the rotate flag. The new token is not returned; the gateway only checks
// that the swarm now has a different one.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { inspectSwarm, updateSwarm } from '../../docker/api/swarm.ts';
import { toSwarmModel } from '../../docker/model/swarm.ts';
import type { SwarmModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { runMutation } from '../run-mutation.ts';
import { updateAtVersion } from '../version-conflict.ts';

type Payload = { swarm: SwarmModel | null; userErrors: UserErrorInit[] };

export const swarmRotateJoinToken: NonNullable<MutationResolvers['swarmRotateJoinToken']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'swarmRotateJoinToken', cluster: input.cluster ?? null, target: input.role, input }, { swarm: null }, async () => {
    const client = ctx.registry.cluster(input.cluster);
    const before = await inspectSwarm(client);
    const tokenOf = (s: typeof before) => (input.role === 'MANAGER' ? s.JoinTokens?.Manager : s.JoinTokens?.Worker);
    const old = tokenOf(before);
    const rotate = input.role === 'MANAGER' ? { rotateManagerToken: true } : { rotateWorkerToken: true };
    await updateAtVersion({ label: 'The swarm', version: before.Version.Index }, null, (version) => updateSwarm(client, version, before.Spec, rotate), { versioned: false });
    const after = await inspectSwarm(client);
    if (!tokenOf(after) || tokenOf(after) === old) {
      throw new GatewayError('INTERNAL', `the engine accepted the ${input.role.toLowerCase()} token rotation of cluster "${client.name}", but the token did not change`);
    }
    return { payload: { swarm: toSwarmModel(client.name, after) }, objectIds: [after.ID] };
  });
