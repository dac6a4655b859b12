// PLACEHOLDER (lead): helper `sd` replaces this file with stackDeploy.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { notBuilt } from './not-built.ts';

export const stackDeploy: MutationResolvers['stackDeploy'] = () => notBuilt('stackDeploy');
