// A raw SQL connection for the migration runner: one session (so a session-level advisory
// lock and BEGIN/COMMIT apply to every statement that follows), plain SQL scripts, and
// parameterised queries. Prisma's client cannot give us that (it pools connections and has
// no multi-statement script call), so the runner talks to the database through this.
import type { PGlite } from '@electric-sql/pglite';

export interface SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** Runs a script of one or more statements, without parameters (a migration.sql). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<Row extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Ends the session (for PGlite: nothing; the database belongs to whoever opened it). */
  close(): Promise<void>;
  /** Called when the session's connection fails while idle (PostgreSQL only). */
  onError?(listener: (err: Error) => void): void;
}

/**
 * How long a connection may take to be ready: without a bound, a server whose packets are
 * dropped holds a connect for the kernel's whole SYN retry time (about 2 minutes).
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/** A dedicated connection to a PostgreSQL server (not from a pool: the session matters). */
export async function connectPostgresExecutor(url: string): Promise<SqlExecutor> {
  // Loaded on use, like the other drivers (src/db/client.ts).
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // Always listened to: a lost idle connection emits 'error', which unheard ends the process.
  const errorListeners: ((err: Error) => void)[] = [];
  client.on('error', (err) => {
    for (const listener of errorListeners) listener(err);
  });
  await client.connect();
  return {
    onError(listener) {
      errorListeners.push(listener);
    },
    kind: 'postgres',
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
    async close() {
      await client.end();
    },
  };
}

/** The session of an open PGlite database (PGlite has exactly one). */
export function pgliteExecutor(db: PGlite): SqlExecutor {
  return {
    kind: 'pglite',
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row extends object>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async close() {},
  };
}
