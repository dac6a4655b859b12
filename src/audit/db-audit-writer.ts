// The audit log's writer: every intent, outcome and sensitive read is one record appended
// to the hash chain in the database (chain-append.ts).
//
// Fail closed: an intent or a sensitive read that cannot be written throws, and the caller
// refuses the request (AUDIT_UNAVAILABLE) before the engine is touched. An outcome comes
// after the engine acted, so it must not be lost: when the database cannot take it, it is
// appended to the local spool (fsynced). Once a write has failed, later outcomes go to the
// spool at once (no wait for a database that is down) until a write succeeds again; while
// the database answers, outcomes are written directly even when the spool holds older
// ones, so no outcome waits behind the spool. The spool is drained in batches (one
// transaction each) periodically and whenever a write succeeds again; a spooled outcome
// whose intent already has an outcome (written twice after a crash, or reconciled) is
// skipped. Outcome records of different intents therefore need not be in the order they
// happened; each follows its intent, and recordedAt says when it happened.
//
// "Not made" is true: an intent write that fails before its insert was sent wrote nothing
// (the append's deadline guarantees a late transaction rolls back). One whose COMMIT was
// sent but never answered may have committed: for it, an outcome `failed` /
// AUDIT_UNAVAILABLE is spooled, written only if that intent turns out to be recorded, so
// the log never shows an open intent for a change that was refused.
//
// Direct appends (intents, outcomes, sensitive reads, refusals) go by group commit
// (group-commit.ts): those asked for in one turn of the event loop, or while an append is
// in flight, share a transaction, and each caller goes on only once it committed. The batch's
// intents are claimed for this process's writer session in that same transaction
// (writer-sessions.ts), so an intent costs one shared transaction, its claim included.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { AuditIntent, AuditOutcome, AuditRefusal, AuditWriter } from './audit-writer.ts';
import { AppendUnconfirmedError, appendRecords, type AppendItem } from './chain-append.ts';
import { GroupCommit } from './group-commit.ts';
import { blankRecordFields, normalizeJson, type RecordFields } from './record.ts';
import { redactInput } from './redact.ts';
import { withDeadline } from '../util/deadline.ts';
import { appendToSpool, drainSpool, readSpool, type DrainResult } from './spool.ts';
import type { WriterSession } from './writer-sessions.ts';

export interface DbAuditWriterOptions {
  database: Database;
  logger: Logger;
  /** The spool file: this process's own (claimed through spool-claim.ts). */
  spoolPath: string;
  /** Env variable name patterns whose values are redacted; default DEFAULT_SECRET_NAME_PATTERNS. */
  secretNamePatterns?: readonly RegExp[] | undefined;
  /**
   * An append taking longer than this fails (intent: the change is refused). Default 10 s.
   * The writer waits up to COMMIT_GRACE_MS more for the answer to a COMMIT sent in time.
   */
  writeTimeoutMs?: number | undefined;
  /** Spooled records written per transaction when draining; default DEFAULT_DRAIN_BATCH. */
  drainBatchSize?: number | undefined;
  /**
   * TEST-ONLY: operation names; after the engine call of one of them the writer waits
   * forever before writing its outcome, so a test can kill the process in that window.
   * Passed only by the test entry point (test/support/gateway-entry.ts), never by src/main.ts.
   */
  testPauseAfterEngine?: readonly string[] | undefined;
  /** Records which process wrote each intent, in the intent's transaction (writer-sessions.ts). */
  writerSession?: Pick<WriterSession, 'claim'> | undefined;
  /** Direct appends per transaction at most (group commit); default DEFAULT_GROUP_COMMIT_BATCH. */
  groupCommitBatch?: number | undefined;
  /** The chain append; default chain-append.ts's (tests wrap it to count or fail transactions). */
  appendRecords?: typeof appendRecords | undefined;
}

/** How long past its deadline the writer waits for the answer to a COMMIT sent in time. */
export const COMMIT_GRACE_MS = 1_000;

