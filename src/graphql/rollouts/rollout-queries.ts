// Reading rollouts: one by ID (`Query.rollout`) and a service's history (`Service.rollouts`),
// newest first, from the rollout store. A service the caller reads is in its scope, so are
// its rollouts; a single rollout is checked against the scope (readable-rollout.ts).
import type { QueryResolvers, RolloutConnection, ServiceResolvers } from '../../generated/graphql.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../pagination.ts';
import { pageSize } from '../page-size.ts';
import { readableRollout } from './readable-rollout.ts';
import { toRolloutModel, type RolloutModel } from './rollout-model.ts';

export const rolloutQuery: QueryResolvers['rollout'] = async (_root, { id }, ctx) => toRolloutModel(await readableRollout(ctx, id));

type RolloutPageModel = Omit<RolloutConnection, 'edges' | 'nodes'> & { edges: { cursor: string; node: RolloutModel }[]; nodes: RolloutModel[] };

/** The cursor is the rollout's ID in the gateway's cursor encoding (pagination.ts), which the store pages after. */
export const serviceRollouts: ServiceResolvers['rollouts'] = async (parent, { first, after }, ctx) => {
  const size = pageSize(first);
  let afterId: string | null = null;
  if (after) {
    afterId = decodeCursor(after);
    if (afterId === null) throw invalidCursor();
  }
  const page = await ctx.rollouts.listForService(parent.cluster, parent.id, { first: size, after: afterId });
  const nodes = page.items.map(toRolloutModel);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  const connection: RolloutPageModel = {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
  return connection;
};
