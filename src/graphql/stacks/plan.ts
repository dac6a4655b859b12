// PLACEHOLDER (lead): helper `sq` replaces this file with stackPlan.
import type { QueryResolvers } from '../../generated/graphql.ts';
import { notBuilt } from './not-built.ts';

export const stackPlan: QueryResolvers['stackPlan'] = () => notBuilt('stackPlan');
