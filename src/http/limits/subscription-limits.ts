// The same limits for graphql-ws, which has no Apollo plugins: call it from `onSubscribe`
// with the subscribe payload; it answers the refusals (returned as the subscribe's errors)
// or nothing, and graphql-ws then parses, validates and runs the operation as usual.
import { getOperationAST, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { LimitSettings } from '../../config/access-config.ts';
import { limitValidationRules } from './limit-plugin.ts';
import { operationLimitErrors } from './operation-limits.ts';

export interface SubscribePayload {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}

export function subscriptionLimitErrors(schema: GraphQLSchema, limits: LimitSettings, payload: SubscribePayload): readonly GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch {
    return []; // graphql-ws reports the syntax error itself
  }
  const ruleErrors = validate(schema, document, limitValidationRules(limits));
  if (ruleErrors.length > 0) return ruleErrors;
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (!operation) return [];
  return operationLimitErrors(schema, document, operation, payload.variables ?? {}, limits);
}
