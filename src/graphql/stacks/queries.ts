// PLACEHOLDER (lead): helper `sq` replaces this file with the stacks/stack queries.
import type { QueryResolvers } from '../../generated/graphql.ts';
import { notBuilt } from './not-built.ts';

export const stackQueries: Pick<QueryResolvers, 'stacks' | 'stack'> = {
  stacks: () => notBuilt('stacks'),
  stack: () => notBuilt('stack'),
};
