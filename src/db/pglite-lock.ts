// The embedded PGlite database admits one process at a time: two processes that open the same
// directory each keep their own copy in memory and overwrite each other's files, so a record
// one of them acknowledged can vanish (a token printed by `npm run token:create` while the
// gateway ran was lost this way). Whoever opens it first holds a lock beside it until it
// closes; everyone else is refused with a message that says who holds it and what to do.
//
// proper-lockfile rather than a PID file: its lock is a directory whose mtime the holder
// refreshes, so a lock left by a killed process (or by a container whose hostname and PIDs
// are gone) goes stale by itself, with no guess about whether a PID is still the same process.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock not refreshed for this long belongs to a process that is gone. */
export const PGLITE_LOCK_STALE_MS = 10_000;

/** Another process (or another open in this one) holds the embedded database. */
export class EmbeddedDatabaseHeldError extends Error {
  override readonly name = 'EmbeddedDatabaseHeldError';
}

export interface PgliteLockOptions {
  /**
   * How long to wait for a holder to let go (default 0: refuse at once). The gateway waits
   * out a stale lock after a crash so a restart by the orchestrator does not fail.
   */
  waitMs?: number;
  /** Told when the lock could not be refreshed and another process may have taken it. */
  onLost?: (err: Error) => void;
}

/** The lock's path for the PGlite directory `dataDir`: beside it, since PGlite owns the directory. */
export function pgliteLockPathOf(dataDir: string): string {
  return `${dataDir}.lock`;
}

/** Takes the lock on `dataDir` or throws EmbeddedDatabaseHeldError; resolves to its release. */
export async function lockPglite(dataDir: string, opts: PgliteLockOptions = {}): Promise<() => Promise<void>> {
  mkdirSync(dirname(dataDir), { recursive: true });
  const waitMs = opts.waitMs ?? 0;
  const stepMs = 1_000;
  try {
    return await lockfile.lock(dataDir, {
      realpath: false,
      lockfilePath: pgliteLockPathOf(dataDir),
      stale: PGLITE_LOCK_STALE_MS,
      update: PGLITE_LOCK_STALE_MS / 4,
      retries: waitMs > 0 ? { retries: Math.ceil(waitMs / stepMs), minTimeout: stepMs, maxTimeout: stepMs, factor: 1 } : 0,
      onCompromised: (err) => (opts.onLost ?? (() => undefined))(err),
    });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    throw new EmbeddedDatabaseHeldError(
      `the embedded database in ${dataDir} is in use by another process (a running gateway, or one stopped less than ` +
        `${PGLITE_LOCK_STALE_MS / 1000} s ago): it admits one process at a time. Stop the gateway first, use the GraphQL ` +
        'API while it runs, or configure PostgreSQL (DATABASE_URL), which any number of processes can share.',
    );
  }
}
