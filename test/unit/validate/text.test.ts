// Text the audit database cannot hold (NUL, lone UTF-16 surrogates) is found anywhere in a
// mutation input and reported at its own field; everything else, emoji included, passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unstorableTextProblem, validateStorableText } from '../../../src/validate/text.ts';

test('NUL and lone surrogates are refused; valid Unicode passes', () => {
  for (const ok of ['', 'web', 'é', 'naïve 😀', '\u{10FFFF}', 'tab\there', 'a\ud83d\ude00b']) assert.equal(unstorableTextProblem(ok), null, JSON.stringify(ok));
  assert.match(unstorableTextProblem('a\u0000b') ?? '', /NUL/);
  for (const bad of ['\ud800', 'a\ud800b', '\udc00', 'x\udfffy', '\ude00\ud83d']) assert.match(unstorableTextProblem(bad) ?? '', /surrogate/, JSON.stringify(bad));
});

test('each problem is an INVALID_VALUE at its field, through objects and lists', () => {
  const input = { name: 'ok', labels: [{ key: 'team', value: 'pay\u0000ments' }], command: ['sh', '\ud800'], replicas: 3, nested: null };
  assert.deepEqual(
    validateStorableText(input, ['input']).map((e) => [e.code, e.field]),
    [
      ['INVALID_VALUE', ['input', 'labels', '0', 'value']],
      ['INVALID_VALUE', ['input', 'command', '1']],
    ],
  );
  assert.deepEqual(validateStorableText({ name: 'fine', ids: ['a', 'b'] }, ['input']), []);
});
