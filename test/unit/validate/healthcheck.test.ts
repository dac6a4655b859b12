// Health check options (`--health-*`): Docker's test forms, durations of 0 or at least 1ms,
// retries of 0 or more, each problem at its field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasHealthCheck, noHealthcheckConflict, parseHealthCheck } from '../../../src/validate/index.ts';

const problems = (r: ReturnType<typeof parseHealthCheck>) => ('errors' in r ? r.errors.map((e) => [e.code, (e.field ?? []).join('.')]) : []);

test('the test forms Docker knows parse; the durations become nanoseconds', () => {
  assert.deepEqual(parseHealthCheck({ test: ['CMD-SHELL', 'wget -q -O- localhost'], interval: '2s', timeout: '500ms', startPeriod: '0', retries: 3 }, ['h']), {
    check: { test: ['CMD-SHELL', 'wget -q -O- localhost'], intervalNanos: 2_000_000_000, timeoutNanos: 500_000_000, startPeriodNanos: 0, retries: 3 },
  });
  assert.deepEqual(parseHealthCheck({ test: ['CMD', 'true'] }, []), { check: { test: ['CMD', 'true'] } });
  assert.deepEqual(parseHealthCheck({ test: ['NONE'] }, []), { check: { test: ['NONE'] } });
  assert.deepEqual(parseHealthCheck({ test: [] }, []), { check: { test: [] } });
  assert.deepEqual(parseHealthCheck({ interval: '1ms' }, []), { check: { intervalNanos: 1_000_000 } });
});

test('a test of another form, or missing its command, is refused at test', () => {
  for (const test of [['true'], ['CMD'], ['CMD', ''], ['CMD-SHELL'], ['CMD-SHELL', ' '], ['CMD-SHELL', 'a', 'b'], ['NONE', 'x'], ['cmd', 'true']]) {
    assert.deepEqual(problems(parseHealthCheck({ test }, ['healthcheck'])), [['INVALID_VALUE', 'healthcheck.test']], JSON.stringify(test));
  }
});

test('durations under 1ms (but 0), negative or malformed, and negative or fractional retries are refused at their fields', () => {
  assert.deepEqual(problems(parseHealthCheck({ interval: '999us', timeout: '-1s', startPeriod: '10', retries: -1 }, ['h'])), [
    ['INVALID_VALUE', 'h.interval'],
    ['INVALID_VALUE', 'h.timeout'],
    ['INVALID_VALUE', 'h.startPeriod'],
    ['INVALID_VALUE', 'h.retries'],
  ]);
  assert.deepEqual(problems(parseHealthCheck({ retries: 1.5 }, [])), [['INVALID_VALUE', 'retries']]);
});

test('noHealthcheck conflicts with any given check field, not with an empty one', () => {
  assert.deepEqual(noHealthcheckConflict({ retries: 1 }, true, ['noHealthcheck']).map((e) => e.field), [['noHealthcheck']]);
  assert.deepEqual(noHealthcheckConflict({ retries: null }, true, ['noHealthcheck']), []);
  assert.deepEqual(noHealthcheckConflict({ retries: 1 }, false, ['noHealthcheck']), []);
  assert.equal(hasHealthCheck({ test: null, interval: undefined }), false);
});
