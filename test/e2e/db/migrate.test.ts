// The gateway's migration runner (src/db/migrate.ts) against a real PostgreSQL 15 cluster
// (scripts/postgres.sh) and against an embedded PGlite database in a temp dir: it applies
// prisma/migrations once, records them the way Prisma does, refuses a history it cannot
// continue, serialises concurrent runners, and leaves exactly the schema that
// prisma/schema.prisma describes (so a model change without a migration fails here).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openPglite } from '../../../src/db/client.ts';
import { DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_KEY, migrate, readMigrations } from '../../../src/db/migrate.ts';
import { connectPostgresExecutor, pgliteExecutor, type SqlExecutor } from '../../../src/db/sql-executor.ts';
import { actualSchema, expectedSchema } from '../../support/db-schema.ts';
import { waitFor } from '../../support/gateway.ts';
import { postgresUp, type PostgresCluster } from '../../support/postgres.ts';

const run = promisify(execFile);
const ROOT = path.resolve(DEFAULT_MIGRATIONS_DIR, '../..');
const INIT = readMigrations()[0]!.name;
/** Every migration in the folder, in the order they apply, with the checksum Prisma records. */
const ALL = readMigrations().map((m) => m.name);
const checksumOf = (name: string) => createHash('sha256').update(readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, name, 'migration.sql'))).digest('hex');
/** Computed here from the file, independently of the runner. */
const INIT_CHECKSUM = checksumOf(INIT);

interface HistoryRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}
const history = (sql: SqlExecutor) => sql.query<HistoryRow>('SELECT * FROM "_prisma_migrations" ORDER BY started_at');
const tableExists = async (sql: SqlExecutor, name: string) =>
  (await sql.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [name]))[0]!.t !== null;

/** A copy of prisma/migrations that a test may edit. */
function migrationsCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-migrations-'));
  cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

