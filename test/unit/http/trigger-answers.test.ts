// How a fired trigger's GraphQL result becomes an HTTP status: every top-level code has one,
// policy refusals are 403, conflicts 409, other input problems 422, each userError kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ERROR_CODES } from '../../../src/errors/codes.ts';
import { answerForErrors, answerForUserErrors, STATUS_OF_CODE } from '../../../src/http/trigger-answers.ts';

test('every top-level error code has a status; the first error decides', () => {
  for (const code of ERROR_CODES) assert.ok(STATUS_OF_CODE[code] >= 400 && STATUS_OF_CODE[code] < 600, code);
  assert.equal(answerForErrors([{ message: 'no', extensions: { code: 'FORBIDDEN' } }, { message: 'x', extensions: { code: 'INTERNAL' } }]).status, 403);
  assert.equal(answerForErrors([{ message: 'gone', extensions: { code: 'NOT_FOUND' } }]).status, 404);
  assert.equal(answerForErrors([{ message: 'down', extensions: { code: 'ENGINE_UNAVAILABLE' } }]).status, 503);
  assert.equal(answerForErrors([{ message: '?' }]).status, 500, 'no code: INTERNAL');
});

test('userErrors: GUARDRAIL is 403 FORBIDDEN, VERSION_CONFLICT 409, INVALID_VALUE 422, each carried with its field', () => {
  const guard = answerForUserErrors([{ field: ['input', 'id'], code: 'GUARDRAIL', message: 'no bind mounts' }]);
  assert.equal(guard.status, 403);
  assert.deepEqual(guard.body, { errors: [{ message: 'no bind mounts', extensions: { code: 'FORBIDDEN', userError: { code: 'GUARDRAIL', field: ['input', 'id'] } } }] });
  assert.equal(answerForUserErrors([{ field: null, code: 'VERSION_CONFLICT', message: 'changed' }]).status, 409);
  const bad = answerForUserErrors([
    { field: ['input', 'wait'], code: 'INVALID_VALUE', message: 'wait 1-900' },
    { field: ['input', 'image'], code: 'INVALID_VALUE', message: 'bad image' },
  ]);
  assert.equal(bad.status, 422);
  assert.equal((bad.body.errors as unknown[]).length, 2);
});