/** A spooled outcome: the record's fields, recordedAt as ISO text. */
interface SpoolEntry {
  v: 1;
  fields: Omit<RecordFields, 'recordedAt'> & { recordedAt: string };
  /** Written only if its intent is recorded (the intent's own write was unconfirmed). */
  ifIntent?: true;
}

/** What an outcome record copies from its intent. */
type IntentSummary = Pick<RecordFields, 'requestId' | 'traceId' | 'principal' | 'clientAddress' | 'userAgent' | 'cluster' | 'operation' | 'target'>;

export class DbAuditWriter implements AuditWriter {
  private readonly opts: DbAuditWriterOptions;
  /** Intents of this process whose outcome is not written yet (the reconciler leaves them alone). */
  private readonly open = new Map<string, IntentSummary>();
  /** Intents whose outcome waits in the spool (the reconciler leaves them alone too). */
  private readonly spooledIntents = new Set<string>();
  /** Entries in the spool file: added when spooled, removed when a drain wrote them. */
  private depth = 0;
  /** The last write failed and none has succeeded since: outcomes go straight to the spool. */
  private databaseDown = false;
  private drainRunning: Promise<DrainResult> | null = null;
  /** The direct appends, batched while a transaction is in flight. */
  private readonly groupCommit: GroupCommit<AppendItem>;

  constructor(opts: DbAuditWriterOptions) {
    this.opts = opts;
    this.groupCommit = new GroupCommit((items, budgetMs) => this.appendItems(items, { timeoutMs: budgetMs, claimIntents: true }), opts.groupCommitBatch);
  }

  /** Reads the spool's state after a restart: outcomes left in it are drained later. */
  async init(): Promise<void> {
    const entries = await readSpool<SpoolEntry>(this.opts.spoolPath, { warn: (m) => this.opts.logger.warn(m) });
    this.depth = entries.length;
    for (const e of entries) if (e.fields?.intentId) this.spooledIntents.add(e.fields.intentId);
    if (this.depth > 0) this.opts.logger.warn({ spoolDepth: this.depth, spoolPath: this.opts.spoolPath }, 'audit outcomes wait in the spool from an earlier run; they are written as the database takes them');
  }

  /** Whether outcomes are waiting in the spool. */
  get hasSpooled(): boolean {
    return this.depth > 0;
  }

  /** How many records wait in the spool for the database (a gauge for /readyz and /metrics). */
  get spoolDepth(): number {
    return this.depth;
  }

  /** IDs of intents this process has written and not yet closed in the database (open or spooled). */
  inFlight(): ReadonlySet<string> {
    return new Set([...this.open.keys(), ...this.spooledIntents]);
  }

  async intent(intent: AuditIntent): Promise<string> {
    const id = randomUUID();
    const summary = this.summary(intent);
    this.open.set(id, summary);
    try {
      await this.append({ ...this.base(id, 'intent', summary), input: this.redact(intent.input), decision: normalizeJson(intent.decision) });
    } catch (err) {
      this.open.delete(id);
      if (err instanceof AppendUnconfirmedError) await this.spoolNotMade(id, summary);
      throw err;
    }
    // The database answers again: whatever waits in the spool can follow.
    if (this.depth > 0) void this.drain();
    return id;
  }

  async outcome(intentId: string, outcome: AuditOutcome): Promise<void> {
    const summary = this.open.get(intentId);
    if (!summary) throw new Error(`audit outcome for an intent this process did not write (${intentId})`);
    if (this.opts.testPauseAfterEngine?.includes(summary.operation)) {
      this.opts.logger.warn({ intentId, operation: summary.operation }, 'TEST-ONLY pause after the engine call (testPauseAfterEngine)');
      await new Promise(() => {});
    }
    const fields: RecordFields = {
      ...this.base(randomUUID(), 'outcome', summary),
      intentId,
      outcome: outcome.status,
      errorCode: outcome.errorCode ?? null,
      objectIds: [...(outcome.objectIds ?? [])],
      durationMs: Math.max(0, Math.round(outcome.durationMs)),
      input: outcome.reason !== undefined ? { reason: outcome.reason } : null,
    };
    try {
      if (!this.databaseDown) {
        try {
          await this.append(fields, { skipIfOutcomeRecorded: true });
          return;
        } catch (err) {
          this.opts.logger.error({ err, intentId }, 'audit outcome could not be written to the database; spooling it');
        }
      }
      await this.toSpool({ v: 1, fields: { ...fields, recordedAt: fields.recordedAt.toISOString() } });
    } finally {
      this.open.delete(intentId);
    }
  }

