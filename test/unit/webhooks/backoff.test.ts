// Retry waits: doubling from the base, capped at 5 minutes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_BACKOFF_MS, retryDelayMs } from '../../../src/webhooks/backoff.ts';

test('the wait doubles per failed attempt from the base and stops at 5 minutes', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => retryDelayMs(n, 1_000)), [1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000]);
  assert.equal(MAX_BACKOFF_MS, 300_000);
  assert.deepEqual([1, 2, 3].map((n) => retryDelayMs(n, 50)), [50, 100, 200]);
  assert.equal(retryDelayMs(1_000, 1_000), MAX_BACKOFF_MS);
});
