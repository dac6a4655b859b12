// The logger of one request or subscription: every line it writes carries the request's ID and,
// when it is traced, its trace ID (the same fields as the GraphQL context's logger). Every line
// src/http writes about a request or a graphql-ws operation goes through it, so no line of a
// traced one lacks the trace ID.
import type { Response } from 'express';
import type { Logger } from 'pino';
import { traceIdOf } from './tracing/request-span.ts';

export interface OperationIds {
  requestId: string | undefined;
  traceId: string | undefined;
}

/** The logger of an operation by its IDs (a graphql-ws operation: `transport` in `fields`). */
export function operationLogger(logger: Logger, ids: OperationIds, fields: Record<string, string> = {}): Logger {
  const { requestId, traceId } = ids;
  return logger.child(traceId ? { requestId, traceId, ...fields } : { requestId, ...fields });
}

/** The logger of the HTTP request `res` answers. */
export function requestLogger(logger: Logger, res: Response): Logger {
  const requestId = res.locals.requestId === undefined ? undefined : String(res.locals.requestId);
  return operationLogger(logger, { requestId, traceId: traceIdOf(res) });
}
