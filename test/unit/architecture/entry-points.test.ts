// Entry points apart from libraries: only src/main.ts and the commands in src/cli/ read the
// process's environment and arguments; every library takes what it needs as a parameter,
// and test-only hooks come in as options from a test entry point (test/support/gateway-entry.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const SRC = new URL('../../../src/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

const isEntryPoint = (relative: string) => relative === 'main.ts' || relative.startsWith('cli/');

test('only the entry points read process.env or process.argv', () => {
  const readers = sourceFiles(SRC)
    .map((file) => path.relative(SRC, file))
    .filter((relative) => !isEntryPoint(relative) && /process\.(env|argv)\b/.test(readFileSync(path.join(SRC, relative), 'utf8')));
  assert.deepEqual(readers, []);
});

test('no source file names a test hook variable', () => {
  const named = sourceFiles(SRC)
    .map((file) => path.relative(SRC, file))
    .filter((relative) => /GATEWAY_TEST_/.test(readFileSync(path.join(SRC, relative), 'utf8')));
  assert.deepEqual(named, []);
});
