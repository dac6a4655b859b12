// Interpolation of one string, with the grammar of the CLI's template package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { substitute, TemplateError } from '../../../../../src/docker/stack/compose/template.ts';

const vars: Record<string, string> = { NAME: 'web', EMPTY: '', TAG: '1.25' };
const lookup = (name: string) => (Object.hasOwn(vars, name) ? vars[name] : undefined);
const sub = (t: string) => substitute(t, lookup);

test('$VAR and ${VAR}, adjacent text, several in one string', () => {
  assert.equal(sub('$NAME').value, 'web');
  assert.equal(sub('${NAME}').value, 'web');
  assert.equal(sub('nginx:${TAG}-alpine').value, 'nginx:1.25-alpine');
  assert.equal(sub('$NAME.$TAG').value, 'web.1.25');
});

test('$$ is a literal $, also before a name', () => {
  assert.equal(sub('cost: $$5').value, 'cost: $5');
  assert.equal(sub('$${NAME}').value, '${NAME}');
  assert.equal(sub('echo $$HOME').value, 'echo $HOME');
});

test(':- takes the default when unset or empty, - only when unset', () => {
  assert.equal(sub('${MISSING:-info}').value, 'info');
  assert.equal(sub('${EMPTY:-info}').value, 'info');
  assert.equal(sub('${NAME:-info}').value, 'web');
  assert.equal(sub('${MISSING-info}').value, 'info');
  assert.equal(sub('${EMPTY-info}').value, '');
  assert.equal(sub('${MISSING:-}').value, '');
  assert.equal(sub('${MISSING:-a:b/c}').value, 'a:b/c');
});

test(':? fails when unset or empty, ? only when unset, with the message', () => {
  assert.throws(() => sub('${MISSING:?set it}'), (e: unknown) => e instanceof TemplateError && e.message === 'required variable MISSING is missing a value: set it');
  assert.throws(() => sub('${EMPTY:?set it}'), TemplateError);
  assert.equal(sub('${EMPTY?set it}').value, '');
  assert.throws(() => sub('${MISSING?set it}'), /required variable MISSING/);
  assert.equal(sub('${NAME:?x}').value, 'web');
  // The text after the operator is the message, hyphens and all (not a second operator).
  assert.throws(() => sub('${MISSING:?no-way}'), /missing a value: no-way/);
});

test('an unset variable without a default is blank and reported', () => {
  assert.deepEqual(sub('a${MISSING}b$OTHER'), { value: 'ab', unset: ['MISSING', 'OTHER'] });
  assert.deepEqual(sub('${MISSING:-x}').unset, []);
});

test('invalid templates: a lone $, ${}, an unclosed brace, :+ (the CLI has none), a digit name', () => {
  for (const bad of ['price $', '${}', '${NAME', '${NAME:+x}', '$1', '${NA ME}']) {
    assert.throws(() => sub(bad), (e: unknown) => e instanceof TemplateError && /invalid interpolation format/.test(e.message), bad);
  }
});

test('a string without $ is returned as it is', () => {
  assert.deepEqual(sub('plain text {braces}'), { value: 'plain text {braces}', unset: [] });
});
