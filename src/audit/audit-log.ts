// The audit log's life in the gateway process: at start-up, take this process's writer
// session (writer-sessions.ts), write what the spool kept from a previous run (in order),
// then reconcile intents whose writer is gone and outcomes left unknown (reconciler.ts);
// while running, retry the spool and reconcile again at a fixed interval (another process
// that died, an engine that answers again); at stop, one last drain. The spool file is this
// process's own, claimed among the spool files of its data directory (spool-claim.ts); one
// left by a process that is gone is adopted and drained before each reconciliation.
import path from 'node:path';
import type { Logger } from 'pino';
import type { AuditSettings, DatabaseSettings } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { EngineRegistry } from '../docker/registry.ts';
import { DbAuditWriter } from './db-audit-writer.ts';
import { engineStateReader } from './engine-state-reader.ts';
import { createReconciler } from './reconciler.ts';
import { startWriterSession } from './writer-sessions.ts';
import { adoptOrphanSpools, claimSpool, intentsInOtherSpools } from './spool-claim.ts';
import { readSpool } from './spool.ts';
import { PruneRefusedError, pruneAuditLog } from './prune.ts';
import { secretNamePatterns } from './redact.ts';

export interface AuditLog {
  writer: DbAuditWriter;
  /** This process's spool file: the configured one, or another of its data directory when a running process holds that. */
  spoolPath: string;
  /** Settles when the start-up round (the spool drained, then reconciliation) is done; the gateway serves before. */
  started: Promise<void>;
  /** One maintenance round now: drain the spool, then (if it is empty) reconcile. */
  maintain(): Promise<void>;
  /** Stops the timer, tries a last drain and lets the spool file go. */
  stop(): Promise<void>;
}

export interface AuditLogOptions {
  database: Database;
  registry: EngineRegistry;
  settings: AuditSettings;
  dataDir: DatabaseSettings['dataDir'];
  logger: Logger;
  /** The clock retention is measured against (tests move it forward). */
  now?: () => Date;
  /**
   * Whether this process runs reconciliation and retention now: with several processes on
   * one PostgreSQL only one does (src/db/leadership.ts). Default: always. The spool drain
   * is this process's own and always runs.
   */
  leads?: () => boolean;
  /** TEST-ONLY, see DbAuditWriterOptions.testPauseAfterEngine. */
  testPauseAfterEngine?: readonly string[] | undefined;
}

/** The spool file: configured, or `<dataDir>/audit-spool.ndjson` (its first; see spool-claim.ts). */
export function spoolPathOf(settings: AuditSettings, dataDir: string): string {
  return settings.spoolPath ?? path.join(dataDir, 'audit-spool.ndjson');
}

