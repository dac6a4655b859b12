// The limits that need the request's variables, checked once the operation to run is known
// and before it executes: page sizes given in variables, then the estimated cost.
import { Kind, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { LimitSettings } from '../../config/access-config.ts';
import { costErrors } from './cost-rule.ts';
import { variablePageSizeErrors } from './page-size-rule.ts';
import type { RequestVariables } from './page-size.ts';

/**
 * Operations without variables found within the limits, per schema and cost limit. Apollo
 * keeps each parsed document (its document store), so the same query sent again is the same
 * node: its verdict cannot change, and walking it again cost about as much as running a
 * small query.
 */
const withinLimits = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; maxCost: number }>();

export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: RequestVariables,
  limits: Pick<LimitSettings, 'maxCost'>,
): readonly GraphQLError[] {
  const constant = !operation.variableDefinitions?.length;
  const known = constant ? withinLimits.get(operation) : undefined;
  if (known && known.schema === schema && known.maxCost === limits.maxCost) return [];
  // Only the operation that runs counts (a document may hold several), with its fragments.
  const runs: DocumentNode = { ...document, definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION) };
  const pageErrors = variablePageSizeErrors(schema, runs, variables);
  if (pageErrors.length > 0) return pageErrors;
  const errors = costErrors(schema, runs, variables, limits.maxCost);
  if (constant && errors.length === 0) withinLimits.set(operation, { schema, maxCost: limits.maxCost });
  return errors;
}
