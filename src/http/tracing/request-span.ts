// One SERVER span per request on the traced routes. A W3C `traceparent` (and `tracestate`) the
// caller sent makes the span a child of the caller's span; without one (or with a malformed one,
// which the propagator ignores) a new trace starts. The response carries our span as its own
// `traceparent`, so a caller finds the trace. The span ends when the response is sent, named
// and labelled from what request-metrics.ts noted about the GraphQL operation.
import { context, defaultTextMapGetter, defaultTextMapSetter, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { RequestHandler, Response } from 'express';
import { resultOfResponse } from '../metrics/request-metrics.ts';
import { serve, type Serving } from './active-trace.ts';
import type { GatewayTracing } from './gateway-tracing.ts';
import { describeOperation, SubscriptionNotes, type SubscriptionTransport } from './operation-span.ts';

const propagator = new W3CTraceContextPropagator();

/** Where a response keeps its request's trace context (res.locals). */
interface TraceLocals {
  traceContext?: Context;
  traceId?: string;
  serving?: Serving;
  /** The subscription the response streams (server-sent events), noted by its transport. */
  subscription?: SubscriptionNotes;
}

/**
 * Starts the request's span; every request on the route gets one. Does nothing with tracing
 * off. Its `http.route` is the mount point, or the one of `routes` (a path below a mount point,
 * /graphql/stream) the request is on.
 */
export function traceRequests(tracing: GatewayTracing, routes: readonly string[] = []): RequestHandler {
  const tracer = tracing.tracer;
  if (!tracer) return (_req, _res, next) => next();
  return (req, res, next) => {
    const parent = propagator.extract(context.active(), req.headers, defaultTextMapGetter);
    const path = `${req.baseUrl}${req.path}`;
    const route = routes.find((r) => path === r || path.startsWith(`${r}/`)) ?? (req.baseUrl || req.path);
    const span = tracer.startSpan(`${req.method} ${route}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method, 'http.route': route, 'swarm_gateway.request_id': String(res.locals.requestId) },
    }, parent);
    const serving = serve(parent, span);
    const traced = serving.context;
    const locals = res.locals as TraceLocals;
    locals.serving = serving;
    locals.traceContext = traced;
    locals.traceId = span.spanContext().traceId;
    const headers: Record<string, string> = {};
    propagator.inject(traced, headers, defaultTextMapSetter);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    // `finish`: the answer was sent; `close` without it: the caller went away first.
    let ended = false;
    const end = (finished: boolean) => {
      if (ended) return;
      ended = true;
      serving.close();
      endRequestSpan(span, res, finished);
    };
    res.once('finish', () => end(true));
    res.once('close', () => end(false));
    // Everything after runs in the span's context: body parsing, Apollo and the resolvers
    // (test/unit/http/tracing.test.ts checks that the engine calls are its children).
    context.with(traced, next);
  };
}

/** The trace ID of the request a response answers, when it is traced. */
export function traceIdOf(res: Response): string | undefined {
  return (res.locals as TraceLocals).traceId;
}

/** The trace context of the request a response answers (undefined: untraced). */
export function traceContextOf(res: Response): Context | undefined {
  return (res.locals as TraceLocals).traceContext;
}

/**
 * The response streams a subscription: what its transport notes about it names the request's
 * span (operation-span.ts, as for graphql-ws). Call once the operation is known to be one.
 */
export function streamsSubscription(res: Response, transport: SubscriptionTransport): SubscriptionNotes {
  const locals = res.locals as TraceLocals;
  locals.subscription ??= new SubscriptionNotes(transport);
  return locals.subscription;
}

/** The subscription started: what it delivers from now on makes no child span (a span per event). */
export function deliveringSubscription(res: Response): void {
  (res.locals as TraceLocals).serving?.delivering();
}

function endRequestSpan(span: Span, res: Response, finished: boolean): void {
  const locals = res.locals as TraceLocals & { operationType?: string; operationName?: string };
  // A stream ends when the server ends it (`finish`) or when the client goes away (`close` first).
  if (locals.subscription) locals.subscription.describe(span, finished ? 'server' : 'connection');
  else if (finished) describeOperation(span, { operationType: locals.operationType, operationName: locals.operationName, result: resultOfResponse(res) });
  if (finished) {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: resultOfResponse(res) });
  }
  span.end();
}
