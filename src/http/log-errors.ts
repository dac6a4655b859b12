// Every error a caller receives is logged once, at a level fit for alerting, decided by the
// code the caller sees (format-error.ts): the caller's own mistakes (syntax, validation,
// BAD_REQUEST, NOT_FOUND, FORBIDDEN, limits...) at info with their code and message and no
// stack; an engine or the audit database being unavailable at warn; only INTERNAL, an
// unexpected failure, at error, with the cause and its stack, under the request ID.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { GatewayContext } from '../graphql/context.ts';
import { formatError, rootCause } from './format-error.ts';

/** Codes that say the gateway's surroundings are unwell, not the caller or the gateway. */
const OPERATIONAL = new Set(['ENGINE_UNAVAILABLE', 'NOT_A_SWARM_MANAGER', 'AUDIT_UNAVAILABLE']);

export type LogLevel = 'info' | 'warn' | 'error';

/** The level an error is logged at, from the code the caller gets for it. */
export function levelOf(code: string): LogLevel {
  if (code === 'INTERNAL') return 'error';
  return OPERATIONAL.has(code) ? 'warn' : 'info';
}

/** Logs each error once; `logger` carries the request ID (the context's child logger). */
export function logErrors(logger: Logger, errors: readonly GraphQLError[], where: Record<string, unknown> = {}): void {
  for (const error of errors) {
    const shown = formatError(error.toJSON(), error);
    const code = String(shown.extensions?.code ?? 'INTERNAL');
    const level = levelOf(code);
    if (level === 'error') logger.error({ ...where, code, err: rootCause(error), path: error.path }, 'unexpected error while serving a request');
    else logger[level]({ ...where, code, path: error.path }, `request refused or failed: ${shown.message}`);
  }
}

export function logRequestErrors(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          logErrors(contextValue?.logger ?? logger, errors, { operationName: operationName ?? undefined });
        },
      };
    },
  };
}
