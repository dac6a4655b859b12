// What is being served in the active context: a request or a subscription, its span, and
// whether it is still open. A watcher or tracker started while serving keeps that context in
// its timers for ever (AsyncLocalStorage follows them); once the request or subscription ended
// its marker says so, so background work makes no spans and carries no trace ID. A span that
// is not sampled records nothing but still has its IDs: audit records and log lines carry its
// trace ID all the same. With tracing off nothing is served here.
import { context, createContextKey, trace, type Context, type Span } from '@opentelemetry/api';

interface Served {
  span: Span;
  open: boolean;
  /** False once a subscription delivers: its events make no spans (they would be a span per event). */
  childSpans: boolean;
}

const SERVED = createContextKey('swarm-gateway: the request or subscription being served');

export interface Serving {
  /** The context to serve in: the span active, the marker set. */
  context: Context;
  /** Served no more: from now on nothing in this context makes a span or carries the trace ID. */
  close(): void;
  /** The subscription started: its deliveries make no child spans (they keep the trace ID). */
  delivering(): void;
}

export function serve(parent: Context, span: Span): Serving {
  const served: Served = { span, open: true, childSpans: true };
  return {
    context: trace.setSpan(parent, span).setValue(SERVED, served),
    close: () => void (served.open = false),
    delivering: () => void (served.childSpans = false),
  };
}

const servedNow = (): Served | undefined => {
  const served = context.active().getValue(SERVED) as Served | undefined;
  return served?.open ? served : undefined;
};

/** The span to make a child of (an Engine API call, an audit append): the one served now, if it records. */
export function recordingSpan(): Span | undefined {
  const served = servedNow();
  return served?.childSpans && served.span.isRecording() ? served.span : undefined;
}

/** The trace ID of what is served now, sampled or not: for its audit records. */
export function servedTraceId(): string | undefined {
  return servedNow()?.span.spanContext().traceId;
}
