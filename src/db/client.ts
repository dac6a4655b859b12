// Opens the gateway's database: PostgreSQL when a URL is configured, otherwise an embedded
// PGlite database kept in a directory (created on first start). Either way the result is a
// Prisma client over a driver adapter (Prisma 7 needs no query-engine binary) plus a raw
// SQL session for the migration runner. The drivers (PGlite, pg and their Prisma adapters)
// are imported when a database is opened, not when this module is: a process that uses
// only one of them, or none (the resolver unit tests), does not pay for loading the others.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { DatabaseSettings } from '../config/config.ts';
import { PrismaClient } from '../generated/prisma/client.ts';
import { lockPglite, type PgliteLockOptions } from './pglite-lock.ts';
import { connectPostgresExecutor, pgliteExecutor, type SqlExecutor } from './sql-executor.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseConfig {
  /** A PostgreSQL connection URL; when absent, the embedded database in `dataDir` is used. */
  url?: string | undefined;
  /** The PGlite data directory (ignored when `url` is set). */
  dataDir: string;
  /** How the embedded database's one-process lock is taken (src/db/pglite-lock.ts); default: refuse at once when held. */
  lock?: PgliteLockOptions | undefined;
}

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseKind;
  /**
   * PostgreSQL's connection URL, for the connections Prisma cannot give: the shared rate
   * limits' pool, the revocation listener, the background-job locks (src/db/pg-connections.ts).
   * Absent for the embedded database.
   */
  readonly url?: string | undefined;
  /**
   * A raw SQL session for the migration runner: a new dedicated connection for PostgreSQL,
   * the one PGlite session for the embedded database. Close it when done.
   */
  openSql(): Promise<SqlExecutor>;
  /** Disconnects Prisma and, for PGlite, closes the database files. */
  close(): Promise<void>;
}

export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const url = config.url;
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return {
      prisma,
      kind: 'postgres',
      url,
      openSql: () => connectPostgresExecutor(url),
      close: () => prisma.$disconnect(),
    };
  }
  const pglite = await openPglite(config.dataDir, config.lock);
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: 'pglite',
    openSql: async () => pgliteExecutor(pglite),
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/**
 * Opens (creating on first use) the PGlite database in `dataDir`, holding its one-process lock
 * until it is closed: EmbeddedDatabaseHeldError when another process has it open.
 */
export async function openPglite(dataDir: string, lock?: PgliteLockOptions): Promise<PGlite> {
  const release = await lockPglite(dataDir, lock);
  let pglite: PGlite;
  try {
    mkdirSync(dataDir, { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    pglite = await PGlite.create(dataDir);
  } catch (err) {
    await release().catch(() => undefined);
    throw err;
  }
  // Every caller closes through PGlite's own close(), so the lock is let go right there.
  const closeFiles = pglite.close.bind(pglite);
  pglite.close = async () => {
    try {
      await closeFiles();
    } finally {
      await release().catch(() => undefined);
    }
  };
  return pglite;
}

/** Where the embedded database lives in the gateway's data dir. */
export function pgliteDirOf(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/**
 * The database of the gateway's settings (src/config: GATEWAY_CONFIG's `database`,
 * DATABASE_URL, GATEWAY_DATA_DIR): PostgreSQL at the URL, else PGlite in `<dataDir>/pglite`.
 * The gateway and every command open it through this, so they all open the same one.
 */
export function databaseConfigOf(settings: Pick<DatabaseSettings, 'url' | 'dataDir'>): DatabaseConfig {
  return { url: settings.url, dataDir: pgliteDirOf(settings.dataDir) };
}
