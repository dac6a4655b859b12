// Closing intents left without an outcome (a process died between the engine call and the
// outcome write): find them in the database, decide each outcome from the engine's present
// state (reconcile.ts), and append an outcome record that says why (`input.reconciled`).
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { appendRecord } from './chain-append.ts';
import type { JsonValue, RecordFields } from './record.ts';
import { reconcileIntent, type EngineStateReader, type OpenIntent, type Reconciliation } from './reconcile.ts';

/** An open intent with what its outcome record copies. */
export type StoredOpenIntent = OpenIntent & Pick<RecordFields, 'requestId' | 'principal' | 'clientAddress' | 'userAgent'>;

/** Intents without an outcome recorded in [since, before), in seq order. */
export async function findOpenIntents(prisma: PrismaClient, range: { before: Date; since?: Date | undefined }): Promise<StoredOpenIntent[]> {
  const since = range.since ? Prisma.sql`AND i.recorded_at >= ${range.since}` : Prisma.empty;
  const rows = await prisma.$queryRaw<(Omit<StoredOpenIntent, 'recordedAt'> & { recordedAt: Date | string })[]>`
    SELECT i.id::text AS id, i.operation, i.cluster, i.target, i.input, i.recorded_at AS "recordedAt",
           i.request_id AS "requestId", i.principal, i.client_address AS "clientAddress", i.user_agent AS "userAgent"
    FROM audit_records i
    WHERE i.kind = 'intent' AND i.recorded_at < ${range.before} ${since}
      AND NOT EXISTS (SELECT 1 FROM audit_records o WHERE o.kind = 'outcome' AND o.intent_id = i.id)
    ORDER BY i.seq`;
  return rows.map((r) => ({ ...r, input: (r.input ?? null) as JsonValue | null, recordedAt: new Date(r.recordedAt) }));
}

export interface ReconcilePassOptions {
  prisma: PrismaClient;
  engine: EngineStateReader;
  /** Clusters the gateway is configured for; an intent on another one is recorded as unknown. */
  clusters: readonly string[];
  logger: Logger;
  /** Intents this process is still working on: never reconciled. */
  skip?: ReadonlySet<string>;
  clockSkewMs?: number;
}

export interface ReconcilePassResult {
  written: Reconciliation[];
  /** Intents whose engine could not be read: left open to retry later. */
  deferred: StoredOpenIntent[];
}

/** Decides and records the outcome of each given open intent, in order. */
export async function reconcileOpen(intents: readonly StoredOpenIntent[], opts: ReconcilePassOptions): Promise<ReconcilePassResult> {
  const written: Reconciliation[] = [];
  const deferred: StoredOpenIntent[] = [];
  for (const intent of intents) {
    if (opts.skip?.has(intent.id)) continue;
    let decision: Reconciliation;
    if (intent.cluster !== null && !opts.clusters.includes(intent.cluster)) {
      decision = { intentId: intent.id, outcome: 'unknown', reason: `the cluster ${intent.cluster} is no longer configured`, objectIds: [] };
    } else {
      decision = await reconcileIntent(intent, opts.engine, opts.clockSkewMs !== undefined ? { clockSkewMs: opts.clockSkewMs } : {});
      if (decision.engineUnreadable) {
        opts.logger.warn({ intentId: intent.id, operation: intent.operation, reason: decision.reason }, 'open audit intent not reconciled yet: the engine could not be read');
        deferred.push(intent);
        continue;
      }
    }
    const record = await appendRecord(opts.prisma, outcomeOf(intent, decision), { skipIfOutcomeRecorded: true, stampTime: true });
    if (record) {
      written.push(decision);
      opts.logger.warn({ intentId: intent.id, operation: intent.operation, target: intent.target, outcome: decision.outcome, reason: decision.reason }, 'reconciled an audit intent left without outcome');
    }
  }
  return { written, deferred };
}

function outcomeOf(intent: StoredOpenIntent, decision: Reconciliation): RecordFields {
  return {
    id: randomUUID(),
    kind: 'outcome',
    recordedAt: new Date(),
    requestId: intent.requestId,
    principal: intent.principal,
    clientAddress: intent.clientAddress,
    userAgent: intent.userAgent,
    cluster: intent.cluster,
    operation: intent.operation,
    target: intent.target,
    input: { reconciled: decision.reason },
    intentId: intent.id,
    outcome: decision.outcome,
    errorCode: null,
    objectIds: decision.objectIds,
    // The real duration is not known: the process died before it could measure it.
    durationMs: null,
    decision: null,
  };
}
