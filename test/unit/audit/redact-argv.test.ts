// The rule for secrets in command lines (redactArgv), as the audit log applies it to
// containerExec's and containerRun's `command` and a service's `args`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SECRET_NAME_PATTERNS, redactArgv, redactInput, secretNameMatcher } from '../../../src/audit/redact.ts';

const isSecret = secretNameMatcher(DEFAULT_SECRET_NAME_PATTERNS);

describe('redactArgv', () => {
  test('NAME=VALUE and --name=value arguments with a secret name keep the name only', () => {
    assert.deepEqual(redactArgv(['env', 'DB_PASSWORD=hunter2', 'MODE=fast', 'app', '--api-token=abc', '--level=3'], isSecret), [
      'env', 'DB_PASSWORD=[redacted]', 'MODE=fast', 'app', '--api-token=[redacted]', '--level=3',
    ]);
  });

  test('the argument after a flag with a secret name', () => {
    assert.deepEqual(redactArgv(['login', '--password', 'hunter2', '-secret', 's3', '--user', 'bob', '-v', 'x'], isSecret), [
      'login', '--password', '[redacted]', '-secret', '[redacted]', '--user', 'bob', '-v', 'x',
    ]);
  });

  test('assignments inside a shell script, up to a blank or a separator', () => {
    assert.deepEqual(redactArgv(['sh', '-c', 'x=1 API_TOKEN=abc; run --secret=s3cr3t&&echo done'], isSecret), ['sh', '-c', 'x=1 API_TOKEN=[redacted]; run --secret=[redacted]&&echo done']);
  });

  test('join tokens anywhere; innocent arguments unchanged', () => {
    assert.deepEqual(redactArgv(['echo', 'SWMTKN-1-abc-def', 'hello', 'a=b'], isSecret), ['echo', '[redacted]', 'hello', 'a=b']);
  });

  test("redactInput applies it to command, entrypoint and args, and leaves other lists alone", () => {
    const out = redactInput({ command: ['--token', 't'], entrypoint: ['PASSWORD=p'], args: ['--key=k'], aliases: ['--token', 't'] }) as Record<string, unknown>;
    assert.deepEqual(out, { command: ['--token', '[redacted]'], entrypoint: ['PASSWORD=[redacted]'], args: ['--key=[redacted]'], aliases: ['--token', 't'] });
  });
});
