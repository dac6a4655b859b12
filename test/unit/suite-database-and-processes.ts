// The unit tests that open an embedded PGlite database or start child processes (the folders
// named in import-tests.ts): one process, run beside suite-in-process.ts, since much of their
// time is waiting (deadlines, process exits) or opening the database.
import { DATABASE_AND_PROCESS_FOLDERS, importTests } from './import-tests.ts';

await importTests(DATABASE_AND_PROCESS_FOLDERS);
