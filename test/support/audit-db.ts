// Test support: an audit database on either backend behind one shape, so a test body runs
// against a real PostgreSQL (scripts/postgres.sh) and against embedded PGlite alike. The
// `database` it hands out is a stable holder whose Prisma client follows a stop and start
// of the database, as the gateway's writer would see a server going away and coming back.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { recordFromRow } from '../../src/audit/audit-query.ts';
import type { AuditRecordData } from '../../src/audit/record.ts';
import { createDatabase, pgliteDirOf, type Database } from '../../src/db/client.ts';
import { PGLITE_LOCK_STALE_MS } from '../../src/db/pglite-lock.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { postgresUp, type PostgresCluster } from './postgres.ts';

const run = promisify(execFile);

export type Backend = 'postgres' | 'pglite';
export const BACKENDS: readonly Backend[] = ['postgres', 'pglite'];

export interface AuditDb {
  kind: Backend;
  /** Follows stop/start and release/reacquire: always the current connection. */
  database: Database;
  /** The gateway's data dir (spool; the PGlite database lives in `<dataDir>/pglite`). */
  dataDir: string;
  /** Environment for a gateway process using this database. */
  env(): Record<string, string>;
  /**
   * A database outage: PostgreSQL's server stops (files kept; `immediate` as a crash, default
   * a fast shutdown); PGlite is closed.
   */
  stopDatabase(mode?: 'fast' | 'immediate'): Promise<void>;
  startDatabase(): Promise<void>;
  /** Lets another process open the database (PGlite: one process at a time); PostgreSQL: nothing. */
  release(): Promise<void>;
  reacquire(): Promise<void>;
  /** Every audit record in seq order. */
  records(): Promise<AuditRecordData[]>;
  /** Everything the database holds, as text: pg_dump for PostgreSQL, every row of every table for PGlite. */
  dump(): Promise<string>;
  /** Closes and deletes everything. */
  close(): Promise<void>;
}

export async function openAuditDb(kind: Backend, name: string): Promise<AuditDb> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `sg-audit-${name}-`));
  let pg: PostgresCluster | undefined;
  if (kind === 'postgres') pg = await postgresUp(name);
  // Waits out the lock of a gateway process a test killed while it held the embedded database.
  const open = () => createDatabase({ url: pg?.url, dataDir: pgliteDirOf(dataDir), lock: { waitMs: PGLITE_LOCK_STALE_MS + 5_000 } });
  let current: Database | null = await open();
  await migrateDatabase(current);
  const need = (): Database => {
    if (!current) throw new Error('the test database is stopped');
    return current;
  };
  const holder: Database = {
    get prisma() {
      return need().prisma;
    },
    get kind() {
      return kind;
    },
    openSql: () => need().openSql(),
    close: async () => {},
  };
  const closeCurrent = async () => {
    const db = current;
    current = null;
    await db?.close();
  };
  const self: AuditDb = {
    kind,
    database: holder,
    dataDir,
    env: (): Record<string, string> => (pg ? { DATABASE_URL: pg.url, GATEWAY_DATA_DIR: dataDir } : { GATEWAY_DATA_DIR: dataDir }),
    async stopDatabase(mode) {
      if (pg) {
        await pg.pause(mode);
        return;
      }
      // The closed client stays in place: using it fails as a gone database does.
      await current?.close();
    },
    async startDatabase() {
      if (pg) {
        await pg.start();
        return;
      }
      current = await open();
    },
    async release() {
      if (!pg) await closeCurrent();
    },
    async reacquire() {
      if (!pg) current = await open();
    },
    async records() {
      const rows = await need().prisma.auditRecord.findMany({ orderBy: { seq: 'asc' } });
      return rows.map(recordFromRow);
    },
    async dump() {
      if (pg) {
        const { stdout } = await run('/usr/lib/postgresql/15/bin/pg_dump', ['--data-only', '--inserts', '-d', pg.url], { maxBuffer: 256 * 1024 * 1024 });
        return stdout;
      }
      const sql = await need().openSql();
      try {
        const tables = await sql.query<{ name: string }>(
          "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
        );
        const parts: string[] = [];
        for (const t of tables) {
          const rows = await sql.query<{ row: string }>(`SELECT row_to_json(x)::text AS row FROM ${t.name} x`);
          parts.push(`-- ${t.name}`, ...rows.map((r) => r.row));
        }
        return parts.join('\n');
      } finally {
        await sql.close();
      }
    },
    async close() {
      await closeCurrent().catch(() => undefined);
      await pg?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}
