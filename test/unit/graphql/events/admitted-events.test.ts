// The scoped events iterator: drops what `admit` refuses, keeps the engine's order, and
// closing it closes the engine's stream at once, even while it waits for an event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineEvent } from '../../../../src/docker/engine-api/index.ts';
import { admittedEvents } from '../../../../src/graphql/events/admitted-events.ts';

const event = (id: string): EngineEvent => ({ Type: 'network', Action: 'create', Actor: { ID: id, Attributes: {} }, time: 0 });

/** A source handing out `queued`, then waiting until return(). */
function source(queued: EngineEvent[]) {
  const state = { returned: 0 };
  let release: (() => void) | undefined;
  const iterator: AsyncIterableIterator<EngineEvent> = {
    [Symbol.asyncIterator]() {
      return iterator;
    },
    next() {
      const next = queued.shift();
      if (next) return Promise.resolve({ value: next, done: false });
      return new Promise((resolve) => (release = () => resolve({ value: undefined, done: true })));
    },
    return() {
      state.returned++;
      release?.();
      return Promise.resolve({ value: undefined, done: true });
    },
  };
  return { iterator, state };
}

test('only admitted events pass, in order, as admit changed them', async () => {
  const { iterator } = source([event('a'), event('b'), event('c')]);
  const admitted = admittedEvents(iterator, async (e) => (e.Actor.ID === 'b' ? null : { ...e, Action: 'seen' }));
  assert.deepEqual((await admitted.next()).value, { ...event('a'), Action: 'seen' });
  assert.deepEqual((await admitted.next()).value, { ...event('c'), Action: 'seen' });
});

test('return() closes the source at once and ends a pending next()', async () => {
  const { iterator, state } = source([]);
  const admitted = admittedEvents(iterator, async (e) => e);
  const pending = admitted.next();
  await admitted.return!();
  assert.equal(state.returned, 1);
  assert.deepEqual(await pending, { value: undefined, done: true });
});

test('an event whose lookup ends after return() is not delivered', async () => {
  const { iterator } = source([event('a')]);
  let finish: (() => void) | undefined;
  const admitted = admittedEvents(iterator, (e) => new Promise((resolve) => (finish = () => resolve(e))));
  const pending = admitted.next();
  await new Promise((r) => setImmediate(r));
  await admitted.return!();
  finish!();
  assert.deepEqual(await pending, { value: undefined, done: true });
});
