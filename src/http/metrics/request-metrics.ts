// Counts and times every GraphQL request over HTTP for /metrics, whoever answered it: Apollo
// (its plugin notes the operation type and the first error code), or a middleware before it
// (an unreadable body, a refused credential, a rate limit: sendErrors notes the code; a bare
// status is read as its code). One place decides the result of a request: `finish`.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import type { GatewayMetrics } from './gateway-metrics.ts';

const BY_STATUS: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 413: 'BAD_REQUEST', 415: 'BAD_REQUEST', 429: 'RATE_LIMITED' };

/** The result of an answer nobody named: OK below 400, the status's code, else INTERNAL. */
export function resultOfStatus(status: number): string {
  if (status < 400) return 'OK';
  return BY_STATUS[status] ?? 'INTERNAL';
}

/** The result of a request once answered: the code the GraphQL layer or a middleware noted, else the status's. */
export function resultOfResponse(res: Response): string {
  return (res.locals as { resultCode?: string }).resultCode ?? resultOfStatus(res.statusCode);
}

export interface GraphqlRequestMetrics<Context extends object> {
  /** Before everything on /graphql: starts the clock, records on `finish`. */
  middleware: RequestHandler;
  /** Tells the plugin which response a context belongs to (from Apollo's context function). */
  attach(context: Context, res: Response): Context;
  plugin: ApolloServerPlugin<Context>;
}

/**
 * Where a context keeps its response. A symbol-keyed own property, not a WeakMap keyed by the
 * context: Apollo hands plugins a shallow copy of the context (Object.assign onto a new
 * object), which keeps own enumerable properties, symbols included, but not the identity.
 */
const RESPONSE = Symbol('the HTTP response of this GraphQL request');

export function graphqlRequestMetrics<Context extends object>(metrics: GatewayMetrics): GraphqlRequestMetrics<Context> {
  return {
    middleware(_req, res, next) {
      const started = performance.now();
      res.once('finish', () => {
        metrics.graphqlRequest((res.locals as { operationType?: string }).operationType, resultOfResponse(res), (performance.now() - started) / 1000);
      });
      next();
    },
    attach(context, res) {
      (context as { [RESPONSE]?: Response })[RESPONSE] = res;
      return context;
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ contextValue, operation, operationName, response }) {
            const res = (contextValue as { [RESPONSE]?: Response })[RESPONSE];
            if (!res) return;
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            res.locals.operationType = operation?.operation;
            // For the request's span (tracing/request-span.ts); never a metric label: names are unbounded.
            res.locals.operationName = operationName ?? undefined;
            res.locals.resultCode = (errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
          },
        };
      },
    },
  };
}