/** The same sequence on each backend, on one fresh database, in order. */
function migrationContract(open: () => SqlExecutor) {
  test('a fresh database gets every migration, the init one first, recorded as Prisma records it', async () => {
    const sql = open();
    assert.deepEqual(await migrate(sql), { applied: ALL });
    const rows = await history(sql);
    assert.deepEqual(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count]), ALL.map((name) => [name, checksumOf(name), 1]));
    const row = rows[0]!;
    assert.equal(row.migration_name, INIT);
    assert.equal(row.checksum, INIT_CHECKSUM);
    assert.equal(row.applied_steps_count, 1);
    assert.ok(row.finished_at instanceof Date && row.finished_at >= row.started_at);
    assert.equal(row.rolled_back_at, null);
    assert.match(row.id, /^[0-9a-f-]{36}$/);
    // Prisma's own definition of its history table, column for column.
    const cols = await sql.query<{ column_name: string; type: string; is_nullable: string; column_default: string | null }>(`
      SELECT column_name, is_nullable, column_default,
             format_type(a.atttypid, a.atttypmod) AS type
        FROM information_schema.columns c
        JOIN pg_catalog.pg_attribute a ON a.attrelid = '"_prisma_migrations"'::regclass AND a.attname = c.column_name
       WHERE c.table_schema = current_schema() AND c.table_name = '_prisma_migrations' ORDER BY ordinal_position`);
    assert.deepEqual(
      cols.map((c) => [c.column_name, c.type, c.is_nullable === 'YES', c.column_default]),
      [
        ['id', 'character varying(36)', false, null],
        ['checksum', 'character varying(64)', false, null],
        ['finished_at', 'timestamp with time zone', true, null],
        ['migration_name', 'character varying(255)', false, null],
        ['logs', 'text', true, null],
        ['rolled_back_at', 'timestamp with time zone', true, null],
        ['started_at', 'timestamp with time zone', false, 'now()'],
        ['applied_steps_count', 'integer', false, '0'],
      ],
    );
  });

  test('the migrated database has exactly the tables, columns and indexes of schema.prisma', async () => {
    assert.deepEqual(await actualSchema(open()), await expectedSchema());
  });

  test('migrating again applies nothing and records nothing', async () => {
    const sql = open();
    const before = await history(sql);
    assert.deepEqual(await migrate(sql), { applied: [] });
    assert.deepEqual(await history(sql), before);
  });

  test('a migration edited after it was applied is refused, changing nothing', async () => {
    const sql = open();
    const dir = migrationsCopy();
    try {
      appendFileSync(path.join(dir, INIT, 'migration.sql'), '\nALTER TABLE "audit_records" ADD COLUMN "sneaky" TEXT;\n');
      await assert.rejects(migrate(sql, dir), (err: Error) => {
        assert.equal(err.name, 'MigrationError');
        assert.match(err.message, new RegExp(`migration ${INIT} was modified after it was applied`));
        assert.match(err.message, new RegExp(`recorded checksum ${INIT_CHECKSUM}`));
        return true;
      });
      assert.equal((await history(sql)).length, ALL.length);
      assert.deepEqual(await actualSchema(sql), await expectedSchema());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a new migration that fails is rolled back whole and not recorded', async () => {
    const sql = open();
    const dir = migrationsCopy();
    try {
      mkdirSync(path.join(dir, '29991231000000_broken'));
      writeFileSync(
        path.join(dir, '29991231000000_broken', 'migration.sql'),
        'CREATE TABLE "half_done" ("a" INTEGER);\nSELECT no_such_function();\n',
      );
      await assert.rejects(migrate(sql, dir), /migration 29991231000000_broken failed and was rolled back: .*no_such_function/);
      assert.equal(await tableExists(sql, 'half_done'), false);
      assert.deepEqual((await history(sql)).map((r) => r.migration_name), ALL);
      // The session is usable afterwards (the transaction really ended).
      assert.deepEqual(await migrate(sql), { applied: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

describe('migrations on PostgreSQL 15', () => {
  let cluster: PostgresCluster | undefined;
  let admin: SqlExecutor | undefined;
  const sessions: SqlExecutor[] = [];
  /** A new, empty database in the cluster; its URL. */
  async function freshDatabase(): Promise<string> {
    const name = `t_${randomUUID().replaceAll('-', '')}`;
    await admin!.exec(`CREATE DATABASE "${name}"`);
    const url = new URL(cluster!.url);
    url.pathname = `/${name}`;
    return url.toString();
  }
  async function session(url: string): Promise<SqlExecutor> {
    const s = await connectPostgresExecutor(url);
    sessions.push(s);
    return s;
  }

  before(async () => {
    cluster = await postgresUp('db-migrate');
    admin = await connectPostgresExecutor(cluster.url);
  });
  after(async () => {
    for (const s of sessions) await s.close().catch(() => {});
    await admin?.close().catch(() => {});
    await cluster?.stop();
  });

  describe('one database, step by step', () => {
    let sql: SqlExecutor | undefined;
    before(async () => {
      sql = await session(await freshDatabase());
    });
    migrationContract(() => sql!);
  });

  test('a runner waits while another session holds the migration lock', async () => {
    const url = await freshDatabase();
    const holder = await session(url);
    const runner = await session(url);
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    let settled = false;
    const running = migrate(runner).finally(() => (settled = true));
    // The runner is queued on the lock (seen in pg_locks), and has done nothing yet.
    await waitFor('the runner to wait on the advisory lock', async () => {
      const rows = await holder.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1",
        [MIGRATION_LOCK_KEY],
      );
      return rows[0]!.n === 1;
    }, 10_000, 50);
    assert.equal(settled, false);
    assert.equal(await tableExists(holder, '_prisma_migrations'), false);
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    assert.deepEqual(await running, { applied: ALL });
  });

  test('two runners on two connections at once: one applies, the other finds it done', async () => {
    const url = await freshDatabase();
    const [a, b] = [await session(url), await session(url)];
    const results = await Promise.all([migrate(a), migrate(b)]);
    assert.deepEqual(results.map((r) => r.applied).sort((x, y) => x.length - y.length), [[], ALL]);
    assert.deepEqual((await history(a)).map((r) => [r.migration_name, r.checksum]), ALL.map((name) => [name, checksumOf(name)]));
    assert.deepEqual(await actualSchema(a), await expectedSchema());
  });

  test('two `npm run db:migrate` processes started at once leave exactly one applied record', async () => {
    const url = await freshDatabase();
    const cli = () =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: url },
        timeout: 120_000,
      });
    const outputs = (await Promise.all([cli(), cli()])).map((o) => o.stdout.trim()).sort();
    assert.deepEqual(outputs, [
      `db:migrate: PostgreSQL (DATABASE_URL) is up to date`,
      `db:migrate: applied to PostgreSQL (DATABASE_URL): ${ALL.join(', ')}`,
    ].sort());
    const sql = await session(url);
    const rows = await history(sql);
    assert.deepEqual(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count]), ALL.map((name) => [name, checksumOf(name), 1]));
    // The table works: a row goes in and comes back.
    await sql.exec(`INSERT INTO "audit_records" (seq, id, kind, recorded_at, principal, operation, prev_hash, hash)
                    VALUES (1, '${randomUUID()}', 'intent', now(), 'anonymous', 'networkCreate', repeat('0', 64), repeat('a', 64))`);
    assert.deepEqual(await sql.query('SELECT seq::text, kind FROM "audit_records"'), [{ seq: '1', kind: 'intent' }]);
  });
});

describe('migrations on PGlite (a temp data dir)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-pglite-'));
  let db: Awaited<ReturnType<typeof openPglite>> | undefined;
  before(async () => {
    db = await openPglite(path.join(dataDir, 'pglite'));
  });
  after(async () => {
    await db?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  migrationContract(() => pgliteExecutor(db!));

  test('`npm run db:migrate` with no DATABASE_URL migrates $GATEWAY_DATA_DIR/pglite, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sg-gwdata-'));
    try {
      const cli = () =>
        run(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: '', GATEWAY_DATA_DIR: dir },
          timeout: 120_000,
        });
      const where = path.join(dir, 'pglite');
      assert.equal((await cli()).stdout.trim(), `db:migrate: applied to PGlite in ${where}: ${ALL.join(', ')}`);
      assert.equal((await cli()).stdout.trim(), `db:migrate: PGlite in ${where} is up to date`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
