// Which gateway process wrote an intent, and whether that process is still alive: so that
// the intents of a process that died (crash, kill -9) are reconciled at once, by the next
// start or by another gateway on the same database, while those of a live process (still
// in flight) are left alone, without a fixed grace period.
//
// Each process has a writer session (a random UUID). With every intent it records the pair
// (intent, session) in audit_intent_writers, in the intent's own append transaction (one
// insert for the whole group-committed batch): an intent is never seen without its writer,
// a refused intent leaves no claim, and a claim costs no transaction of its own. On
// PostgreSQL the process holds a session-level advisory lock keyed by its session for as
// long as it runs, on a connection of its own: PostgreSQL releases it when that connection
// ends, which is what a dead process leaves. A session whose lock nobody holds is gone.
// PGlite is one process at a time, so every session but the current one is gone by
// definition.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import type { SqlExecutor } from '../db/sql-executor.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** The advisory lock namespace of writer sessions ("SGWS"), apart from the chain lock and Prisma's. */
export const WRITER_LOCK_NAMESPACE = 0x53475753;

/** The session's lock key (the two-key form: namespace, key): 31 bits of its UUID. */
export function writerLockKey(session: string): number {
  return Number.parseInt(session.replaceAll('-', '').slice(0, 8), 16) & 0x7fffffff;
}

export interface WriterSession {
  readonly id: string;
  /** Records, in the transaction `tx` that appends them, that this process writes these intents. */
  claim(tx: Prisma.TransactionClient, intentIds: readonly string[]): Promise<void>;
  /** Of the given sessions, those whose process is gone. */
  gone(sessions: readonly string[]): Promise<Set<string>>;
  /** Releases the session (at a clean stop). */
  close(): Promise<void>;
}

export interface WriterSessionOptions {
  database: Database;
  logger: Logger;
  /** Delay before taking the lock again after its connection was lost. Default 1 s. */
  relockDelayMs?: number;
}

export async function startWriterSession(opts: WriterSessionOptions): Promise<WriterSession> {
  const id = randomUUID();
  const { database, logger } = opts;
  const key = writerLockKey(id);
  let lockConnection: SqlExecutor | null = null;
  let closed = false;

  // The lock's connection: when it is lost (database restarted), this process would look
  // gone to the others, so it is taken again as soon as the database answers.
  const lock = async (): Promise<void> => {
    if (database.kind !== 'postgres' || closed) return;
    const sql = await database.openSql();
    sql.onError?.((err) => {
      if (lockConnection !== sql) return;
      lockConnection = null;
      void sql.close().catch(() => undefined);
      logger.warn({ err, session: id }, 'the audit writer session lost its database connection; taking its lock again');
      relockLater();
    });
    await sql.query('SELECT pg_advisory_lock($1::int, $2::int)', [WRITER_LOCK_NAMESPACE, key]);
    lockConnection = sql;
  };
  const relockLater = () => {
    if (closed) return;
    const timer = setTimeout(() => {
      lock().catch(() => relockLater());
    }, opts.relockDelayMs ?? 1000);
    timer.unref();
  };
  await lock();

  return {
    id,
    async claim(tx, intentIds) {
      if (intentIds.length === 0) return;
      // The append's deadline bounds it (chain-append.ts): no timeout of its own.
      // Raw, one parameter: it runs once per batch on the hot path (record-insert.ts on why).
      await tx.$executeRaw`INSERT INTO audit_intent_writers (intent_id, writer_session)
        SELECT x::uuid, ${id}::uuid FROM jsonb_array_elements_text(${JSON.stringify(intentIds)}::jsonb) x`;
    },
    async gone(sessions) {
      const others = sessions.filter((s) => s !== id);
      if (others.length === 0) return new Set();
      if (database.kind !== 'postgres') return new Set(others);
      const rows = await database.prisma.$queryRawUnsafe<{ key: number }[]>(
        `SELECT objid::int8::int4 AS key FROM pg_locks
         WHERE locktype = 'advisory' AND objsubid = 2 AND granted AND classid = ${WRITER_LOCK_NAMESPACE}
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      const held = new Set(rows.map((r) => Number(r.key)));
      return new Set(others.filter((s) => !held.has(writerLockKey(s))));
    },
    async close() {
      closed = true;
      const sql = lockConnection;
      lockConnection = null;
      await sql?.close().catch(() => undefined);
    },
  };
}
