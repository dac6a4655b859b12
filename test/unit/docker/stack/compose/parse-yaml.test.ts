// The YAML reading: one mapping document, merge keys, duplicate keys refused, aliases bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { parseYaml } from '../../../../../src/docker/stack/compose/parse-yaml.ts';

const refusal = (text: string) => {
  const parsed = parseYaml(text);
  assert.equal(parsed.ok, false);
  return (parsed as { problem: { code: string; field: unknown; message: string } }).problem;
};

test('a syntax error is COMPOSE_INVALID with its line', () => {
  const problem = refusal('services:\n  web:\n    image: [nginx\n    ports: 80\n');
  assert.equal(problem.code, 'COMPOSE_INVALID');
  assert.equal(problem.field, null);
  assert.match(problem.message, /line \d+, column \d+/);
});

test('duplicate keys are refused, with the line', () => {
  assert.match(refusal('services:\n  web:\n    image: a\n    image: b\n').message, /unique.*line 4/);
});

test('one document only; the top level is a mapping; an empty file is refused', () => {
  assert.match(refusal('services: {}\n---\nservices: {}\n').message, /exactly one YAML document, not 2/);
  assert.match(refusal('- web\n- db\n').message, /top level of a compose file must be a mapping/);
  assert.match(refusal('"just text"\n').message, /must be a mapping/);
  assert.match(refusal('').message, /empty/);
});

test('a billion-laughs file is refused cheaply, before its expansion', () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  const problem = refusal(lines.join('\n'));
  assert.match(problem.message, /aliases too often/);
});

test('merge keys are resolved, later keys win over merged ones, a list of merges works', () => {
  const parsed = parseYaml('base: &b {x: 1, y: 1}\nmore: &m {z: 1}\nc:\n  <<: [*b, *m]\n  y: 2\n');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value.c, { x: 1, y: 2, z: 1 });
});

test('scalars as the CLI reads them: 0440 is octal (YAML 1.1), yes stays a string, 0o17 is octal', () => {
  const parsed = parseYaml('a: 0440\nb: yes\nc: 0o17\nd: "0440"\ne: 10\n');
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, { a: 0o440, b: 'yes', c: 0o17, d: '0440', e: 10 });
});

test('a __proto__ key is refused with its line, not silently dropped', () => {
  assert.match(refusal('services:\n  __proto__:\n    image: nginx\n').message, /"__proto__".*line 2/);
  assert.match(refusal('services:\n  web:\n    image: nginx\n    labels: {__proto__: x}\n').message, /"__proto__"/);
});

test('values JSON cannot hold (!!binary, !!set) and a merge of a scalar are refused', () => {
  assert.match(refusal('services:\n  web:\n    labels: !!binary aGVsbG8=\n').message, /services\.web\.labels is not text/);
  assert.match(refusal('a: !!set {x, y}\n').message, /at a is not text/);
  assert.match(refusal('services:\n  web:\n    <<: 5\n').message, /Merge sources must be maps/);
});

test('through loadCompose, a YAML problem is an InvalidOptionsError', () => {
  assert.throws(() => loadCompose('services: [\n', {}), (e: unknown) => (e as { problems: { code: string }[] }).problems[0]!.code === 'COMPOSE_INVALID');
});
