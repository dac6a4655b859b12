// Loads unit test files into the process that imports this module, so a group of them runs
// in one Node process: each file on its own would start a process and load the gateway's
// modules again (about 2 s of CPU per file that starts a gateway, more than most files' tests
// take). `node --test` reports every test as usual. A folder is in exactly one group, and the
// default group is "every folder not named elsewhere", so a new folder's tests cannot be left out.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const UNIT_ROOT = new URL('.', import.meta.url).pathname;

/** Test folders whose files use a real embedded database or child processes: run beside the rest. */
export const DATABASE_AND_PROCESS_FOLDERS = ['audit', 'db', 'main'];

function testFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return entry === 'fixtures' ? [] : testFilesUnder(path);
      return entry.endsWith('.test.ts') ? [path] : [];
    });
}

/** Imports every `*.test.ts` under the given top-level folders of test/unit (all but `exclude` when `folders` is null). */
export async function importTests(folders: readonly string[] | null, exclude: readonly string[] = []): Promise<void> {
  const chosen = readdirSync(UNIT_ROOT)
    .filter((entry) => statSync(join(UNIT_ROOT, entry)).isDirectory() && entry !== 'fixtures')
    .filter((entry) => (folders ? folders.includes(entry) : !exclude.includes(entry)));
  for (const folder of chosen) for (const file of testFilesUnder(join(UNIT_ROOT, folder))) await import(file);
}
