// wholeNumberInRange: omitted or a whole number within the bounds passes; anything else is one
// INVALID_VALUE at the field, naming the range.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wholeNumberInRange } from '../../../src/validate/whole-number.ts';

test('wholeNumberInRange: omitted and the bounds themselves pass', () => {
  for (const v of [undefined, null, 1, 450, 900]) assert.deepEqual(wholeNumberInRange(v, 1, 900, ['input', 'wait'], 'wait'), [], String(v));
});

test('wholeNumberInRange: below, above, fractional and NaN are INVALID_VALUE at the field', () => {
  for (const v of [0, -1, 901, 1.5, Number.NaN]) {
    assert.deepEqual(wholeNumberInRange(v, 1, 900, ['input', 'wait'], 'wait'), [
      { field: ['input', 'wait'], code: 'INVALID_VALUE', message: `wait ${v} is not valid; give a whole number from 1 to 900.` },
    ]);
  }
});
