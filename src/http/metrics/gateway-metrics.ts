// The gateway's Prometheus metrics (prom-client), one registry per gateway so two gateways in
// one process (the tests) count apart. Labels are small closed sets only: operation types,
// result codes, Engine API routes with their variable parts replaced (src/docker/engine-calls.ts),
// audit record kinds, rollout states. No ID, name or principal is ever a label: a label per
// object would grow without bound, and /metrics would tell who did what.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineCall } from '../../docker/engine-calls.ts';
import { ERROR_CODES } from '../../errors/codes.ts';

/** Seconds: from a cached read (a millisecond) to a slow engine (the 10 s default timeout). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);
const RESULT_CODES = new Set<string>(['OK', ...ERROR_CODES]);

/** Where the gauges read their values when Prometheus scrapes. */
export interface GaugeSources {
  /** Audit outcomes waiting in the local spool for the database (undefined: this writer has no spool). */
  auditSpoolDepth: () => number | undefined;
  /** Subscriptions open over graphql-ws. */
  openSubscriptions: () => number;
  /** Each background job and whether this process runs it now (src/http/background-jobs.ts). */
  backgroundLeader?: () => Record<string, boolean>;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'operation_type' | 'result'>;
  private readonly requestSeconds: Histogram<'operation_type'>;
  private readonly engineCalls: Counter<'method' | 'route' | 'status'>;
  private readonly engineSeconds: Histogram<'method' | 'route'>;
  private readonly auditAppendSeconds: Histogram<'kind' | 'result'>;
  private readonly rollouts: Counter<'conclusion'>;

  constructor(sources: GaugeSources) {
    const registers = [this.registry];
    // The process's own: CPU, resident memory, heap, event-loop lag, open handles.
    collectDefaultMetrics({ register: this.registry, prefix: 'swarm_gateway_' });
    this.requests = new Counter({
      name: 'swarm_gateway_graphql_requests_total',
      help: 'GraphQL requests over HTTP by operation type (query, mutation, subscription, unknown when none was parsed) and result (OK, or the first error code).',
      labelNames: ['operation_type', 'result'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'swarm_gateway_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request over HTTP to its answer, by operation type.',
      labelNames: ['operation_type'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.engineCalls = new Counter({
      name: 'swarm_gateway_engine_requests_total',
      help: 'Engine API requests by method, route (variable parts as {id}) and status (ok, the HTTP status of a refusal, or timeout, unreachable, failed).',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.engineSeconds = new Histogram({
      name: 'swarm_gateway_engine_request_duration_seconds',
      help: 'Engine API request latency (for a stream, until its headers), by method and route.',
      labelNames: ['method', 'route'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.auditAppendSeconds = new Histogram({
      name: 'swarm_gateway_audit_append_duration_seconds',
      help: 'Time to append an audit record (as the request waiting for it sees it), by kind (intent, outcome, sensitive_read, refusal) and result (ok, failed).',
      labelNames: ['kind', 'result'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.rollouts = new Counter({
      name: 'swarm_gateway_rollouts_concluded_total',
      help: 'Rollouts this gateway tracked to a conclusion, by conclusion (SUCCEEDED, ROLLED_BACK, PAUSED_ON_FAILURE, TIMED_OUT, NO_ELIGIBLE_NODES, SUPERSEDED, FAILED).',
      labelNames: ['conclusion'],
      registers,
    });
    new Gauge({
      name: 'swarm_gateway_audit_spool_depth',
      help: 'Audit outcomes waiting in the local spool for the database (0 without a spool).',
      registers,
      collect() {
        this.set(sources.auditSpoolDepth() ?? 0);
      },
    });
    new Gauge({
      name: 'swarm_gateway_background_leader',
      help: 'Whether this process runs a background job now (1) or another process on the same PostgreSQL does (0), by job (audit-maintenance, webhook-delivery).',
      labelNames: ['job'],
      registers,
      collect() {
        for (const [job, leads] of Object.entries(sources.backgroundLeader?.() ?? {})) this.set({ job }, leads ? 1 : 0);
      },
    });
    new Gauge({
      name: 'swarm_gateway_subscriptions_open',
      help: 'Subscriptions open over graphql-ws.',
      registers,
      collect() {
        this.set(sources.openSubscriptions());
      },
    });
  }

  graphqlRequest(operationType: string | undefined, result: string, seconds: number): void {
    const type = operationType && OPERATION_TYPES.has(operationType) ? operationType : 'unknown';
    this.requests.inc({ operation_type: type, result: RESULT_CODES.has(result) ? result : 'INTERNAL' });
    this.requestSeconds.observe({ operation_type: type }, seconds);
  }

  engineCall(call: EngineCall): void {
    this.engineCalls.inc({ method: call.method, route: call.route, status: call.outcome });
    this.engineSeconds.observe({ method: call.method, route: call.route }, call.seconds);
  }

  auditAppend(kind: 'intent' | 'outcome' | 'sensitive_read' | 'refusal', ok: boolean, seconds: number): void {
    this.auditAppendSeconds.observe({ kind, result: ok ? 'ok' : 'failed' }, seconds);
  }

  rolloutConcluded(conclusion: string): void {
    this.rollouts.inc({ conclusion });
  }
}
