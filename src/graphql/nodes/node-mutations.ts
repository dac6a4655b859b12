// nodeUpdate, nodePromote and nodeDemote (`docker node update|promote|demote`).
import type { MutationResolvers } from '../../generated/graphql.ts';
import type { NodeModel } from '../../docker/model/types.ts';
import type { UserErrorInit } from '../../errors/codes.ts';
import { runMutation } from '../run-mutation.ts';
import { changeNode } from './change-node.ts';

type Payload = { node: NodeModel | null; userErrors: UserErrorInit[] };

export const nodeUpdate: NonNullable<MutationResolvers['nodeUpdate']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'nodeUpdate', cluster: input.cluster, target: input.id, input }, { node: null }, () => changeNode(ctx, input));

export const nodePromote: NonNullable<MutationResolvers['nodePromote']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'nodePromote', cluster: input.cluster, target: input.id, input }, { node: null }, () =>
    changeNode(ctx, { cluster: input.cluster, id: input.id, role: 'MANAGER' }),
  );

export const nodeDemote: NonNullable<MutationResolvers['nodeDemote']> = (_root, { input }, ctx) =>
  runMutation<Payload>(ctx, { operation: 'nodeDemote', cluster: input.cluster, target: input.id, input }, { node: null }, () =>
    changeNode(ctx, { cluster: input.cluster, id: input.id, role: 'WORKER' }),
  );
