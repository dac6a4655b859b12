// A gateway started beside its PostgreSQL (a stack's `db` service) often starts first: the
// database's name does not resolve on the overlay yet, nothing listens yet, or PostgreSQL
// answers "the database system is starting up". Exiting then only has the orchestrator
// restart the process and fill the task list with failures that were none, so the gateway
// waits, with backoff, for what waiting can fix, up to a bound. What waiting cannot fix (a
// refused password, a database that does not exist, a failed migration) stops at once.
import { MigrationError } from './migrate.ts';

/** The bound passed while the database still could not be reached. */
export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}

/** Node's socket and resolver errors that a database still starting (or a name not yet published) gives. */
const WAITABLE_SYSTEM_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * SQLSTATEs of a server that will take connections soon: starting up (57P03), shutting down
 * before a restart (57P01, 57P02), or full for now (53300).
 */
const WAITABLE_SQLSTATES = new Set(['57P03', '57P01', '57P02', '53300']);

/** pg's own errors for a connection that timed out or was closed before it was ready. */
const WAITABLE_DRIVER_MESSAGES: [RegExp, string][] = [
  [/^timeout expired$/, 'connection timed out'],
  [/^Connection terminated due to connection timeout$/, 'connection timed out'],
  [/^Connection terminated unexpectedly$/, 'the server closed the connection'],
];

/**
 * Why waiting may help with `err` (a short reason fit for a log line: no URL, no password),
 * or null when it cannot. Looks through `cause` and an AggregateError's errors (Node's
 * connect reports every address it tried at once).
 */
export function startupWaitReason(err: unknown): string | null {
  const seen = new Set<unknown>();
  const look = (e: unknown): string | null => {
    if (!(e instanceof Error) || seen.has(e)) return null;
    seen.add(e);
    // A migration that started and failed is the schema's problem, not the server's.
    if (e instanceof MigrationError) return null;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (WAITABLE_SYSTEM_CODES[code]) return `${WAITABLE_SYSTEM_CODES[code]} (${code})`;
      if (WAITABLE_SQLSTATES.has(code)) return `${e.message} (${code})`;
      // Any other SQLSTATE is the server's considered answer (28P01, 3D000, ...): final.
      if (/^[0-9A-Z]{5}$/.test(code)) return null;
    }
    for (const [pattern, reason] of WAITABLE_DRIVER_MESSAGES) if (pattern.test(e.message)) return reason;
    for (const inner of e instanceof AggregateError ? e.errors : []) {
      const reason = look(inner);
      if (reason) return reason;
    }
    return look(e.cause);
  };
  return look(err);
}

export interface StartupWait {
  /** Why the last attempt failed (startupWaitReason). */
  reason: string;
  /** Attempts so far (1 after the first). */
  attempt: number;
  /** How long until the next one. */
  delayMs: number;
  /** How long the wait has lasted so far. */
  waitedMs: number;
}

export interface WaitOptions {
  /** The bound: no new attempt starts after this long (0: one attempt). */
  waitMs: number;
  /** Told before each wait (the gateway logs it at warn). */
  onWait: (wait: StartupWait) => void;
  /** Tests replace the clock and the pause. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/**
 * Runs `attempt` until it succeeds, retrying with doubling delays (250 ms to 5 s) while its
 * error is one waiting can fix and the bound has not passed; then DatabaseUnreachableError.
 * Any other error is thrown at once, as it came.
 */
export async function waitForDatabase<T>(attempt: () => Promise<T>, opts: WaitOptions): Promise<T> {
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = now();
  let delay = FIRST_DELAY_MS;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      const reason = startupWaitReason(err);
      if (reason === null) throw err;
      const waitedMs = now() - started;
      if (waitedMs >= opts.waitMs) {
        throw new DatabaseUnreachableError(
          `the audit database did not become reachable within ${Math.round(opts.waitMs / 1000)} s ` +
            `(database.startupWaitSeconds, DATABASE_STARTUP_WAIT_SECONDS): ${reason}`,
          { cause: err },
        );
      }
      const delayMs = Math.min(delay, opts.waitMs - waitedMs);
      opts.onWait({ reason, attempt: n, delayMs: Math.round(delayMs), waitedMs: Math.round(waitedMs) });
      await sleep(delayMs);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}