export async function startAuditLog(opts: AuditLogOptions): Promise<AuditLog> {
  const { database, settings, logger } = opts;
  const leads = opts.leads ?? (() => true);
  const baseSpoolPath = spoolPathOf(settings, opts.dataDir);
  const onLost = (err: Error) => logger.error({ err }, 'an audit spool lock could not be kept: another process may take that spool file now');
  const claimed = await claimSpool(baseSpoolPath, { onLost });
  const spoolPath = claimed.path;
  if (spoolPath !== baseSpoolPath) logger.info({ spoolPath, held: baseSpoolPath }, 'another running process holds the audit spool file: this process spools to its own');
  const session = await startWriterSession({ database, logger }).catch(async (err: unknown) => {
    await claimed.release().catch(() => undefined);
    throw err;
  });
  const writer = new DbAuditWriter({
    database,
    logger,
    writerSession: session,
    spoolPath,
    secretNamePatterns: secretNamePatterns(settings.secretEnvNamePatterns),
    writeTimeoutMs: settings.writeTimeoutMs,
    testPauseAfterEngine: opts.testPauseAfterEngine,
  });
  await writer.init();
  const engine = engineStateReader(opts.registry);
  const clusters = opts.registry.clusterNames();
  // Outcomes waiting in another process's spool file (live, or gone and not adopted yet) are in flight too.
  let othersSpooled: ReadonlySet<string> = new Set();
  const inFlight = () => (othersSpooled.size === 0 ? writer.inFlight() : new Set([...writer.inFlight(), ...othersSpooled]));
  const reconciler = createReconciler({ database, engine, clusters, session, logger, inFlight, legacyGraceMs: settings.reconcileGraceMs });
  /** Drains the spool files whose process is gone, then notes what still waits in the others. */
  const adoptOrphans = async () => {
    for (const orphan of await adoptOrphanSpools(baseSpoolPath, spoolPath, { onLost })) {
      try {
        const r = await writer.drainFile(orphan.path);
        if (r.written > 0) logger.info({ written: r.written, spoolPath: orphan.path }, 'the audit spool of a process that is gone was written to the database');
        if (r.error) logger.warn({ err: r.error, spoolPath: orphan.path, remaining: r.remaining }, 'the audit spool of a process that is gone could not be written yet; retrying later');
      } finally {
        await orphan.release().catch(() => undefined);
      }
    }
    othersSpooled = await intentsInOtherSpools(baseSpoolPath, spoolPath, (file) => readSpool(file, { warn: () => undefined }));
  };

  // Start-up: the spool first (its outcomes close intents), then what is still open. It
  // runs in the background, so the gateway serves while a large spool drains; outcomes
  // waiting in the spool count as in flight, so the reconciler leaves their intents alone.
  const started = (async () => {
    const drained = await writer.drain();
    // Not fatal: the rest stays spooled and is retried each round.
    if (drained.error) logger.error({ err: drained.error, spoolPath, remaining: drained.remaining }, 'the audit spool could not be written to the database at start-up');
    if (drained.written > 0) logger.info({ written: drained.written, spoolPath }, 'audit spool drained at start-up');
    await adoptOrphans();
    // Not fatal either: what cannot be reconciled now is tried again each round.
    if (leads()) await reconciler.round().catch((err: unknown) => logger.error({ err }, 'audit reconciliation at start-up failed; retrying later'));
  })().catch((err: unknown) => logger.error({ err }, 'the audit start-up round failed; retrying later'));

  // Retention (audit.retentionDays): prune at most once an hour, through the same chain
  // lock as appends, leaving an anchor so the rest still verifies. A broken chain is never
  // pruned: that is evidence, and it is logged loudly instead.
  const now = opts.now ?? (() => new Date());
  let lastPrune = 0;
  const applyRetention = async () => {
    if (!settings.retentionDays || now().getTime() - lastPrune < 3_600_000) return;
    lastPrune = now().getTime();
    try {
      const result = await pruneAuditLog(database.prisma, { before: new Date(lastPrune - settings.retentionDays * 86_400_000), now: now() });
      if ('lastPrunedSeq' in result) logger.info({ pruned: result.pruned, lastPrunedSeq: String(result.lastPrunedSeq) }, 'audit retention: oldest records pruned, anchor written');
    } catch (err) {
      if (err instanceof PruneRefusedError) logger.error({ verification: err.verification }, 'audit retention: the chain is broken, so nothing was pruned');
      else throw err;
    }
  };

  const maintain = async () => {
    if (writer.hasSpooled) {
      const r = await writer.drain();
      if (r.remaining > 0) return;
    }
    await adoptOrphans();
    if (!leads()) return;
    await reconciler.round();
    await applyRetention();
  };
  // The start-up round counts as a running round: the timer does not start another beside it.
  let running: Promise<void> | null = started.finally(() => {
    running = null;
  });
  const timer = setInterval(() => {
    if (running) return;
    running = maintain()
      .catch((err: unknown) => logger.warn({ err }, 'audit maintenance round failed; retrying later'))
      .finally(() => {
        running = null;
      });
  }, settings.maintenanceIntervalMs);
  timer.unref();

  return {
    writer,
    spoolPath,
    started,
    maintain,
    async stop() {
      clearInterval(timer);
      if (running) await running;
      if (writer.hasSpooled) await writer.drain().catch(() => undefined);
      await session.close();
      // What is still spooled stays in the file for whoever claims or adopts it next.
      await claimed.release().catch(() => undefined);
    },
  };
}
