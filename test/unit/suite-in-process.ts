// The unit tests that run in process: pure functions, and the resolvers against the fake
// engine (test/support/fake-engine). One process for all of them (see import-tests.ts).
import { DATABASE_AND_PROCESS_FOLDERS, importTests } from './import-tests.ts';

await importTests(null, DATABASE_AND_PROCESS_FOLDERS);
