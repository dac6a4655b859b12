// The estimated cost of an operation (limits.maxCost), with graphql-armor's cost-limit rule:
// every field costs 1 (a scalar) or 2 (an object), each level of nesting weighs 1.5 times
// the one above (nested lists multiply), and a connection costs its page size times its
// selection. The library only reads a literal `first`; so that a page size in a variable,
// or the schema's default of 50 when `first` is left out, counts too, the operation is
// first rewritten with every page size spelled out as the resolver will see it.
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { Kind, validate, type DocumentNode, type FieldNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from 'graphql';
import { quietRejection, reportAs } from './library-rejection.ts';
import { PAGE_SIZE_ARGUMENT, visitPageSizes, type RequestVariables } from './page-size.ts';

/** The library's weights, spelled out: the README explains them. */
export const COST_WEIGHTS = { objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 } as const;

function costRule(maxCost: number): ValidationRule {
  return costLimitRule({ maxCost, ...COST_WEIGHTS, flattenFragments: true, ignoreIntrospection: true, ...quietRejection, onReject: [reportAs('maxCost', maxCost)] }) as unknown as ValidationRule;
}

/**
 * QUERY_TOO_COMPLEX when the operation's estimated cost is over maxCost. `document` holds the
 * operation to run (and its fragments); `variables` are the request's.
 */
export function costErrors(schema: GraphQLSchema, document: DocumentNode, variables: RequestVariables, maxCost: number): readonly GraphQLError[] {
  const sized = visitPageSizes(schema, document, variables ?? {}, ({ node, value }) => (value === undefined ? undefined : withPageSize(node, value)));
  return validate(schema, sized, [costRule(maxCost)]);
}

function withPageSize(node: FieldNode, size: number): FieldNode {
  const others = (node.arguments ?? []).filter((a) => a.name.value !== PAGE_SIZE_ARGUMENT);
  return {
    ...node,
    arguments: [
      { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: PAGE_SIZE_ARGUMENT }, value: { kind: Kind.INT, value: String(size) } },
      ...others,
    ],
  };
}
