// The one place where the engine layer's problems (paths inside its options) become
// userErrors: under the mutation's `input`, each path kept as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidOptionsError } from '../../../src/errors/gateway-error.ts';
import { inputErrors } from '../../../src/graphql/run-mutation.ts';

test('a problem inside the options is a userError at the same path under input', () => {
  const err = new InvalidOptionsError([
    { field: ['ipam', '0', 'gateway'], code: 'GATEWAY_OUTSIDE_SUBNET', message: 'outside' },
    { field: [], code: 'INVALID_VALUE', message: 'the whole options' },
    { field: null, code: 'INVALID_STATE', message: 'no field' },
  ]);
  assert.deepEqual(inputErrors(err), [
    { field: ['input', 'ipam', '0', 'gateway'], code: 'GATEWAY_OUTSIDE_SUBNET', message: 'outside' },
    { field: ['input'], code: 'INVALID_VALUE', message: 'the whole options' },
    { field: null, code: 'INVALID_STATE', message: 'no field' },
  ]);
});
