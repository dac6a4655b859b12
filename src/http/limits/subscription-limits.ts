// The same limits for graphql-ws, which has no Apollo plugins: the depth/alias/page-size
// rules and the variable-dependent limits (page sizes in variables, cost) of one parsed
// document. ws-operation.ts calls it once it has parsed and validated the subscribe.
import { getOperationAST, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { LimitSettings } from '../../config/access-config.ts';
import { limitValidationRules } from './limit-plugin.ts';
import { operationLimitErrors } from './operation-limits.ts';

export function subscriptionLimitErrors(
  schema: GraphQLSchema,
  limits: LimitSettings,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): readonly GraphQLError[] {
  const ruleErrors = validate(schema, document, limitValidationRules(limits));
  if (ruleErrors.length > 0) return ruleErrors;
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return [];
  return operationLimitErrors(schema, document, operation, variables ?? {}, limits);
}
