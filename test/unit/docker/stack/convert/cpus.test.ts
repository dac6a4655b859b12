// `cpus` read as docker/cli opts.ParseCPUs reads it: an exact rational (big.Rat.SetString) times 1e9, whole or refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseComposeCpus } from '../../../../../src/docker/stack/convert/cpus.ts';

test('decimal, exponent and fraction forms give exact nano-CPUs', () => {
  assert.deepEqual(parseComposeCpus('0.5'), { nanoCpus: 500_000_000 });
  assert.deepEqual(parseComposeCpus('0.1'), { nanoCpus: 100_000_000 });
  assert.deepEqual(parseComposeCpus('2'), { nanoCpus: 2_000_000_000 });
  assert.deepEqual(parseComposeCpus('.25'), { nanoCpus: 250_000_000 });
  assert.deepEqual(parseComposeCpus('1.'), { nanoCpus: 1_000_000_000 });
  assert.deepEqual(parseComposeCpus('1e-3'), { nanoCpus: 1_000_000 });
  assert.deepEqual(parseComposeCpus('3/4'), { nanoCpus: 750_000_000 });
  assert.deepEqual(parseComposeCpus('0.000000001'), { nanoCpus: 1 });
});

test('finer than a nano-CPU is "value is too precise"; what is no number is refused', () => {
  assert.deepEqual(parseComposeCpus('0.0000000001'), { error: 'value is too precise' });
  assert.deepEqual(parseComposeCpus('1/3'), { error: 'value is too precise' });
  assert.deepEqual(parseComposeCpus('one'), { error: 'failed to parse one as a rational number' });
  assert.deepEqual(parseComposeCpus(''), { error: 'failed to parse  as a rational number' });
  assert.deepEqual(parseComposeCpus(' 1'), { error: 'failed to parse  1 as a rational number' });
  assert.deepEqual(parseComposeCpus('1/0'), { error: 'failed to parse 1/0 as a rational number' });
});
