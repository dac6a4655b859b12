// Runs one GraphQL operation through the gateway's own Apollo server for a principal that
// did not send it over /graphql (a redeploy trigger fires as its creator): the same guarded
// schema, limits, error masking, audit and rollouts as any request, with a context built by
// the same createContext. Only the transport differs.
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { createContext, type ContextDeps, type GatewayContext, type RequestFacts } from '../graphql/context.ts';

export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export type OperationRunner = (operation: { query: string; variables?: Record<string, unknown> }, request: RequestFacts) => Promise<OperationResult>;

export function operationRunner(apollo: ApolloServer<GatewayContext>, deps: ContextDeps): OperationRunner {
  return async (operation, request) => {
    const response = await apollo.executeOperation(operation, { contextValue: createContext(deps, request) });
    // Only subscriptions and @defer answer incrementally; neither is sent here.
    if (response.body.kind !== 'single') throw new Error('an operation run in-process answered incrementally');
    const { data, errors } = response.body.singleResult;
    return { data: data ?? null, ...(errors ? { errors } : {}) };
  };
}
