// The intents whose outcome is still to be decided, found in the database, and the
// outcome records that decide them. Two kinds:
// - open: an intent without any outcome (its process died between the engine call and the
//   outcome write), with the writer session that wrote it (writer-sessions.ts);
// - unknown: an intent closed as `unknown` when the engine gave no answer, not reconciled yet.
// Each is decided from the engine's state and events (reconcile.ts) and gets one more outcome
// record saying why (`input.reconciled`); for an unknown one, it follows the unknown.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { appendRecord } from './chain-append.ts';
import type { JsonValue, RecordFields } from './record.ts';
import { reconcileIntent } from './reconcile.ts';
import type { EngineStateReader, EventLog, OpenIntent, Reconciliation } from './reconcile-evidence.ts';

/** An intent to decide, with what its outcome record copies. */
export type StoredOpenIntent = OpenIntent &
  Pick<RecordFields, 'requestId' | 'traceId' | 'principal' | 'clientAddress' | 'userAgent'> & {
    /** The writer session that wrote it; null for intents written before sessions were recorded. */
    writerSession: string | null;
    /** Set when the intent was closed as `unknown`: that outcome's ID (the reconciled one follows it). */
    unknownOutcomeId?: string | undefined;
  };

type Row = Omit<StoredOpenIntent, 'recordedAt'> & { recordedAt: Date | string };

const fromRow = (r: Row): StoredOpenIntent => ({ ...r, input: (r.input ?? null) as JsonValue | null, recordedAt: new Date(r.recordedAt), unknownOutcomeId: r.unknownOutcomeId ?? undefined });

/** Intents without an outcome recorded in [since, before), in seq order. */
export async function findOpenIntents(prisma: PrismaClient, range: { before: Date; since?: Date | undefined }): Promise<StoredOpenIntent[]> {
  const since = range.since ? Prisma.sql`AND i.recorded_at >= ${range.since}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT i.id::text AS id, i.operation, i.cluster, i.target, i.input, i.recorded_at AS "recordedAt",
           i.request_id AS "requestId", i.trace_id AS "traceId", i.principal, i.client_address AS "clientAddress", i.user_agent AS "userAgent",
           w.writer_session::text AS "writerSession"
    FROM audit_records i
    LEFT JOIN audit_intent_writers w ON w.intent_id = i.id
    WHERE i.kind = 'intent' AND i.recorded_at < ${range.before} ${since}
      AND NOT EXISTS (SELECT 1 FROM audit_records o WHERE o.kind = 'outcome' AND o.intent_id = i.id)
    ORDER BY i.seq`;
  return rows.map(fromRow);
}

/**
 * Intents closed as `unknown` when the engine did not answer (the outcome's input has a
 * `reason`, not `reconciled`), recorded before `before`, with no reconciled outcome yet.
 */
export async function findUnknownOutcomes(prisma: PrismaClient, range: { before: Date; since?: Date | undefined }): Promise<StoredOpenIntent[]> {
  const since = range.since ? Prisma.sql`AND u.recorded_at >= ${range.since}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT i.id::text AS id, i.operation, i.cluster, i.target, i.input, i.recorded_at AS "recordedAt",
           i.request_id AS "requestId", i.trace_id AS "traceId", i.principal, i.client_address AS "clientAddress", i.user_agent AS "userAgent",
           NULL::text AS "writerSession", u.id::text AS "unknownOutcomeId"
    FROM audit_records u
    JOIN audit_records i ON i.kind = 'intent' AND i.id = u.intent_id
    WHERE u.kind = 'outcome' AND u.outcome = 'unknown' AND u.recorded_at < ${range.before} ${since}
      AND NOT (u.input IS NOT NULL AND u.input ? 'reconciled')
      AND NOT EXISTS (SELECT 1 FROM audit_records r WHERE r.kind = 'outcome' AND r.intent_id = i.id AND r.input IS NOT NULL AND r.input ? 'reconciled')
    ORDER BY u.seq`;
  return rows.map(fromRow);
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
  /**
   * How long an intent may stay undecided because its engine cannot be read: after that
   * (counted from the intent) it is recorded as unknown with that reason. Default 1 hour.
   */
  giveUpAfterMs?: number;
}

export interface ReconcilePassResult {
  written: Reconciliation[];
  /** Intents whose engine could not be read: left to retry later. */
  deferred: StoredOpenIntent[];
}

/**
 * Decides and records the outcome of each given intent, in order. Never throws: an intent
 * that cannot be decided is recorded as unknown with the reason, one whose engine cannot
 * be read now is deferred, and a record that cannot be written is deferred too.
 */
