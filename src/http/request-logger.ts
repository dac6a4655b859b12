// The logger of one HTTP request: every line it writes carries the request's ID and, when the
// request is traced, its trace ID (the same fields as the GraphQL context's logger). Every
// line src/http writes about a request goes through it, so no line of a traced request lacks
// the trace ID.
import type { Response } from 'express';
import type { Logger } from 'pino';
import { traceIdOf } from './tracing/request-span.ts';

export function requestLogger(logger: Logger, res: Response): Logger {
  const requestId = res.locals.requestId === undefined ? undefined : String(res.locals.requestId);
  const traceId = traceIdOf(res);
  return logger.child(traceId ? { requestId, traceId } : { requestId });
}
