// One SERVER span per graphql-ws operation (a subscription, or a query or mutation sent over
// the socket), from its subscribe message to its end. A WebSocket message has no headers: the
// caller's W3C `traceparent` (and `tracestate`) travel in the subscribe message's `extensions`,
// as GraphQL clients put tracing data there; a valid one makes the span its child, a malformed
// one is ignored (a new trace). Named and described in operation-span.ts, as a request's span.
import { context, defaultTextMapGetter, ROOT_CONTEXT, SpanKind, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { serve } from './active-trace.ts';
import type { GatewayTracing } from './gateway-tracing.ts';
import { SubscriptionNotes, type EndedBy } from './operation-span.ts';

const propagator = new W3CTraceContextPropagator();

/** Until it has been parsed: which operation it runs is not known. */
const UNPARSED_NAME = 'graphql-ws /graphql';

export interface WsOperationTrace {
  notes: SubscriptionNotes;
  /** Undefined with tracing off. */
  traceId: string | undefined;
  /** The context to run it in: its span is the parent of the Engine API calls and audit appends. */
  context: Context;
  /** It started delivering: its events make no spans. */
  delivering(): void;
  /** Ends the span (once). */
  end(by: EndedBy): void;
}

export function traceWsOperation(tracing: GatewayTracing, requestId: string, extensions: Record<string, unknown> | null | undefined): WsOperationTrace {
  const notes = new SubscriptionNotes('graphql-ws');
  const tracer = tracing.tracer;
  if (!tracer) return { notes, traceId: undefined, context: context.active(), delivering: () => {}, end: () => {} };
  const carrier: Record<string, string> = {};
  for (const header of propagator.fields()) {
    const value = extensions?.[header];
    if (typeof value === 'string') carrier[header] = value;
  }
  const parent = propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
  const span = tracer.startSpan(UNPARSED_NAME, { kind: SpanKind.SERVER, attributes: { 'swarm_gateway.request_id': requestId, 'swarm_gateway.transport': 'graphql-ws' } }, parent);
  const serving = serve(parent, span);
  let ended = false;
  return {
    notes,
    traceId: span.spanContext().traceId,
    context: serving.context,
    delivering: serving.delivering,
    end(by) {
      if (ended) return;
      ended = true;
      serving.close();
      notes.describe(span, by);
      span.end();
    },
  };
}
