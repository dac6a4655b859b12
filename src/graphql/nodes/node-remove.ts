// `nodeRemove` (`docker node rm [--force]`). Without force only a node that is down can
// go (its tasks are rescheduled); a manager must be demoted first, force or not, because
// removing a Raft member outright can cost the swarm its quorum.
import type { MutationResolvers, RemovedObject } from '../../generated/graphql.ts';
import { removeNode } from '../../docker/api/nodes.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { runMutation } from '../run-mutation.ts';
import { findNode } from './lookup.ts';

type Payload = { removed: RemovedObject[]; userErrors: UserErrorInit[] };

export const nodeRemove: NonNullable<MutationResolvers['nodeRemove']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'nodeRemove', cluster: input.cluster, target: input.id, input }, { removed: [] }, async () => {
    const loaders = ctx.loaders(input.cluster);
    const node = await findNode(loaders, input.id);
    const name = node.Description?.Hostname || node.ID;
    if (node.Spec.Role === 'manager' || node.ManagerStatus) {
      throw new UserInputError([
        { field: ['input', 'id'], code: 'INVALID_STATE', message: `node ${name} is a manager; demote it first (nodeDemote), then remove it` },
      ]);
    }
    if (!input.force && node.Status.State !== 'down') {
      throw new UserInputError([
        {
          field: ['input', 'force'],
          code: 'INVALID_STATE',
          message: `node ${name} is ${node.Status.State}, not down; make it leave the swarm (swarmLeave) or stop its engine first, or pass force: true to remove it anyway`,
        },
      ]);
    }
    await removeNode(loaders.client, node.ID, input.force === true);
    return { payload: { removed: [{ id: node.ID, name }] }, objectIds: [node.ID] };
  });
