// Test support: the entry point of a gateway process started by a test (gateway-process.ts),
// instead of src/main.ts. It starts the same gateway with the same function, and hands it
// the test-only options, read here from the variables a test sets, so production code reads
// no test hook from the environment:
// - GATEWAY_TEST_PAUSE_AFTER_ENGINE: comma-separated operations that hang between their
//   engine call and their audit outcome, so a test can kill the process in that window.
import { exitOnStartFailure, runGateway } from '../../src/http/run-gateway.ts';

const pauseAfterEngine = (process.env.GATEWAY_TEST_PAUSE_AFTER_ENGINE ?? '')
  .split(',')
  .map((operation) => operation.trim())
  .filter((operation) => operation !== '');

runGateway({ env: process.env, testPauseAfterEngine: pauseAfterEngine }).catch(exitOnStartFailure);
