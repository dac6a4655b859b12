// PLACEHOLDER (lead): helper `sq` replaces this file with the Stack type's fields.
import type { StackResolvers } from '../../generated/graphql.ts';
import { notBuilt } from './not-built.ts';

export const stackFields: StackResolvers = {
  services: () => notBuilt('Stack.services'),
  networks: () => notBuilt('Stack.networks'),
  secrets: () => notBuilt('Stack.secrets'),
  configs: () => notBuilt('Stack.configs'),
  rollouts: () => notBuilt('Stack.rollouts'),
};
