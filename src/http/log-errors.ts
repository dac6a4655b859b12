// Unexpected errors are masked in responses (format-error.ts); this plugin writes them to
// the log with the request ID, so "the gateway log has the details" stays true.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { GatewayError } from '../errors/gateway-error.ts';
import type { GatewayContext } from '../graphql/context.ts';

/** Whether an error is one of ours (already meaningful to the caller) or GraphQL's own validation. */
function isExpected(error: GraphQLError): boolean {
  let cause: unknown = error.originalError;
  while (cause instanceof Error && (cause as { originalError?: unknown }).originalError) cause = (cause as { originalError?: unknown }).originalError;
  return cause instanceof GatewayError || error.originalError === undefined;
}

export function logUnexpectedErrors(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpected(error)) continue;
            const log = contextValue?.logger ?? logger;
            log.error({ err: error.originalError ?? error, path: error.path, operationName }, 'unexpected error while resolving a request');
          }
        },
      };
    },
  };
}

/** The same check for graphql-ws, which has no Apollo plugins. */
export function logIfUnexpected(logger: Logger, errors: readonly GraphQLError[]): void {
  for (const error of errors) if (!isExpected(error)) logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error in a subscription');
}
