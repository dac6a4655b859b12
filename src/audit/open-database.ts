// Opens the audit log's database for the gateway: PostgreSQL at the configured URL, or the
// embedded PGlite database in `<dataDir>/pglite` (created on first start, so a fresh
// machine needs no database server), and brings its schema up to date before anything
// is written.
import type { Logger } from 'pino';
import type { DatabaseSettings } from '../config/config.ts';
import { createDatabase, databaseConfigOf, type Database } from '../db/client.ts';
import { checkDurability } from '../db/durability.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { waitForDatabase } from '../db/wait-for-database.ts';

/** A URL fit for a log line: the password, if any, is dropped. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql://(unparseable URL)';
  }
}

export interface OpenOptions {
  /**
   * The gateway waits this long for the embedded database's lock (src/db/pglite-lock.ts), so a
   * restart right after a crash waits out the dead process's lock; commands refuse at once.
   */
  waitForLockMs?: number;
  /**
   * The gateway waits this long for a PostgreSQL that cannot be reached yet (src/db/wait-for-database.ts:
   * still starting, its name not yet resolvable), logging each wait; commands try once.
   */
  waitForDatabaseMs?: number;
}

export async function openMigratedDatabase(settings: Pick<DatabaseSettings, 'url' | 'dataDir'>, logger: Logger, opts: OpenOptions = {}): Promise<Database> {
  const where = {
    ...databaseConfigOf(settings),
    lock: {
      waitMs: opts.waitForLockMs ?? 0,
      onLost: (err: Error) => logger.error({ err }, 'the embedded database lock could not be kept: another process may open the database now'),
    },
  };
  const open = async () => {
    const database = await createDatabase(where);
    try {
      const { applied } = await migrateDatabase(database);
      if (applied.length > 0) logger.info({ applied }, 'database migrations applied');
    } catch (err) {
      await database.close().catch(() => undefined);
      throw err;
    }
    return database;
  };
  // The embedded database has its own wait (its lock); only a server can be not up yet.
  const waitMs = settings.url ? (opts.waitForDatabaseMs ?? 0) : 0;
  const database = waitMs > 0
    ? await waitForDatabase(open, {
        waitMs,
        onWait: (wait) => logger.warn({ ...wait, url: redactedUrl(settings.url!) }, 'waiting for the audit database: it cannot be reached yet'),
      })
    : await open();
  if (database.kind === 'postgres') logger.info({ database: 'postgresql', url: redactedUrl(settings.url!) }, 'audit log database: PostgreSQL (DATABASE_URL)');
  else logger.info({ database: 'pglite', dataDir: where.dataDir }, `audit log database: embedded PGlite in ${where.dataDir}`);
  return database;
}

export interface DurableOptions {
  /** NODE_ENV=production: a PostgreSQL that cannot keep acknowledged records is refused, not only warned about. */
  production?: boolean | undefined;
}

/** The gateway will not start on it: the audit promise cannot hold (see assertDurable). */
export class DatabaseNotDurableError extends Error {}

/**
 * The gateway's start-up check that an acknowledged audit record survives a database crash
 * (src/db/durability.ts): warns when it cannot, and in production refuses a PostgreSQL
 * that runs without fsync or synchronous_commit. Embedded PGlite (always fsync off) is
 * warned about only: it is chosen for a single machine, where a process crash loses nothing.
 */
export async function assertDurable(database: Database, logger: Logger, opts: DurableOptions = {}): Promise<void> {
  const sql = await database.openSql();
  let report;
  try {
    report = await checkDurability(sql);
  } finally {
    await sql.close();
  }
  if (report.problems.length === 0) return;
  const refuse = opts.production === true && database.kind === 'postgres' && (report.settings.fsync !== 'on' || report.settings.synchronousCommit === 'off');
  logger[refuse ? 'error' : 'warn']({ settings: report.settings, problems: report.problems }, 'the audit database cannot keep every acknowledged record through a crash');
  if (refuse) {
    throw new DatabaseNotDurableError(
      `the audit database is not durable (${report.problems.join('; ')}); set fsync = on and synchronous_commit = on in postgresql.conf, or run outside production`,
    );
  }
}
