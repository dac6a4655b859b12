// The fuzzer's answer checks (scripts/fuzz/checks.ts): each kind of finding is raised by
// an answer that has it, and not by a clean one or by the caller's own input echoed back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAnswer, mutationRefused } from '../../../scripts/fuzz/checks.ts';

const json = (body: unknown, status = 200) => ({ status, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) });
const kinds = (answer: ReturnType<typeof json>, request = '') => checkAnswer(answer, ['the-bearer-token'], request).map((f) => f.kind);

test('a clean answer, data or a coded error, has no finding', () => {
  assert.deepEqual(kinds(json({ data: { swarm: { id: 'x' } } })), []);
  assert.deepEqual(kinds(json({ errors: [{ message: 'service "x" not found', extensions: { code: 'NOT_FOUND' } }] })), []);
  assert.deepEqual(kinds({ ...json({ errors: [{ message: 'm', extensions: { code: 'BAD_REQUEST' } }] }, 400), contentType: 'application/graphql-response+json; charset=utf-8' }), []);
});

test('each problem is found', () => {
  assert.deepEqual(kinds({ status: 400, contentType: 'text/html; charset=utf-8', text: '<pre>SyntaxError</pre>' }), ['non_json']);
  assert.deepEqual(kinds(json([1, 2])), ['non_json']);
  assert.deepEqual(kinds(json({ errors: [{ message: 'internal error', extensions: { code: 'INTERNAL' } }] }, 500)), ['internal']);
  assert.deepEqual(kinds(json({ errors: [{ message: 'no code' }] })), ['no_code']);
  assert.ok(kinds(json({ errors: [{ message: 'TypeError: x\n    at f (/srv/app/src/a.ts:1:2)', extensions: { code: 'BAD_REQUEST' } }] })).includes('stack_trace'));
  assert.deepEqual(kinds(json({ errors: [{ message: 'cannot open /var/lib/docker/x', extensions: { code: 'NOT_FOUND' } }] })), ['file_path']);
  assert.deepEqual(kinds(json({ errors: [{ message: 'token SWMTKN-1-abc', extensions: { code: 'NOT_FOUND' } }] })), ['secret']);
  assert.deepEqual(kinds(json({ data: { whoami: 'the-bearer-token' } })), ['secret']);
});

test("secret-looking text the request sent is the caller's own", () => {
  const error = json({ errors: [{ message: `service "sgw_${'a'.repeat(40)}" not found`, extensions: { code: 'NOT_FOUND' } }] });
  assert.deepEqual(kinds(error, `{"id":"sgw_${'a'.repeat(40)}"}`), []);
  assert.deepEqual(kinds(error, '{"id":"x"}'), ['secret']);
});

test('a mutation is refused by errors, a null payload or userErrors', () => {
  assert.equal(mutationRefused('networkCreate', JSON.stringify({ data: { networkCreate: { network: { id: 'n' }, userErrors: [] } } })), false);
  assert.equal(mutationRefused('networkCreate', JSON.stringify({ data: { networkCreate: { network: null, userErrors: [{ code: 'INVALID_CIDR' }] } } })), true);
  assert.equal(mutationRefused('networkCreate', JSON.stringify({ data: { networkCreate: null }, errors: [{}] })), true);
  assert.equal(mutationRefused('networkCreate', 'not json'), true);
});
