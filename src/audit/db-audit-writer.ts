// The audit log's writer: every intent, outcome and sensitive read is one record appended
// to the hash chain in the database (chain-append.ts).
//
// Fail closed: an intent or a sensitive read that cannot be written throws, and the caller
// refuses the request (AUDIT_UNAVAILABLE) before the engine is touched. An outcome comes
// after the engine acted, so it must not be lost: when the database cannot take it, it is
// appended to the local spool (fsynced), and while the spool holds anything later outcomes
// go there too, so they reach the database in the order they happened. The spool is
// drained periodically and whenever a write succeeds again; a spooled outcome whose intent
// already has an outcome (written twice after a crash, or reconciled) is skipped.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { AuditIntent, AuditOutcome, AuditRefusal, AuditWriter } from './audit-writer.ts';
import { appendRecord } from './chain-append.ts';
import { blankRecordFields, normalizeJson, type RecordFields } from './record.ts';
import { redactInput } from './redact.ts';
import { appendToSpool, drainSpool, readSpool, type DrainResult } from './spool.ts';

export interface DbAuditWriterOptions {
  database: Database;
  logger: Logger;
  /** The spool file (one per process). */
  spoolPath: string;
  /** Env variable name patterns whose values are redacted; default DEFAULT_SECRET_NAME_PATTERNS. */
  secretNamePatterns?: readonly RegExp[] | undefined;
  /** An append taking longer than this fails (intent: the change is refused). Default 10 s. */
  writeTimeoutMs?: number | undefined;
  /**
   * TEST-ONLY: operation names; after the engine call of one of them the writer waits
   * forever before writing its outcome, so a test can kill the process in that window.
   * Set from GATEWAY_TEST_PAUSE_AFTER_ENGINE by main.ts; never set it in production.
   */
  testPauseAfterEngine?: readonly string[] | undefined;
  /** Records which process wrote each intent, before the intent (writer-sessions.ts). */
  writerSession?: { claim(intentId: string): Promise<void> } | undefined;
}

/** A spooled outcome: the record's fields, recordedAt as ISO text. */
interface SpoolEntry {
  v: 1;
  fields: Omit<RecordFields, 'recordedAt'> & { recordedAt: string };
}

/** What an outcome record copies from its intent. */
type IntentSummary = Pick<RecordFields, 'requestId' | 'principal' | 'clientAddress' | 'userAgent' | 'cluster' | 'operation' | 'target'>;

export class DbAuditWriter implements AuditWriter {
  private readonly opts: DbAuditWriterOptions;
  /** Intents of this process whose outcome is not written yet (the reconciler leaves them alone). */
  private readonly open = new Map<string, IntentSummary>();
  /** The spool may hold entries: outcomes must queue behind them. */
  private spooled = false;
  /** Spool appends under way (a drain that empties the file must not clear `spooled` under them). */
  private appending = 0;
  private drainRunning: Promise<DrainResult> | null = null;

  constructor(opts: DbAuditWriterOptions) {
    this.opts = opts;
  }

  /** Reads the spool's state after a restart: outcomes left in it keep their place. */
  async init(): Promise<void> {
    const entries = await readSpool(this.opts.spoolPath, { warn: (m) => this.opts.logger.warn(m) });
    this.spooled = entries.length > 0;
  }

  /** Whether outcomes are waiting in the spool. */
  get hasSpooled(): boolean {
    return this.spooled;
  }

  /** IDs of intents this process has written and not yet closed. */
  inFlight(): ReadonlySet<string> {
    return new Set(this.open.keys());
  }

  async intent(intent: AuditIntent): Promise<string> {
    const id = randomUUID();
    const summary = this.summary(intent);
    this.open.set(id, summary);
    try {
      await this.opts.writerSession?.claim(id);
      await this.append({ ...this.base(id, 'intent', summary), input: this.redact(intent.input), decision: normalizeJson(intent.decision) });
    } catch (err) {
      this.open.delete(id);
      throw err;
    }
    // The database answers again: whatever waits in the spool can follow.
    if (this.spooled) void this.drain();
    return id;
  }

  async outcome(intentId: string, outcome: AuditOutcome): Promise<void> {
    const summary = this.open.get(intentId);
    if (!summary) throw new Error(`audit outcome for an intent this process did not write (${intentId})`);
    if (this.opts.testPauseAfterEngine?.includes(summary.operation)) {
      this.opts.logger.warn({ intentId, operation: summary.operation }, 'TEST-ONLY pause after the engine call (GATEWAY_TEST_PAUSE_AFTER_ENGINE)');
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
      if (!this.spooled) {
        try {
          await this.append(fields, { skipIfOutcomeRecorded: true });
          return;
        } catch (err) {
          this.opts.logger.error({ err, intentId }, 'audit outcome could not be written to the database; spooling it');
        }
      }
      await this.toSpool(fields);
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
   * Writes the spooled outcomes to the database in order, stopping at the first failure.
   * Concurrent calls share one drain.
   */
  drain(): Promise<DrainResult> {
    if (this.drainRunning) return this.drainRunning;
    const run = drainSpool<SpoolEntry>(
      this.opts.spoolPath,
      async (entry) => {
        const fields = { ...entry.fields, recordedAt: new Date(entry.fields.recordedAt) };
        await this.append(fields, { skipIfOutcomeRecorded: true, keepTime: true });
      },
      { warn: (m) => this.opts.logger.warn(m) },
    ).then((result) => {
      if (result.remaining === 0 && this.appending === 0) this.spooled = false;
      if (result.written > 0) this.opts.logger.info({ written: result.written, remaining: result.remaining }, 'spooled audit outcomes written to the database');
      return result;
    });
    this.drainRunning = run;
    void run.then(() => undefined, () => undefined).then(() => {
      this.drainRunning = null;
    });
    return run;
  }

  private async toSpool(fields: RecordFields): Promise<void> {
    this.spooled = true;
    this.appending++;
    try {
      const entry: SpoolEntry = { v: 1, fields: { ...fields, recordedAt: fields.recordedAt.toISOString() } };
      await appendToSpool(this.opts.spoolPath, entry);
    } finally {
      this.appending--;
    }
  }

  private async append(fields: RecordFields, opts: { skipIfOutcomeRecorded?: boolean; keepTime?: boolean } = {}): Promise<void> {
    const timeoutMs = this.opts.writeTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the audit database did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      // The database is read from the holder on each call: a reopened database is picked up.
      const write = appendRecord(this.opts.database.prisma, fields, {
        skipIfOutcomeRecorded: opts.skipIfOutcomeRecorded ?? false,
        stampTime: !opts.keepTime,
        timeoutMs,
      });
      write.catch(() => {});
      await Promise.race([write, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private summary(intent: AuditIntent): IntentSummary {
    return {
      requestId: intent.requestId,
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
