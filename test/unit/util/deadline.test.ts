// withDeadline: the work's outcome when it comes in time; the deadline's error, built when
// the time is up, when it does not; a late rejection of the work is no unhandled rejection.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withDeadline } from '../../../src/util/deadline.ts';

test('an answer in time is passed through, a failure in time too', async () => {
  assert.equal(await withDeadline(Promise.resolve(7), 1000, () => new Error('late')), 7);
  const failure = new Error('refused');
  await assert.rejects(withDeadline(Promise.reject(failure), 1000, () => new Error('late')), (err: unknown) => err === failure);
});

test('no answer in time: the error late() builds at the deadline, describing that moment', async () => {
  let state = 'before';
  const hung = new Promise<never>(() => {});
  setTimeout(() => (state = 'sent'), 5);
  await assert.rejects(withDeadline(hung, 30, () => new Error(`late while ${state}`)), /late while sent/);
});

test('a rejection after the deadline is swallowed', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const slow = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('too late')), 20));
    await assert.rejects(withDeadline(slow, 5, () => new Error('late')), /^Error: late$/);
    await new Promise((r) => setTimeout(r, 40));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
