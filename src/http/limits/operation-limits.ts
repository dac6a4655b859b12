// The limits that need the request's variables, checked once the operation to run is known
// and before it executes: page sizes given in variables, then the estimated cost.
import { Kind, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { LimitSettings } from '../../config/access-config.ts';
import { costErrors } from './cost-rule.ts';
import { variablePageSizeErrors } from './page-size-rule.ts';
import type { RequestVariables } from './page-size.ts';

export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: RequestVariables,
  limits: Pick<LimitSettings, 'maxCost'>,
): readonly GraphQLError[] {
  // Only the operation that runs counts (a document may hold several), with its fragments.
  const runs: DocumentNode = { ...document, definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION) };
  const pageErrors = variablePageSizeErrors(schema, runs, variables);
  if (pageErrors.length > 0) return pageErrors;
  return costErrors(schema, runs, variables, limits.maxCost);
}
