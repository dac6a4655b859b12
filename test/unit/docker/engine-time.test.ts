// Time as the Engine API speaks it (src/docker/engine-time.ts), one decision for the event
// stream's resume cursor, the event history window, service logs and the events field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineTimestamp, engineTimestampOf, eventTimeMs, eventTimeNs } from '../../../src/docker/engine-time.ts';

const event = (time: number, timeNano?: number) => ({ Type: 'network', Action: 'create', Actor: { ID: 'n' }, time, ...(timeNano === undefined ? {} : { timeNano }) });

test('an instant is Unix seconds with a nine-digit fraction, as the CLI sends since', () => {
  assert.equal(engineTimestamp(1_767_225_601_250), '1767225601.250000000');
  assert.equal(engineTimestamp(1_767_225_601_000), '1767225601.000000000');
  assert.equal(engineTimestampOf('2026-01-01T00:00:01.007Z'), '1767225601.007000000');
});

test("an event's time: timeNano when the engine sends it, else time in seconds", () => {
  assert.equal(eventTimeNs(event(1, 1_500_000_123)), 1_500_000_123n);
  // A current timeNano is past a double's integer precision: whole milliseconds, rounded down, survive it.
  assert.equal(eventTimeMs(event(1_767_225_601, 1_767_225_601_250_999_000)), 1_767_225_601_250);
  assert.equal(eventTimeMs(event(1_767_225_601)), 1_767_225_601_000);
});

test("a resume from an event's own time replays that event (since is inclusive)", () => {
  const e = event(1_767_225_601, 1_767_225_601_250_999_000);
  const since = engineTimestamp(eventTimeMs(e));
  assert.ok(BigInt(since.replace('.', '')) <= eventTimeNs(e));
});
