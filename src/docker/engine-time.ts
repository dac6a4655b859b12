// Time as the Engine API speaks it, decided here once: `since`/`until` are Unix seconds with
// a nine-digit fraction (as the Docker CLI's GetTimestamp makes them), and an event carries
// its time in seconds (`time`) and, on current engines, nanoseconds (`timeNano`).
import type { EngineEvent } from './engine-api/index.ts';

/** An instant (milliseconds since the epoch) as the Engine's `since`/`until`. */
export function engineTimestamp(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1_000_000);
  return `${seconds}.${String(nanos).padStart(9, '0')}`;
}

/** An RFC 3339 instant (a GraphQL DateTime) as the Engine's `since`/`until`. */
export function engineTimestampOf(rfc3339: string): string {
  return engineTimestamp(Date.parse(rfc3339));
}

/** The event's time in nanoseconds, exactly (timeNano exceeds a double's integer precision). */
export function eventTimeNs(e: EngineEvent): bigint {
  return e.timeNano !== undefined ? BigInt(e.timeNano) : BigInt(e.time) * 1_000_000_000n;
}

/** The event's time in whole milliseconds, rounded down. */
export function eventTimeMs(e: EngineEvent): number {
  return Number(eventTimeNs(e) / 1_000_000n);
}
