// When a failed delivery is tried again: exponential backoff from `webhooks.backoffMs`,
// doubling per failed attempt, capped, so a receiver that is down for an hour is not
// hammered and one that blipped is retried within seconds.

/** The longest wait between two attempts. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/** The wait after the `failedAttempts`-th failure (1: `baseMs`, 2: twice that, ...), at most MAX_BACKOFF_MS. */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2^30 already exceeds any cap; a bigger exponent would only risk Infinity.
  return Math.min(baseMs * 2 ** Math.min(exponent, 30), MAX_BACKOFF_MS);
}
