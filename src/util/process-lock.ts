// A lock that one process holds on a file or directory for as long as it runs: proper-lockfile,
// whose lock is a directory the holder refreshes (its mtime), so a lock left by a killed
// process (or by a container whose hostname and PIDs are gone) goes stale by itself, with no
// guess about whether a PID is still the same process. The embedded database
// (src/db/pglite-lock.ts) and each process's audit spool file (src/audit/spool-claim.ts) are
// held so; the staleness rule is decided here, once.
import lockfile from 'proper-lockfile';

/** A lock not refreshed for this long belongs to a process that is gone. */
export const PROCESS_LOCK_STALE_MS = 10_000;

export interface ProcessLockOptions {
  /** Where the lock lives (beside what it guards). */
  lockPath: string;
  /** How long to wait for a holder to let go (default 0: answer at once), tried once a second. */
  waitMs?: number | undefined;
  /** Told when the lock could not be refreshed and another process may take it now. */
  onLost?: ((err: Error) => void) | undefined;
}

/** Takes the lock on `target`: its release, or null when another live process holds it. */
export async function lockForThisProcess(target: string, opts: ProcessLockOptions): Promise<(() => Promise<void>) | null> {
  const waitMs = opts.waitMs ?? 0;
  const stepMs = 1_000;
  try {
    return await lockfile.lock(target, {
      realpath: false,
      lockfilePath: opts.lockPath,
      stale: PROCESS_LOCK_STALE_MS,
      update: PROCESS_LOCK_STALE_MS / 4,
      retries: waitMs > 0 ? { retries: Math.ceil(waitMs / stepMs), minTimeout: stepMs, maxTimeout: stepMs, factor: 1 } : 0,
      onCompromised: (err) => opts.onLost?.(err),
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') return null;
    throw err;
  }
}