  async sensitiveRead(intent: AuditIntent): Promise<void> {
    const summary = this.summary(intent);
    await this.append({ ...this.base(randomUUID(), 'sensitive_read', summary), input: this.redact(intent.input), decision: normalizeJson(intent.decision) });
  }

  async refusal(intent: AuditIntent, refusal: AuditRefusal): Promise<void> {
    const summary = this.summary(intent);
    try {
      await this.append({
        ...this.base(randomUUID(), refusal.kind, summary),
        input: this.redact(intent.input),
        errorCode: refusal.errorCode,
        decision: normalizeJson(refusal.decision),
      });
    } catch (err) {
      this.opts.logger.error({ err, operation: intent.operation, kind: refusal.kind }, 'audit refusal could not be written');
    }
  }

  /**
   * Writes the spooled outcomes to the database in order, a batch per transaction,
   * stopping at the first batch that fails. Concurrent calls share one drain.
   */
  drain(): Promise<DrainResult> {
    if (this.drainRunning) return this.drainRunning;
    const started = performance.now();
    /** Intents of the batches written; they leave the spool when the drain has rewritten it. */
    const closed: string[] = [];
    const run = drainSpool<SpoolEntry>(
      this.opts.spoolPath,
      async (batch) => {
        await this.writeSpooled(batch);
        for (const entry of batch) if (entry.fields.intentId) closed.push(entry.fields.intentId);
      },
      this.drainOptions(),
    ).then((result) => {
      this.depth = Math.max(0, this.depth - result.written);
      for (const id of closed) this.spooledIntents.delete(id);
      if (result.written > 0) {
        this.opts.logger.info({ written: result.written, spoolDepth: this.depth, ms: Math.round(performance.now() - started) }, 'spooled audit outcomes written to the database');
      }
      return result;
    });
    this.drainRunning = run;
    void run.then(() => undefined, () => undefined).then(() => {
      this.drainRunning = null;
    });
    return run;
  }

  /**
   * Writes the outcomes of another spool file, one its process left behind (spool-claim.ts
   * adopts it), as drain() writes this process's own; this process's spool depth is not its.
   */
  drainFile(file: string): Promise<DrainResult> {
    return drainSpool<SpoolEntry>(file, (batch) => this.writeSpooled(batch), this.drainOptions());
  }

  private drainOptions() {
    return { warn: (m: string) => this.opts.logger.warn(m), ...(this.opts.drainBatchSize ? { batchSize: this.opts.drainBatchSize } : {}) };
  }

  /** One batch of spooled outcomes in one transaction, each kept at its own time, none written twice. */
  private async writeSpooled(batch: SpoolEntry[]): Promise<void> {
    const items: AppendItem[] = batch.map((entry) => ({
      fields: { ...entry.fields, recordedAt: new Date(entry.fields.recordedAt) },
      skipIfOutcomeRecorded: true,
      onlyIfIntentRecorded: entry.ifIntent === true,
    }));
    await this.appendItems(items, { keepTime: true });
  }

  /**
   * The outcome of an intent whose write may have committed though the caller was told it
   * was refused: `failed` / AUDIT_UNAVAILABLE, written only if the intent is recorded.
   */
  private async spoolNotMade(intentId: string, summary: IntentSummary): Promise<void> {
    const fields: RecordFields = {
      ...this.base(randomUUID(), 'outcome', summary),
      intentId,
      outcome: 'failed',
      errorCode: 'AUDIT_UNAVAILABLE',
      durationMs: 0,
      input: { reason: 'the audit database did not confirm the intent in time: the change was refused and not made' },
    };
    try {
      await this.toSpool({ v: 1, fields: { ...fields, recordedAt: fields.recordedAt.toISOString() }, ifIntent: true });
    } catch (err) {
      this.opts.logger.error({ err, intentId }, 'the outcome of an unconfirmed audit intent could not be spooled');
    }
  }

