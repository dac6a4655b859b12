// The audit writer as the requests see it, timed for /metrics: each append's latency includes
// the wait for the chain lock and the database, which is what a slow audit log costs a request.
import type { AuditWriter } from '../../audit/audit-writer.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';

export function measuredAuditWriter(audit: AuditWriter, metrics: GatewayMetrics): AuditWriter {
  const timed = async <T>(kind: Parameters<GatewayMetrics['auditAppend']>[0], append: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    let ok = false;
    try {
      const result = await append();
      ok = true;
      return result;
    } finally {
      metrics.auditAppend(kind, ok, (performance.now() - started) / 1000);
    }
  };
  return {
    intent: (intent) => timed('intent', () => audit.intent(intent)),
    outcome: (id, outcome) => timed('outcome', () => audit.outcome(id, outcome)),
    sensitiveRead: (intent) => timed('sensitive_read', () => audit.sensitiveRead(intent)),
    refusal: (intent, refusal) => timed('refusal', () => audit.refusal(intent, refusal)),
    get spoolDepth() {
      return audit.spoolDepth;
    },
  };
}
