// The span a piece of work belongs to: the active span, when it is still being recorded. A
// watcher or tracker started during a request keeps that request's context in its timers for
// ever (AsyncLocalStorage follows them); once the request's span ended it is not recording, so
// background work makes no spans and carries no trace ID. With tracing off nothing records.
import { context, trace, type Span } from '@opentelemetry/api';

export function recordingSpan(): Span | undefined {
  const span = trace.getSpan(context.active());
  return span?.isRecording() ? span : undefined;
}
