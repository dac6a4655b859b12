// watch(id) as an async iterator: the rollout now, then each change, ending after the one
// that carries the conclusion. It subscribes before reading the current record, so no change
// in between is lost; a change equal to the last one yielded is skipped.
import type { RolloutChanges } from './rollout-changes.ts';
import type { RolloutRecord } from './rollouts.ts';

export function watchRollout(
  changes: RolloutChanges,
  id: string,
  current: () => Promise<RolloutRecord | null>,
): AsyncIterableIterator<RolloutRecord> {
  const queue: RolloutRecord[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  let lastYielded: string | null = null;
  const unsubscribe = changes.subscribe(id, (r) => {
    queue.push(r);
    wake?.();
  });
  const finish = () => {
    if (!done) {
      done = true;
      unsubscribe();
      wake?.();
    }
  };
  const first = current().then((r) => {
    if (r) queue.unshift(r);
    else finish();
  }, (err: unknown) => {
    finish();
    throw err;
  });

  const iterator: AsyncIterableIterator<RolloutRecord> = {
    async next(): Promise<IteratorResult<RolloutRecord>> {
      await first;
      for (;;) {
        if (done) return { value: undefined, done: true };
        const r = queue.shift();
        if (r) {
          const text = JSON.stringify(r);
          if (text === lastYielded) continue;
          lastYielded = text;
          if (r.concludedAt) finish();
          return { value: r, done: false };
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    },
    async return(): Promise<IteratorResult<RolloutRecord>> {
      finish();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
