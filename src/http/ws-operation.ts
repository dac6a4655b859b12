// A graphql-ws subscribe, made ready to run the way Apollo makes an HTTP request ready:
// graphql-ws would otherwise parse it itself (a syntax error then throws out of its
// handler and closes the whole socket with 4500, ending every other subscription on it)
// and validate it without our rules. Here each problem fails that one operation, with its
// code: PERSISTED_QUERY_NOT_SUPPORTED, BAD_REQUEST for syntax, the limits, then
// validation (no introspection and no "Did you mean" in production, as over HTTP).
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { LimitSettings } from '../config/access-config.ts';
import { PERSISTED_QUERY_MESSAGE } from './format-error.ts';
import { subscriptionLimitErrors } from './limits/subscription-limits.ts';

export interface SubscribePayload {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
  extensions?: Record<string, unknown> | null | undefined;
}

export interface WsOperationOptions {
  limits: LimitSettings;
  /** No introspection, no suggestions. */
  production: boolean;
}

const requestError = (message: string, code = 'BAD_REQUEST', from?: GraphQLError) =>
  new GraphQLError(message, { ...(from?.nodes ? { nodes: from.nodes } : {}), extensions: { code } });

/** Apollo's DisableSuggestions does the same to HTTP validation errors. */
const withoutSuggestion = (message: string) => message.replace(/ ?Did you mean(.+?)\?$/, '');

/** The execution arguments (without context) or the errors that fail the subscribe. */
export function prepareWsOperation(schema: GraphQLSchema, options: WsOperationOptions, payload: SubscribePayload): Omit<ExecutionArgs, 'contextValue'> | GraphQLError[] {
  if (payload.extensions && 'persistedQuery' in payload.extensions) return [requestError(PERSISTED_QUERY_MESSAGE, 'PERSISTED_QUERY_NOT_SUPPORTED')];
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: 50_000 });
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return [requestError(err.message, 'BAD_REQUEST', err)];
  }
  // The limits first, as over HTTP: an alias flood is QUERY_TOO_COMPLEX, not the spec's
  // "a subscription selects one field".
  const overLimits = subscriptionLimitErrors(schema, options.limits, document, payload.operationName, payload.variables);
  if (overLimits.length > 0) return [...overLimits];
  const rules = options.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const invalid = validate(schema, document, rules);
  if (invalid.length > 0) return invalid.map((e) => requestError(options.production ? withoutSuggestion(e.message) : e.message, 'BAD_REQUEST', e));
  return { schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null };
}
