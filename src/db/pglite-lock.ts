// The embedded PGlite database admits one process at a time: two processes that open the same
// directory each keep their own copy in memory and overwrite each other's files, so a record
// one of them acknowledged can vanish (a token printed by `npm run token:create` while the
// gateway ran was lost this way). Whoever opens it first holds a lock beside it until it
// closes; everyone else is refused with a message that says who holds it and what to do.
// The lock is a process lock (src/util/process-lock.ts): one a killed process left goes stale
// by itself.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { lockForThisProcess, PROCESS_LOCK_STALE_MS } from '../util/process-lock.ts';

/** A lock not refreshed for this long belongs to a process that is gone. */
export const PGLITE_LOCK_STALE_MS = PROCESS_LOCK_STALE_MS;

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
  const release = await lockForThisProcess(dataDir, { lockPath: pgliteLockPathOf(dataDir), waitMs: opts.waitMs, onLost: opts.onLost });
  if (!release) {
    throw new EmbeddedDatabaseHeldError(
      `the embedded database in ${dataDir} is in use by another process (a running gateway, or one stopped less than ` +
        `${PGLITE_LOCK_STALE_MS / 1000} s ago): it admits one process at a time. Stop the gateway first, use the GraphQL ` +
        'API while it runs, or configure PostgreSQL (DATABASE_URL), which any number of processes can share.',
    );
  }
  return release;
}
