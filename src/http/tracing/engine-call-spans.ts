// One CLIENT span per Engine API call sent while a traced request is being served, a child of
// that request's span. Its name and attributes hold only the method, the templated route and
// how it ended (engine-calls.ts), the same as the metrics' labels: never an ID or a name.
// Calls outside a request (the watched state's polls, rollout trackers after their request
// ended) make no span (active-trace.ts).
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { EngineCallListeners } from '../../docker/engine-calls.ts';
import { recordingSpan } from './active-trace.ts';
import type { GatewayTracing } from './gateway-tracing.ts';

const NOTHING = () => {};

/** Traces the registry's calls; returns the removal (at gateway stop). */
export function traceEngineCalls(calls: EngineCallListeners, tracing: GatewayTracing): () => void {
  const tracer = tracing.tracer;
  if (!tracer) return NOTHING;
  return calls.watch(({ method, route }) => {
    if (!recordingSpan()) return NOTHING;
    const span = tracer.startSpan(`docker ${method} ${route}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'http.request.method': method, 'url.template': route, 'swarm_gateway.engine.route': route },
    }, context.active());
    return (outcome) => {
      span.setAttribute('swarm_gateway.engine.outcome', outcome);
      if (/^[0-9]{3}$/.test(outcome)) span.setAttribute('http.response.status_code', Number(outcome));
      if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
      span.end();
    };
  });
}
