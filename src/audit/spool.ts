// A local, append-only spool for audit records the database could not take (outcomes
// written while it was down). One JSON document per line, fsynced before append returns,
// so what was acknowledged survives a crash. Draining writes the entries in order, in
// batches (one database transaction each, so a drain outpaces the writers that filled
// it), and removes only those written; the file is replaced via a temp file + rename, so
// a crash leaves either the old or the new spool, never a mix.
//
// Each process must have its own spool file: the locks here are per process (spool-claim.ts
// gives each process of a shared data directory its own). Entries may
// be written twice if the process dies between a successful write and the rewrite of the
// spool, so `write` must be idempotent (an outcome is keyed by its intentId).
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';

export interface SpoolOptions {
  /** Called for a line that is not a complete JSON document (a torn write); default process.emitWarning. */
  warn?: (message: string) => void;
}

export interface DrainOptions extends SpoolOptions {
  /** Entries handed to one `write` call; default DEFAULT_DRAIN_BATCH. */
  batchSize?: number;
}

/** Entries per batch: one transaction of this many inserts stays well under a second. */
export const DEFAULT_DRAIN_BATCH = 500;

export interface DrainResult {
  /** Entries written and removed from the spool. */
  written: number;
  /** Entries still in the spool, in order. */
  remaining: number;
  /** Why the drain stopped early, when it did. */
  error?: unknown;
}

/** Per-path serialization of appends and spool rewrites within this process. */
const locks = new Map<string, Promise<unknown>>();
/** A drain in progress per path: a second drain waits for it instead of writing twice. */
const drains = new Map<string, Promise<DrainResult>>();

function withLock<T>(file: string, action: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const run = (locks.get(key) ?? Promise.resolve()).then(action, action);
  const settled = run.then(() => undefined, () => undefined);
  locks.set(key, settled);
  void settled.then(() => {
    if (locks.get(key) === settled) locks.delete(key);
  });
  return run;
}

/** Appends one entry as a JSON line and fsyncs it; creates the file with mode 0600. */
export function appendToSpool(file: string, entry: unknown): Promise<void> {
  const line = JSON.stringify(entry);
  if (line === undefined) return Promise.reject(new TypeError('a spool entry must be JSON-serializable'));
  return withLock(file, async () => {
    const handle = await fs.open(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o600);
    try {
      // A torn last line (a crash mid-append) must not swallow this entry: start a new line.
      const { size } = await handle.stat();
      let prefix = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      await handle.write(`${prefix}${line}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/** The spool's entries in order; torn or unparseable lines are skipped with a warning. */
export async function readSpool<T = unknown>(file: string, opts: SpoolOptions = {}): Promise<T[]> {
  return (await readLines(file, opts)).map((l) => l.entry as T);
}

interface SpoolLine {
  entry: unknown;
}

async function readLines(file: string, opts: SpoolOptions, from = 0): Promise<SpoolLine[]> {
  let text: string;
  try {
    const buf = await fs.readFile(file);
    text = buf.subarray(from).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const warn = opts.warn ?? ((m: string) => process.emitWarning(m, 'AuditSpoolWarning'));
  const lines = text.split('\n');
  const out: SpoolLine[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const complete = i < lines.length - 1;
    try {
      if (!complete) throw new Error('no line end');
      out.push({ entry: JSON.parse(raw) });
    } catch {
      warn(`audit spool ${file}: ignoring ${complete ? 'an unreadable' : 'a torn (incomplete)'} line ${i + 1}: ${raw.slice(0, 200)}`);
    }
  });
  return out;
}

/**
 * Writes the spool's entries in order with `write`, a batch of up to `batchSize` entries
 * per call, stopping at the first batch that fails; the written ones are removed, the rest
 * stay in order. Entries appended while the drain runs stay in the spool, after the
 * unwritten ones.
 */
export function drainSpool<T = unknown>(file: string, write: (batch: T[]) => Promise<void>, opts: DrainOptions = {}): Promise<DrainResult> {
  const key = path.resolve(file);
  const running = drains.get(key);
  if (running) return running;
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_DRAIN_BATCH);
  const drain = (async (): Promise<DrainResult> => {
    // Snapshot under the lock: the byte length says where later appends begin.
    const snapshot = await withLock(file, async () => {
      const size = await fs.stat(file).then((s) => s.size, (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return 0;
        throw err;
      });
      return { size, lines: size === 0 ? [] : await readLines(file, opts) };
    });
    if (snapshot.lines.length === 0 && snapshot.size === 0) return { written: 0, remaining: 0 };
    let written = 0;
    let error: unknown;
    while (written < snapshot.lines.length) {
      const batch = snapshot.lines.slice(written, written + batchSize);
      try {
        await write(batch.map((l) => l.entry as T));
      } catch (err) {
        error = err;
        break;
      }
      written += batch.length;
    }
    return withLock(file, async () => {
      const unwritten = snapshot.lines.slice(written).map((l) => JSON.stringify(l.entry));
      const appended = (await readLines(file, { warn: () => {} }, snapshot.size)).map((l) => JSON.stringify(l.entry));
      const rest = [...unwritten, ...appended];
      await replaceFile(file, rest.length === 0 ? '' : `${rest.join('\n')}\n`);
      return { written, remaining: rest.length, ...(error !== undefined ? { error } : {}) };
    });
  })();
  drains.set(key, drain);
  void drain.then(() => undefined, () => undefined).then(() => drains.delete(key));
  return drain;
}

/** Atomically replaces the file's content: temp file, fsync, rename, fsync the directory. */
async function replaceFile(file: string, content: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.write(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
  const dir = await fs.open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
