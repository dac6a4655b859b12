// command/entrypoint strings split into words as the CLI's shlex does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shellSplit, ShellSplitError } from '../../../../../src/docker/stack/compose/shell-split.ts';

test('blanks separate words; quotes group; no expansion', () => {
  assert.deepEqual(shellSplit('nginx -g "daemon off;"'), ['nginx', '-g', 'daemon off;']);
  assert.deepEqual(shellSplit("sh -c 'echo $HOME && ls *'"), ['sh', '-c', 'echo $HOME && ls *']);
  assert.deepEqual(shellSplit('  a\tb\n c  '), ['a', 'b', 'c']);
  assert.deepEqual(shellSplit('--name=a" b"c'), ['--name=a bc']);
  assert.deepEqual(shellSplit('""'), ['']);
  assert.deepEqual(shellSplit(''), []);
});

test('backslashes: outside quotes and inside double quotes they take the next character; literal in single quotes', () => {
  assert.deepEqual(shellSplit('a\\ b'), ['a b']);
  assert.deepEqual(shellSplit('"say \\"hi\\""'), ['say "hi"']);
  assert.deepEqual(shellSplit("'a\\b'"), ['a\\b']);
});

test('# starts a comment only at the start of a word', () => {
  assert.deepEqual(shellSplit('run --x # the rest\nnext'), ['run', '--x', 'next']);
  assert.deepEqual(shellSplit('a#b'), ['a#b']);
});

test('unclosed quotes and a trailing backslash are errors', () => {
  for (const bad of ['echo "hi', "echo 'hi", 'echo \\']) assert.throws(() => shellSplit(bad), ShellSplitError, bad);
});
