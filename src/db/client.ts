// Opens the gateway's database: PostgreSQL when a URL is configured, otherwise an embedded
// PGlite database kept in a directory (created on first start). Either way the result is a
// Prisma client over a driver adapter (Prisma 7 needs no query-engine binary) plus a raw
// SQL session for the migration runner.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/prisma/client.ts';
import { connectPostgresExecutor, pgliteExecutor, type SqlExecutor } from './sql-executor.ts';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DatabaseConfig {
  /** A PostgreSQL connection URL; when absent, the embedded database in `dataDir` is used. */
  url?: string | undefined;
  /** The PGlite data directory (ignored when `url` is set). */
  dataDir: string;
}

export interface Database {
  readonly prisma: PrismaClient;
  readonly kind: DatabaseKind;
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
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    return {
      prisma,
      kind: 'postgres',
      openSql: () => connectPostgresExecutor(url),
      close: () => prisma.$disconnect(),
    };
  }
  const pglite = await openPglite(config.dataDir);
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

/** Opens (creating on first use) the PGlite database in `dataDir`. One process at a time. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir);
}

/**
 * The database settings from the environment: DATABASE_URL for PostgreSQL; otherwise PGlite
 * in `<GATEWAY_DATA_DIR>/pglite` (GATEWAY_DATA_DIR defaults to `.data`, beside the demo files).
 */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env['DATABASE_URL']?.trim();
  return { url: url || undefined, dataDir: join(env['GATEWAY_DATA_DIR'] || '.data', 'pglite') };
}
