// The audit writer as traced requests see it: each append is a span under the request's span,
// and each record written while a traced request is served carries that request's trace ID
// (AuditIntent.traceId), sampled or not, so an auditor can go from a record to its trace and back.
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { AuditIntent, AuditWriter } from '../../audit/audit-writer.ts';
import { recordingSpan, servedTraceId } from './active-trace.ts';
import type { GatewayTracing } from './gateway-tracing.ts';

type AppendKind = 'intent' | 'outcome' | 'sensitive_read' | 'refusal';

export function tracedAuditWriter(audit: AuditWriter, tracing: GatewayTracing): AuditWriter {
  const tracer = tracing.tracer;
  if (!tracer) return audit;
  const traced = async <T>(kind: AppendKind, append: () => Promise<T>): Promise<T> => {
    if (!recordingSpan()) return append();
    const span = tracer.startSpan(`audit append ${kind}`, { kind: SpanKind.INTERNAL, attributes: { 'swarm_gateway.audit.kind': kind } }, context.active());
    try {
      return await append();
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as { code?: string }).code ?? 'failed' });
      throw err;
    } finally {
      span.end();
    }
  };
  const withTrace = (intent: AuditIntent): AuditIntent => {
    const traceId = intent.traceId ?? servedTraceId();
    return traceId ? { ...intent, traceId } : intent;
  };
  return {
    intent: (intent) => traced('intent', () => audit.intent(withTrace(intent))),
    outcome: (id, outcome) => traced('outcome', () => audit.outcome(id, outcome)),
    sensitiveRead: (intent) => traced('sensitive_read', () => audit.sensitiveRead(withTrace(intent))),
    refusal: (intent, refusal) => traced('refusal', () => audit.refusal(withTrace(intent), refusal)),
    get spoolDepth() {
      return audit.spoolDepth;
    },
  };
}