  private async toSpool(entry: SpoolEntry): Promise<void> {
    const intentId = entry.fields.intentId;
    if (intentId) this.spooledIntents.add(intentId);
    this.depth++;
    if (this.depth === 1) this.opts.logger.warn({ spoolPath: this.opts.spoolPath }, 'the audit database does not take outcomes: spooling them until it does');
    try {
      await appendToSpool(this.opts.spoolPath, entry);
    } catch (err) {
      this.depth--;
      if (intentId) this.spooledIntents.delete(intentId);
      throw err;
    }
  }

  /** One record by group commit: writeTimeoutMs counts from now, its wait in the queue included. */
  private append(fields: RecordFields, opts: { skipIfOutcomeRecorded?: boolean } = {}): Promise<void> {
    return this.groupCommit.append({ fields, skipIfOutcomeRecorded: opts.skipIfOutcomeRecorded ?? false }, this.writeTimeoutMs);
  }

  private get writeTimeoutMs(): number {
    return this.opts.writeTimeoutMs ?? 10_000;
  }

  /**
   * One transaction within `timeoutMs` (default writeTimeoutMs; plus COMMIT_GRACE_MS for a
   * COMMIT sent in time). Giving up while a COMMIT is unanswered is an AppendUnconfirmedError;
   * giving up before the insert was sent means nothing was written (the transaction checks
   * its deadline).
   */
  private async appendItems(items: AppendItem[], opts: { keepTime?: boolean; timeoutMs?: number; claimIntents?: boolean }): Promise<void> {
    const timeoutMs = opts.timeoutMs ?? this.writeTimeoutMs;
    const session = opts.claimIntents ? this.opts.writerSession : undefined;
    let inserted = false;
    try {
      // The database is read from the holder on each call: a reopened database is picked up.
      const database = this.opts.database;
      const write = (this.opts.appendRecords ?? appendRecords)(database.prisma, items, {
        stampTime: !opts.keepTime,
        timeoutMs,
        serverTimeouts: database.kind === 'postgres',
        onInsert: () => {
          inserted = true;
        },
        // The batch's intents are this process's: claimed in the same transaction, not one each.
        ...(session ? { beforeInsert: (tx, records) => session.claim(tx, records.filter((r) => r.kind === 'intent').map((r) => r.id)) } : {}),
      });
      // The grace follows the configured timeout, not what a batch had left: a COMMIT sent in time gets it whole.
      await withDeadline(write, timeoutMs + Math.min(COMMIT_GRACE_MS, this.writeTimeoutMs), () => {
        const late = new Error(`the audit database did not answer within ${timeoutMs} ms`);
        return inserted ? new AppendUnconfirmedError(late) : late;
      });
      this.databaseDown = false;
    } catch (err) {
      this.databaseDown = true;
      throw err;
    }
  }

  private summary(intent: AuditIntent): IntentSummary {
    return {
      requestId: intent.requestId,
      traceId: intent.traceId ?? null,
      principal: intent.principal.id,
      clientAddress: intent.principal.clientAddress ?? null,
      userAgent: intent.userAgent ?? null,
      cluster: intent.cluster ?? null,
      operation: intent.operation,
      target: intent.target ?? null,
    };
  }

  private base(id: string, kind: RecordFields['kind'], summary: IntentSummary): RecordFields {
    return blankRecordFields({ id, kind, recordedAt: new Date(), ...summary });
  }

  /** The input as stored: redactInput already gives normalized JSON. */
  private redact(input: unknown) {
    const patterns = this.opts.secretNamePatterns;
    return redactInput(input, patterns ? { secretNamePatterns: patterns } : {});
  }
}
