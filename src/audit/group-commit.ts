// Group commit: appends asked for while one append transaction is in flight wait, and go
// together in the next transaction when it ends (up to `maxBatch` a transaction). Under
// concurrency the chain lock is then taken once per batch, not once per record.
//
// The first append of an idle queue does not start a transaction at once but on the next
// turn of the event loop (setImmediate): the appends asked for by every callback of this
// turn (each request arrives in a callback of its own) go in that first batch. An embedded
// database (PGlite) runs a whole transaction without yielding to I/O, so without the wait
// each request's append would find the queue idle and go alone: one record a transaction.
//
// A caller's promise settles with its batch's transaction: it resolves only once the
// transaction holding its record committed (an intent is durable before the engine is
// called), and when the batch fails every caller in it gets that same error, so each
// handles an unconfirmed write or a deadline as it would have on its own.
//
// A record's time budget counts from when its caller asked, queueing included: a batch
// runs with the smallest budget left among its items, so it never commits past the
// earliest of their deadlines. An item whose budget ran out while it queued is refused
// alone, before anything was sent for it.
import { AppendDeadlineError } from './chain-append.ts';

/** Writes the items in one transaction within `budgetMs`. */
export type RunBatch<T> = (items: T[], budgetMs: number) => Promise<void>;

/** Records per transaction at most: a bound on one transaction's size and time. */
export const DEFAULT_GROUP_COMMIT_BATCH = 256;

interface Waiting<T> {
  item: T;
  asked: number;
  deadline: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<T> {
  private readonly run: RunBatch<T>;
  private readonly maxBatch: number;
  private queue: Waiting<T>[] = [];
  private busy = false;
  /** Transactions run and records sent in them (failed ones included). */
  readonly stats = { transactions: 0, records: 0 };

  constructor(run: RunBatch<T>, maxBatch = DEFAULT_GROUP_COMMIT_BATCH) {
    this.run = run;
    this.maxBatch = Math.max(1, maxBatch);
  }

  /** Settles when the transaction holding `item` committed (or failed), within `budgetMs` of now. */
  append(item: T, budgetMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const asked = Date.now();
      this.queue.push({ item, asked, deadline: asked + budgetMs, resolve, reject });
      if (this.busy) return;
      this.busy = true;
      setImmediate(() => void this.flush());
    });
  }

  /** Runs batches until the queue is empty; `busy` is set by whoever scheduled it. */
  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const now = Date.now();
        const taken = this.queue.splice(0, this.maxBatch);
        const batch = taken.filter((w) => w.deadline > now);
        for (const w of taken) {
          if (w.deadline <= now) w.reject(new AppendDeadlineError(`the audit append ran out of its ${w.deadline - w.asked} ms while it queued`));
        }
        if (batch.length === 0) continue;
        const budget = Math.min(...batch.map((w) => w.deadline)) - now;
        this.stats.transactions++;
        this.stats.records += batch.length;
        try {
          await this.run(
            batch.map((w) => w.item),
            budget,
          );
          for (const w of batch) w.resolve();
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}
