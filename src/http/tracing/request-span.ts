// One SERVER span per request on the traced routes. A W3C `traceparent` (and `tracestate`) the
// caller sent makes the span a child of the caller's span; without one (or with a malformed one,
// which the propagator ignores) a new trace starts. The response carries our span as its own
// `traceparent`, so a caller finds the trace. The span ends when the response is sent, named
// and labelled from what request-metrics.ts noted about the GraphQL operation.
import { context, defaultTextMapGetter, defaultTextMapSetter, SpanKind, SpanStatusCode, type Context, type Span } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { RequestHandler, Response } from 'express';
import { resultOfResponse } from '../metrics/request-metrics.ts';
import { serve } from './active-trace.ts';
import type { GatewayTracing } from './gateway-tracing.ts';

const propagator = new W3CTraceContextPropagator();

/** Where a response keeps its request's trace context (res.locals). */
interface TraceLocals {
  traceContext?: Context;
  traceId?: string;
}

/** Starts the request's span; every request on the route gets one. Does nothing with tracing off. */
export function traceRequests(tracing: GatewayTracing): RequestHandler {
  const tracer = tracing.tracer;
  if (!tracer) return (_req, _res, next) => next();
  return (req, res, next) => {
    const parent = propagator.extract(context.active(), req.headers, defaultTextMapGetter);
    const span = tracer.startSpan(`${req.method} ${req.baseUrl || req.path}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': req.method, 'http.route': req.baseUrl || req.path, 'swarm_gateway.request_id': String(res.locals.requestId) },
    }, parent);
    const serving = serve(parent, span);
    const traced = serving.context;
    const locals = res.locals as TraceLocals;
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
      if (finished) endRequestSpan(span, res);
      else span.end();
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

function endRequestSpan(span: Span, res: Response): void {
  const locals = res.locals as { operationType?: string; operationName?: string };
  const result = resultOfResponse(res);
  if (locals.operationType) {
    span.setAttribute('graphql.operation.type', locals.operationType);
    span.updateName(`${locals.operationType}${locals.operationName ? ` ${locals.operationName}` : ''}`);
  }
  if (locals.operationName) span.setAttribute('graphql.operation.name', locals.operationName);
  span.setAttribute('http.response.status_code', res.statusCode);
  span.setAttribute('swarm_gateway.result', result);
  if (res.statusCode >= 500 || result === 'INTERNAL') span.setStatus({ code: SpanStatusCode.ERROR, message: result });
  span.end();
}
