// The errors a limit refusal becomes. A GatewayError inside a GraphQLError: format-error.ts
// keeps a GatewayError's code and message (QUERY_TOO_COMPLEX, BAD_REQUEST), and the
// `http` extension makes Apollo answer 400 wherever in the pipeline the refusal happens.
import { GraphQLError, type ASTNode } from 'graphql';
import { GatewayError } from '../../errors/gateway-error.ts';

/** The configured limit a query went over, by its config key. */
export type ComplexityLimit = 'maxDepth' | 'maxAliases' | 'maxCost';

const WHAT: Record<ComplexityLimit, string> = {
  maxDepth: 'query depth',
  maxAliases: 'number of aliases',
  maxCost: 'estimated query cost',
};

/** QUERY_TOO_COMPLEX naming the limit (`limits.maxDepth`), its value and what was found. */
export function queryTooComplex(limit: ComplexityLimit, max: number, found: number | undefined): GatewayError {
  const foundText = found === undefined ? 'over it' : String(found);
  return new GatewayError(
    'QUERY_TOO_COMPLEX',
    `${WHAT[limit]} is ${foundText}, over the limit of ${max} (limits.${limit})`,
    { limit, max, ...(found === undefined ? {} : { found }) },
  );
}

/** BAD_REQUEST for a page size outside 1..max, naming the field and the cap. */
export function pageSizeOutOfRange(field: string, value: number, max: number): GatewayError {
  return new GatewayError('BAD_REQUEST', `first must be between 1 and ${max} on ${field}, got ${value}`, { field, argument: 'first', max, found: value });
}

/** The GraphQLError carrying a refusal, with HTTP 400 and the query location when known. */
export function refusal(error: GatewayError, nodes?: ASTNode | readonly ASTNode[]): GraphQLError {
  return new GraphQLError(error.message, {
    ...(nodes ? { nodes } : {}),
    originalError: error,
    extensions: { code: error.code, http: { status: 400 } },
  });
}
