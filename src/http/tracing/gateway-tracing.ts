// The gateway's OpenTelemetry tracer: spans of GraphQL requests, graphql-ws operations, Engine
// API calls and audit appends (request-span.ts, ws-operation-span.ts, engine-call-spans.ts,
// traced-audit-writer.ts), sampled (sampler.ts) and exported over OTLP/HTTP in batches. Off (no endpoint configured): no provider, no exporter, and every
// tracing hook returns at its first line. The provider is the gateway's own, never the
// process-global one, so two gateways in one process (the tests) trace apart.
import { context, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TracingSettings } from '../../config/config.ts';
import { SAMPLE_ALL, samplerOf, type Sampling } from './sampler.ts';

export interface GatewayTracing {
  /** null: tracing is off. */
  tracer: Tracer | null;
  /** Exports the spans still buffered and stops the exporter. */
  shutdown(): Promise<void>;
}

export const TRACING_OFF: GatewayTracing = { tracer: null, shutdown: async () => {} };

/**
 * The active span follows a request through its promises and timers (Node's AsyncLocalStorage):
 * registered once per process, the first time a gateway traces. An embedding program that set
 * its own context manager keeps it (OpenTelemetry refuses a second one).
 */
let contextManagerSet = false;
function ensureContextManager(): void {
  if (contextManagerSet) return;
  contextManagerSet = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

/** A tracer whose sampled spans go to `processors` (tests pass an in-memory exporter's). */
export function tracingWith(serviceName: string, processors: SpanProcessor[], sampling: Sampling = SAMPLE_ALL): GatewayTracing {
  ensureContextManager();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: processors,
    // Always ours: without one the SDK would read OTEL_TRACES_SAMPLER itself (config.ts reads it once, validated).
    sampler: samplerOf(sampling),
  });
  return { tracer: provider.getTracer('swarm-gateway'), shutdown: () => provider.shutdown() };
}

/** The tracing the configuration asks for: OTLP/HTTP to `<otlpEndpoint>/v1/traces`, or off. */
export function createTracing(settings: TracingSettings): GatewayTracing {
  if (!settings.otlpEndpoint) return TRACING_OFF;
  const exporter = new OTLPTraceExporter({ url: `${settings.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`, headers: settings.headers });
  return tracingWith(settings.serviceName, [new BatchSpanProcessor(exporter)], settings);
}
