// PLACEHOLDER (lead): helper `sd` replaces this file with stackRemove.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { notBuilt } from './not-built.ts';

export const stackRemove: MutationResolvers['stackRemove'] = () => notBuilt('stackRemove');
