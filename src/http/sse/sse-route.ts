// GraphQL subscriptions over server-sent events at /graphql/stream, the GraphQL over SSE
// protocol's "distinct connections mode" (graphql-sse): one stream per request, POST with a
// JSON body or GET with `query`/`variables`/`operationName` in the URL, and `Accept:
// text/event-stream`. Everything before the stream opens is the HTTP surface's: the body
// reader (UTF-8 JSON, 1 MiB), authentication (401), the principal's rate budget (429),
// all answered in the one error envelope. Problems with the operation itself (syntax,
// limits, validation, the subscription cap) come as a `next` event with the errors, then
// `complete`, as the protocol asks (an EventSource would drop a 4xx without reading it).
// A separate path rather than content negotiation on /graphql: Apollo's middleware there
// answers one JSON result per request, and its plugins (status codes, metrics) assume it.
import type { Request, RequestHandler } from 'express';
import { createHandler, type Handler } from 'graphql-sse';
import Negotiator from 'negotiator';
import type { Logger } from 'pino';
import { sendErrors } from '../error-envelope.ts';
import { readGraphQLBody } from '../read-body.ts';
import { sseOperations, type SseOperationDeps, type SseRequestContext } from './sse-operations.ts';
import { requestLogger } from '../request-logger.ts';

export const SSE_PATH = '/graphql/stream';
const EVENT_STREAM = 'text/event-stream';

export interface SseRouteDeps extends SseOperationDeps {
  /** authenticate-request.ts's middleware, as for /graphql. */
  authenticate: RequestHandler;
  /** The principal's request budget, shared with /graphql and graphql-ws. */
  rateLimit: RequestHandler;
  logger: Logger;
}

/** GET and POST with Accept: text/event-stream only; the envelope names what to send otherwise. */
const eventStreamRequest: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendErrors(req, res, 405, { code: 'BAD_REQUEST', message: `${SSE_PATH} takes GET or POST, not ${req.method}` }, { allow: 'GET, POST' });
    return;
  }
  if (!new Negotiator({ headers: { accept: req.get('accept') ?? '' } }).mediaType([EVENT_STREAM])) {
    sendErrors(req, res, 406, { code: 'BAD_REQUEST', message: `${SSE_PATH} answers server-sent events only: send Accept: ${EVENT_STREAM} (queries and mutations go to /graphql)` });
    return;
  }
  if (req.method === 'POST' && !req.is('application/json')) {
    sendErrors(req, res, 415, { code: 'BAD_REQUEST', message: `a POST to ${SSE_PATH} carries a JSON body (Content-Type: application/json): {"query": "subscription { ... }", "variables": {...}}` });
    return;
  }
  next();
};

export interface SseRoute {
  handlers: RequestHandler[];
  /** Ends every open stream (the gateway stops). */
  endAll(): void;
}

export function sseRoute(deps: SseRouteDeps): SseRoute {
  const operations = sseOperations(deps);
  const handler = createHandler<Request, SseRequestContext, Record<PropertyKey, unknown>>(operations.options);
  return { handlers: [eventStreamRequest, ...readGraphQLBody(), deps.authenticate, deps.rateLimit, serveStream(handler, deps.logger)], endAll: operations.endAll };
}

/**
 * graphql-sse's own Express adapter, but with its refusals (a body or URL it cannot read,
 * a bad `variables`) in the gateway's envelope, and the Accept header as negotiated above
 * (graphql-sse compares it to `text/event-stream` exactly).
 */
function serveStream(handler: Handler<Request, SseRequestContext>, logger: Logger): RequestHandler {
  return async (req, res, next) => {
    try {
      const [body, init] = await handler({
        method: req.method,
        url: req.url,
        headers: { get: (key) => (key.toLowerCase() === 'accept' ? EVENT_STREAM : req.get(key)) },
        body: (req.body as Record<string, unknown> | undefined) ?? null,
        raw: req,
        context: { res },
      });
      if (!body || typeof body === 'string') {
        sendErrors(req, res, init.status >= 400 ? init.status : 400, { code: 'BAD_REQUEST', message: refusalMessage(body, init.statusText) });
        return;
      }
      // no-store as every answer of the gateway (graphql-sse says no-cache); a proxy that buffers (nginx) would hold the events back.
      res.writeHead(init.status, init.statusText, { ...init.headers, 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      res.flushHeaders();
      const stop = () => void body.return(undefined);
      res.once('close', stop);
      for await (const chunk of body) {
        if (!res.writable) break;
        // One event at a time into the socket: a slow client holds its own stream back, not memory.
        await new Promise<void>((resolve) => res.write(chunk, () => resolve()));
      }
      res.off('close', stop);
      res.end();
    } catch (err) {
      if (!res.headersSent) return next(err);
      requestLogger(logger, res).error({ err }, 'a server-sent event stream failed');
      res.destroy();
    }
  };
}

/** graphql-sse's refusal text (`{"errors":[{"message":...}]}`), or its status text. */
function refusalMessage(body: string | null, statusText: string): string {
  try {
    const message = (JSON.parse(body ?? '') as { errors?: { message?: unknown }[] }).errors?.[0]?.message;
    if (typeof message === 'string') return `the stream request cannot be read: ${message}`;
  } catch {
    // not JSON: the status text says it
  }
  return `the stream request cannot be read: ${statusText}`;
}
