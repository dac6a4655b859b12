// The gateway's migration runner. Prisma's `migrate deploy` needs the schema-engine binary,
// which cannot be installed here, so the gateway applies prisma/migrations itself, keeping
// Prisma's bookkeeping exactly (the `_prisma_migrations` table, sha256 checksums, the same
// advisory lock key) so that `prisma migrate deploy/status` on a connected machine sees
// the same history and the two never run at once.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';
import type { SqlExecutor } from './sql-executor.ts';

/** prisma/migrations, relative to this file (src/db or dist/db). */
export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** The key Prisma's schema engine locks (`pg_advisory_lock(72707369)`); we take the same. */
export const MIGRATION_LOCK_KEY = 72707369;

export interface MigrationFile {
  /** The folder name, e.g. `20261122070000_init`; migrations apply in name order. */
  name: string;
  sql: string;
  /** SHA-256 (hex) of migration.sql's bytes, as Prisma records it. */
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Prisma's own definition of its history table (schema engine, PostgreSQL flavour). */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  if (!existsSync(dir)) throw new MigrationError(`migrations directory ${dir} does not exist`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrateResult {
  /** Names of the migrations this run applied, in order (empty when up to date). */
  applied: string[];
}

/**
 * Applies every migration in `dir` not yet recorded, each in its own transaction, under a
 * session-level advisory lock held for the whole run (a second runner waits, then finds
 * nothing to do). Refuses, changing nothing, when the recorded history disagrees with the
 * files: a changed checksum, a failed migration, or an applied migration missing locally.
 */
export async function migrate(sql: SqlExecutor, dir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrateResult> {
  const files = readMigrations(dir);
  await sql.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
  try {
    await sql.exec(CREATE_MIGRATIONS_TABLE);
    const history = await sql.query<HistoryRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const applied = checkHistory(history, files);
    const done: string[] = [];
    for (const file of files) {
      if (applied.has(file.name)) continue;
      await applyOne(sql, file);
      done.push(file.name);
    }
    return { applied: done };
  } finally {
    await sql.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
  }
}

/** migrate() over a raw SQL session of its own on `db`, closed afterwards. */
export async function migrateDatabase(db: Pick<Database, 'openSql'>, dir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrateResult> {
  const sql = await db.openSql();
  try {
    return await migrate(sql, dir);
  } finally {
    await sql.close();
  }
}

/** The names already applied; throws when the history cannot be continued safely. */
function checkHistory(history: HistoryRow[], files: MigrationFile[]): Set<string> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const applied = new Set<string>();
  for (const row of history) {
    if (row.rolled_back_at !== null) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `migration ${row.migration_name} was started but never finished (a failed \`prisma migrate deploy\`?); ` +
          'fix the database by hand and mark it rolled back or applied (`prisma migrate resolve`) before starting again',
      );
    }
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationError(
        `migration ${row.migration_name} is applied in the database but missing from the migrations folder: ` +
          'the database is newer than this gateway',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was modified after it was applied ` +
          `(recorded checksum ${row.checksum}, file ${file.checksum}); restore the original file and put changes in a new migration`,
      );
    }
    applied.add(row.migration_name);
  }
  return applied;
}

async function applyOne(sql: SqlExecutor, file: MigrationFile): Promise<void> {
  await sql.exec('BEGIN');
  try {
    const id = randomUUID();
    await sql.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
      [id, file.checksum, file.name],
    );
    await sql.exec(file.sql);
    await sql.query('UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1', [id]);
    await sql.exec('COMMIT');
  } catch (err) {
    await sql.exec('ROLLBACK').catch(() => {});
    throw new MigrationError(`migration ${file.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
  }
}
