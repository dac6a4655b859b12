// A spool file belongs to one process (spool.ts serializes appends and rewrites within a
// process only: two processes on one file can lose entries, and each would count the other's
// as its own). Several processes can still share one data directory: a start-first update of
// deploy/stack.yml runs the old and the new gateway task on one node, on one `gateway-spool`
// volume, for a moment. So each process claims a spool file: the configured one when free,
// else `<name>-2<ext>`, `<name>-3<ext>`..., held by a lock beside it for the process's life.
// A file whose holder is gone (its lock stale, or none) is adopted by a running process,
// which drains it; until then its outcomes count as in flight (the reconciler leaves them).
//
// A process lock, as for the embedded database (src/util/process-lock.ts): a killed holder's
// lock goes stale by itself.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { lockForThisProcess, PROCESS_LOCK_STALE_MS } from '../util/process-lock.ts';

/** A spool lock not refreshed for this long belongs to a process that is gone. */
export const SPOOL_LOCK_STALE_MS = PROCESS_LOCK_STALE_MS;
/** Spool files per data directory: more processes than this on one directory is a mistake. */
export const MAX_SPOOLS = 16;

export interface ClaimedSpool {
  path: string;
  release(): Promise<void>;
}

/** The n-th spool file of `base` (1: base itself). */
export function spoolSlotPath(base: string, n: number): string {
  if (n === 1) return base;
  const ext = path.extname(base);
  return `${base.slice(0, base.length - ext.length)}-${n}${ext}`;
}

/** Every spool file `base` may have, in slot order. */
export function spoolSlots(base: string): string[] {
  return Array.from({ length: MAX_SPOOLS }, (_, i) => spoolSlotPath(base, i + 1));
}

/** The lock held on `file`, or null when another live process holds it. */
async function tryLock(file: string, onLost: (err: Error) => void): Promise<ClaimedSpool | null> {
  const release = await lockForThisProcess(file, { lockPath: `${file}.lock`, onLost });
  return release ? { path: file, release } : null;
}

export interface ClaimOptions {
  /** Told when the lock could not be kept (another process may take the file now). */
  onLost: (err: Error) => void;
}

/** The first spool file of `base` no live process holds, locked for this process. */
export async function claimSpool(base: string, opts: ClaimOptions): Promise<ClaimedSpool> {
  await fs.mkdir(path.dirname(base), { recursive: true });
  for (const file of spoolSlots(base)) {
    const claimed = await tryLock(file, opts.onLost);
    if (claimed) return claimed;
  }
  throw new Error(`every audit spool file of ${base} (${MAX_SPOOLS}) is held by a running process: give each gateway process its own data directory`);
}

/** The spool files of `base` other than `own` that exist. */
async function otherSpools(base: string, own: string): Promise<string[]> {
  const found = await Promise.all(
    spoolSlots(base)
      .filter((file) => file !== own)
      .map((file) => fs.stat(file).then((s) => (s.size > 0 ? file : null), () => null)),
  );
  return found.filter((file): file is string => file !== null);
}

/** The other spool files of `base` whose holder is gone, each now locked for this process (release when drained). */
export async function adoptOrphanSpools(base: string, own: string, opts: ClaimOptions): Promise<ClaimedSpool[]> {
  const adopted: ClaimedSpool[] = [];
  for (const file of await otherSpools(base, own)) {
    const claimed = await tryLock(file, opts.onLost);
    if (claimed) adopted.push(claimed);
  }
  return adopted;
}

/**
 * Intents whose outcomes wait in the other spool files of `base` (another process's, live or
 * gone): the reconciler must not guess an outcome that is written down there.
 */
export async function intentsInOtherSpools(base: string, own: string, read: (file: string) => Promise<{ fields?: { intentId?: string | null } }[]>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const file of await otherSpools(base, own)) {
    for (const entry of await read(file)) if (entry.fields?.intentId) ids.add(entry.fields.intentId);
  }
  return ids;
}
