// Loads unit test files into the process that imports this module, so a group of them runs
// in one Node process: each file on its own would start a process and load the gateway's
// modules again (about 2 s of CPU per file that starts a gateway, more than most files' tests
// take). `node --test` reports every test as usual. A folder is in exactly one group, and the
// default group is "every folder not named elsewhere", so a new folder's tests cannot be left out.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const UNIT_ROOT = new URL('.', import.meta.url).pathname;

/** Test folders (paths below test/unit) whose files use a real embedded database or child processes: run beside the rest. */
export const DATABASE_AND_PROCESS_FOLDERS = ['audit', 'db', 'main', 'graphql/tokens', 'rollouts', 'triggers', 'webhooks/store'];

function testFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return entry === 'fixtures' ? [] : testFilesUnder(path);
      return entry.endsWith('.test.ts') ? [path] : [];
    });
}

const isUnder = (file: string, folder: string) => relative(UNIT_ROOT, file).startsWith(`${folder}/`);

/** Imports every `*.test.ts` under the given folders of test/unit (every other one when `folders` is null). */
export async function importTests(folders: readonly string[] | null, exclude: readonly string[] = []): Promise<void> {
  const chosen = testFilesUnder(UNIT_ROOT).filter((file) => (folders ? folders.some((f) => isUnder(file, f)) : !exclude.some((f) => isUnder(file, f))));
  for (const file of chosen) await import(file);
}