export async function reconcileOpen(intents: readonly StoredOpenIntent[], opts: ReconcilePassOptions): Promise<ReconcilePassResult> {
  const written: Reconciliation[] = [];
  const deferred: StoredOpenIntent[] = [];
  const giveUpAfterMs = opts.giveUpAfterMs ?? 3_600_000;
  /** Clusters found unreadable in this pass: their other intents wait for the next one without a try. */
  const unreadable = new Set<string | null>();
  const engine = eventsOncePerPass(opts.engine);
  for (const intent of intents) {
    if (opts.skip?.has(intent.id)) continue;
    if (unreadable.has(intent.cluster)) {
      deferred.push(intent);
      continue;
    }
    try {
      let decision: Reconciliation;
      if (intent.cluster !== null && !opts.clusters.includes(intent.cluster)) {
        decision = { intentId: intent.id, outcome: 'unknown', reason: `the cluster ${intent.cluster} is no longer configured`, objectIds: [] };
      } else {
        decision = await reconcileIntent(intent, engine, opts.clockSkewMs !== undefined ? { clockSkewMs: opts.clockSkewMs } : {});
        if (decision.engineUnreadable) {
          if (Date.now() - intent.recordedAt.getTime() < giveUpAfterMs) {
            unreadable.add(intent.cluster);
            opts.logger.warn({ intentId: intent.id, operation: intent.operation, reason: decision.reason }, 'audit intent not reconciled yet: the engine could not be read');
            deferred.push(intent);
            continue;
          }
          decision = { ...decision, reason: `${decision.reason}; given up after ${Math.round(giveUpAfterMs / 60_000)} minutes` };
        }
      }
      // An intent already closed as unknown keeps that record; the reconciled one follows
      // it, unless another process reconciled it meanwhile (or, for an open intent, closed it).
      const append = intent.unknownOutcomeId ? { skipIfReconciled: true } : { skipIfOutcomeRecorded: true };
      const record = await appendRecord(opts.prisma, outcomeOf(intent, decision), { ...append, stampTime: true });
      if (record) {
        written.push(decision);
        opts.logger.warn({ intentId: intent.id, operation: intent.operation, target: intent.target, outcome: decision.outcome, reason: decision.reason }, 'reconciled an audit intent left without outcome');
      }
    } catch (err) {
      opts.logger.warn({ err, intentId: intent.id, operation: intent.operation }, 'audit intent not reconciled yet: its outcome could not be recorded');
      deferred.push(intent);
    }
  }
  return { written, deferred };
}

/**
 * The engine reads of one pass, with each engine's event history fetched once: every
 * intent of the pass was recorded before the pass began, so one history up to now covers
 * them all. A failed fetch is not kept.
 */
function eventsOncePerPass(engine: EngineStateReader): EngineStateReader {
  const logs = new Map<string, Promise<EventLog>>();
  return {
    network: (cluster, ref) => engine.network(cluster, ref),
    service: (cluster, ref) => engine.service(cluster, ref),
    node: (cluster, ref) => engine.node(cluster, ref),
    secret: (cluster, ref) => engine.secret(cluster, ref),
    config: (cluster, ref) => engine.config(cluster, ref),
    container: (cluster, at, ref) => engine.container(cluster, at, ref),
    stackObjects: (cluster, namespace) => engine.stackObjects(cluster, namespace),
    events: (cluster, at = null) => {
      const key = JSON.stringify([cluster, at]);
      let log = logs.get(key);
      if (!log) {
        log = engine.events(cluster, at);
        logs.set(key, log);
        log.catch(() => logs.delete(key));
      }
      return log;
    },
  };
}

function outcomeOf(intent: StoredOpenIntent, decision: Reconciliation): RecordFields {
  return {
    id: randomUUID(),
    kind: 'outcome',
    recordedAt: new Date(),
    requestId: intent.requestId,
    // The intent's trace, so a reconciled outcome is found with the request that started it.
    traceId: intent.traceId ?? null,
    principal: intent.principal,
    clientAddress: intent.clientAddress,
    userAgent: intent.userAgent,
    cluster: intent.cluster,
    operation: intent.operation,
    target: intent.target,
    input: intent.unknownOutcomeId ? { reconciled: decision.reason, follows: intent.unknownOutcomeId } : { reconciled: decision.reason },
    intentId: intent.id,
    outcome: decision.outcome,
    errorCode: null,
    objectIds: decision.objectIds,
    // The real duration is not known: the process died before it could measure it.
    durationMs: null,
    decision: null,
  };
}
