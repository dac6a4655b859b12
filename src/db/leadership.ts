// Which gateway process runs each piece of background work (the audit reconciler and
// retention, webhook delivery) when several share one PostgreSQL: the one holding the job's
// session-level advisory lock (pg_try_advisory_lock on a session of its own). The lock goes
// with the session: a process that dies, or whose session is lost, lets go of its jobs at
// once (it stops them: `leads` answers false from then on), and another process takes each
// within TRY_EVERY_MS. The session is checked every round, so a hung or vanished server also
// counts as lost (after QUERY_TIMEOUT_MS). On the embedded database there is one process,
// which leads every job.
import type { Logger } from 'pino';
import type pg from 'pg';
import { connectPgSession } from './pg-connections.ts';

/** The advisory-lock namespace of background jobs ("SGBJ"), apart from writer sessions, the chain lock and Prisma's. */
export const JOB_LOCK_NAMESPACE = 0x5347424a;
const TRY_EVERY_MS = 1_000;
const QUERY_TIMEOUT_MS = 3_000;

export interface Leadership {
  /** Whether this process runs `job` now. */
  leads(job: string): boolean;
  /** Every job and whether this process leads it (the /metrics gauge). */
  states(): Record<string, boolean>;
  /** Called when this process takes `job` over (e.g. to start at once rather than at the next poll). */
  onGained(listener: (job: string) => void): void;
  stop(): Promise<void>;
}

/** One process on its own database: it leads everything. */
export function soleLeadership(jobs: readonly string[]): Leadership {
  return {
    leads: () => true,
    states: () => Object.fromEntries(jobs.map((job) => [job, true])),
    onGained: () => undefined,
    stop: async () => undefined,
  };
}

/** `jobs`: job name -> its lock key in JOB_LOCK_NAMESPACE (fixed: every process must use the same). */
export function advisoryLeadership(url: string, jobs: Readonly<Record<string, number>>, logger: Logger, tryEveryMs = TRY_EVERY_MS): Leadership {
  const held = new Set<string>();
  const gained: ((job: string) => void)[] = [];
  let session: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let stopped = false;

  const lose = (err: Error) => {
    if (held.size > 0) logger.warn({ err, jobs: [...held] }, 'lost the PostgreSQL session holding background jobs; another process takes them over');
    held.clear();
    const old = session;
    session = null;
    void old?.end().catch(() => undefined);
  };
  const query = async (client: pg.Client, text: string, values: unknown[]) => (await client.query({ text, values, query_timeout: QUERY_TIMEOUT_MS } as pg.QueryConfig)).rows;

  const round = async () => {
    if (!session) {
      let mine: pg.Client | null = null;
      let lostEarly = false;
      connecting ??= connectPgSession(url, (err) => {
        // Only this session's loss counts: a newer one may be in place by then.
        if (mine && session === mine) lose(err);
        else lostEarly = true;
      })
        .then((client) => {
          mine = client;
          if (stopped || lostEarly) return void client.end().catch(() => undefined);
          session = client;
        })
        .catch((err: unknown) => logger.debug({ err }, 'background jobs: PostgreSQL not reachable; retrying'))
        .finally(() => {
          connecting = null;
        });
      await connecting;
    }
    const client = session;
    if (!client) return;
    try {
      // Also the session's health check while every job is held.
      await query(client, 'SELECT 1', []);
      for (const [job, key] of Object.entries(jobs)) {
        if (held.has(job)) continue;
        const [row] = await query(client, 'SELECT pg_try_advisory_lock($1::int, $2::int) AS got', [JOB_LOCK_NAMESPACE, key]);
        if (!row?.got || session !== client) continue;
        held.add(job);
        logger.info({ job }, 'this process now runs a background job');
        for (const listener of gained) listener(job);
      }
    } catch (err) {
      if (session === client) lose(err as Error);
    }
  };

  let running: Promise<void> = round();
  const timer = setInterval(() => {
    running = running.then(round);
  }, tryEveryMs);
  timer.unref();

  return {
    leads: (job) => held.has(job),
    states: () => Object.fromEntries(Object.keys(jobs).map((job) => [job, held.has(job)])),
    onGained: (listener) => void gained.push(listener),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => undefined);
      held.clear();
      const client = session;
      session = null;
      // Ending the session lets go of its locks.
      await client?.end().catch(() => undefined);
    },
  };
}
