// What a caller sees of an error: a message and `extensions.code` from our enum. Our own
// errors keep their message; GraphQL syntax/validation problems become BAD_REQUEST;
// anything else is masked as INTERNAL (the log keeps the detail under the request ID).
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { GatewayError } from '../errors/gateway-error.ts';

const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']);

/** Apollo's code when a request carries `extensions.persistedQuery` (persisted queries are off). */
const PERSISTED_QUERY = 'PERSISTED_QUERY_NOT_SUPPORTED';
export const PERSISTED_QUERY_MESSAGE = 'persisted queries are not supported: send the whole document in `query`, without extensions.persistedQuery';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = rootCause(error);
  if (original instanceof GatewayError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code, ...publicExtensions(original.extensions) } };
  }
  const apolloCode = formatted.extensions?.code;
  if (apolloCode === PERSISTED_QUERY) return { message: PERSISTED_QUERY_MESSAGE, extensions: { code: PERSISTED_QUERY } };
  if ((typeof apolloCode === 'string' && REQUEST_CODES.has(apolloCode)) || isRequestError(error)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_REQUEST' } };
  }
  return { message: 'internal error; the gateway log has the details', path: formatted.path, extensions: { code: 'INTERNAL' } };
}

/**
 * Extensions meant for callers. Internal hints stay in the process: `sent` and `answered`
 * (whether a failed request reached the engine, and whether it answered) and `decision`
 * (the access rule, for the audit log).
 */
function publicExtensions(ext: Record<string, unknown>): Record<string, unknown> {
  const { sent: _sent, answered: _answered, decision: _decision, ...rest } = ext;
  return rest;
}

/**
 * graphql-js's own syntax, validation and variable-coercion errors (as graphql-ws passes
 * them on, without Apollo's codes): a GraphQLError wrapping nothing and outside any field.
 * An error at a path without a cause (a null in a non-null field) is the gateway's bug.
 */
export function isRequestError(error: unknown): boolean {
  return error instanceof GraphQLError && error.originalError === undefined && error.path === undefined && error.extensions.code === undefined;
}

/** The error a resolver threw, under GraphQL's wrapping (with or without a path): the one unwrapping, for the answer and the log. */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const inner = (current as { originalError?: unknown }).originalError;
    if (!inner) break;
    current = inner;
  }
  return current;
}
