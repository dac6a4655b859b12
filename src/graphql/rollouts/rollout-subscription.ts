// `rolloutUpdated(id)`: the rollout now, then each change, ending after its conclusion, from
// the one tracker the gateway runs for it (ctx.rollouts.watch), whoever subscribes. The
// caller's right to read it is checked once, first: the labels that decide it are the
// service's at the start and do not change.
import type { Resolvers } from '../../generated/graphql.ts';
import type { RolloutRecord } from '../../rollouts/rollouts.ts';
import { readableRollout } from './readable-rollout.ts';
import { toRolloutModel } from './rollout-model.ts';

export const rolloutSubscription: Resolvers['Subscription'] = {
  rolloutUpdated: {
    subscribe: (_root, { id }, ctx) => afterCheck(readableRollout(ctx, id), () => ctx.rollouts.watch(id)),
    resolve: (rollout: RolloutRecord) => toRolloutModel(rollout),
  },
};

/**
 * `open()`'s stream once `check` passed; when it fails, the first next() throws its error, which
 * graphql-ws sends as the subscription's `error` (NOT_FOUND), as the events subscription fails.
 * Not an async generator around the stream: closing the subscription must reach the watch's
 * return() at once, and a generator's return() waits for the change it is waiting on.
 */
function afterCheck<T>(check: Promise<unknown>, open: () => AsyncIterableIterator<T>): AsyncIterableIterator<T> {
  let inner: AsyncIterableIterator<T> | null = null;
  let closed = false;
  const ready = check.then(() => {
    if (!closed) inner = open();
  });
  const ended = (): IteratorResult<T> => ({ value: undefined, done: true });
  const stream: AsyncIterableIterator<T> = {
    async next() {
      await ready;
      return inner ? inner.next() : ended();
    },
    async return() {
      closed = true;
      await ready.catch(() => undefined);
      return inner?.return ? inner.return() : ended();
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
}
