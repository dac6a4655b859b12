import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateTimeScalar } from '../../../src/graphql/date-time.ts';

test('RFC 3339 date-times are accepted and normalized to UTC', () => {
  assert.equal(dateTimeScalar.parseValue('2026-01-31T12:00:00Z'), '2026-01-31T12:00:00.000Z');
  assert.equal(dateTimeScalar.parseValue('2026-01-31T13:30:00.5+01:30'), '2026-01-31T12:00:00.500Z');
  assert.equal(dateTimeScalar.parseValue('2024-02-29T00:00:00Z'), '2024-02-29T00:00:00.000Z');
});

test('dates that do not exist, and other forms, are refused', () => {
  for (const bad of ['2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01', 'yesterday', 1700000000, '']) {
    assert.throws(() => dateTimeScalar.parseValue(bad), /RFC 3339 date-time that exists/, String(bad));
  }
});
