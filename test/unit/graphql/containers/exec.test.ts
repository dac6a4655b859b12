// containerExec against the fake engine: what the engine is asked (argv as given, never a
// TTY, stdin or privileged), what the caller gets (exit code, both streams, bounded with the
// truncation flags, a time limit answered as timedOut), every bad input refused before the
// engine sees it, who may exec (operators and up, a scoped one only in its scope's
// containers) and the audit protocol (intent, outcome; unknown at the time limit).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { addContainer } from '../../../support/fake-engine/network-objects.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const SELECTION = 'execId exitCode stdout stderr stdoutTruncated stderrTruncated timedOut durationMs';

describe('containerExec', () => {
  let fake: FakeGateway;
  let web: Json;
  let billing: Json;
  let operator: string;
  before(async () => {
    fake = await startFakeGateway();
    web = addContainer(fake.engine.state, { name: 'web', labels: { team: 'payments' } });
    billing = addContainer(fake.engine.state, { name: 'billing', labels: { team: 'billing' } });
    addContainer(fake.engine.state, { name: 'stopped', running: false });
    operator = await fake.tokenFor('operator');
  });
  after(() => fake.stop());
  beforeEach(() => {
    fake.engine.clearRequests();
    fake.audit.clear();
    fake.engine.state.execRun = () => ({ exitCode: 0 });
  });

  const execCreates = () => fake.engine.requests.filter((r) => r.method === 'POST' && /^\/containers\/[^/]+\/exec$/.test(r.path));
  const exec = (input: Json, token = operator) => fake.mutate('containerExec', { container: 'web', ...input }, SELECTION, { token });

  test('runs the argv as given, attached without stdin, TTY or privilege, and answers exit code and both streams', async () => {
    fake.engine.state.execRun = () => ({ output: [{ stream: 'stdout', data: 'out\n' }, { stream: 'stderr', data: 'err\n' }, { stream: 'stdout', data: 'more\n' }], exitCode: 3 });
    const res = await exec({ command: ['sh', '-c', 'echo out; echo err >&2; exit 3'], env: ['A=1'], workingDir: '/tmp', user: '1000:1000' });
    assert.deepEqual(res.userErrors, []);
    assert.equal(res.payload!.exitCode, 3);
    assert.equal(res.payload!.stdout, 'out\nmore\n');
    assert.equal(res.payload!.stderr, 'err\n');
    assert.deepEqual([res.payload!.stdoutTruncated, res.payload!.stderrTruncated, res.payload!.timedOut], [false, false, false]);
    const [create] = execCreates();
    assert.equal(create!.path, `/containers/${web.Id}/exec`);
    assert.deepEqual(create!.body, {
      Cmd: ['sh', '-c', 'echo out; echo err >&2; exit 3'],
      Env: ['A=1'],
      WorkingDir: '/tmp',
      User: '1000:1000',
      AttachStdin: false,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      Privileged: false,
    });
    const start = fake.engine.requests.find((r) => r.path === `/exec/${res.payload!.execId}/start`);
    assert.deepEqual(start!.body, { Detach: false, Tty: false });
    const outcome = fake.audit.outcomeOf('containerExec');
    assert.equal(outcome!.status, 'succeeded');
    assert.deepEqual(outcome!.objectIds, [web.Id, res.payload!.execId]);
    assert.deepEqual((fake.audit.intents.at(-1)!.input as Json).command, ['sh', '-c', 'echo out; echo err >&2; exit 3']);
  });

  test('output beyond maxOutputBytes is dropped per stream and flagged; invalid UTF-8 becomes U+FFFD', async () => {
    fake.engine.state.execRun = () => ({
      output: [
        { stream: 'stdout', data: 'x'.repeat(3000) },
        { stream: 'stdout', data: 'y'.repeat(3000) },
        { stream: 'stderr', data: Buffer.from([0x61, 0xff, 0x62]) },
      ],
    });
    const res = await exec({ command: ['yes'], maxOutputBytes: 4096 });
    assert.equal(res.payload!.stdout, 'x'.repeat(3000) + 'y'.repeat(1096));
    assert.equal(res.payload!.stdoutTruncated, true);
    assert.equal(res.payload!.stderr, 'a\uFFFDb');
    assert.equal(res.payload!.stderrTruncated, false);
    assert.equal(res.payload!.exitCode, 0);
  });

  test('a command past its time limit: timedOut, no exit code, the output so far; the audit outcome is unknown and says the process may still run', async () => {
    fake.engine.state.execRun = () => ({ output: [{ stream: 'stdout', data: 'started\n' }], hang: true });
    const res = await exec({ command: ['sleep', '30'], timeoutSeconds: 1 });
    assert.deepEqual(res.userErrors, []);
    assert.equal(res.payload!.timedOut, true);
    assert.equal(res.payload!.exitCode, null);
    assert.equal(res.payload!.stdout, 'started\n');
    const outcome = fake.audit.outcomeOf('containerExec');
    assert.equal(outcome!.status, 'unknown');
    assert.match(outcome!.reason!, /cannot stop an exec'd process, so it may still be running: the engine still reports it running \(host pid 4242\)/);
  });

  test('every bad input is a userError at its field, and no exec is created', async () => {
    const cases: [Json, string[]][] = [
      [{ command: [] }, ['input', 'command']],
      [{ command: [''] }, ['input', 'command', '0']],
      [{ command: Array.from({ length: 257 }, () => 'a') }, ['input', 'command']],
      [{ command: ['echo', 'x'.repeat(70 * 1024)] }, ['input', 'command']],
      [{ command: ['echo', 'a\u0000b'] }, ['input', 'command', '1']],
      [{ command: ['ls'], timeoutSeconds: 0 }, ['input', 'timeoutSeconds']],
      [{ command: ['ls'], timeoutSeconds: 301 }, ['input', 'timeoutSeconds']],
      [{ command: ['ls'], maxOutputBytes: 0 }, ['input', 'maxOutputBytes']],
      [{ command: ['ls'], maxOutputBytes: 1024 * 1024 + 1 }, ['input', 'maxOutputBytes']],
      [{ command: ['ls'], env: ['NOEQUALS'] }, ['input', 'env', '0']],
      [{ command: ['ls'], workingDir: 'relative' }, ['input', 'workingDir']],
      [{ command: ['ls'], user: 'root; rm' }, ['input', 'user']],
      [{ command: ['ls'], container: '../../x' }, ['input', 'container']],
      [{ command: ['ls'], engine: 'nope' }, ['input', 'engine']],
      [{ command: ['ls'], container: 'stopped' }, ['input', 'container']],
    ];
    for (const [input, field] of cases) {
      const res = await exec(input);
      assert.equal(res.payload!.execId, null, JSON.stringify(input).slice(0, 80));
      assert.deepEqual(res.userErrors.map((e) => e.field), [field], JSON.stringify(input).slice(0, 80));
    }
    const stopped = await exec({ command: ['ls'], container: 'stopped' });
    assert.equal(stopped.userErrors[0]!.code, 'INVALID_STATE');
    assert.deepEqual(execCreates(), []);
  });

  test('a missing container is NOT_FOUND', async () => {
    const res = await exec({ command: ['ls'], container: 'nothere' });
    assert.deepEqual(res.errorCodes, ['NOT_FOUND']);
    assert.deepEqual(execCreates(), []);
  });

  test('viewers may not exec; a scoped operator only in containers of its scope, others are NOT_FOUND and get no exec', async () => {
    const viewer = await exec({ command: ['ls'] }, await fake.tokenFor('viewer'));
    assert.deepEqual(viewer.errorCodes, ['FORBIDDEN']);
    const scoped = await fake.tokenFor('operator:team=payments');
    const own = await exec({ command: ['ls'] }, scoped);
    assert.equal(own.payload!.exitCode, 0);
    const other = await exec({ command: ['ls'], container: 'billing' }, scoped);
    assert.deepEqual(other.errorCodes, ['NOT_FOUND']);
    assert.deepEqual(execCreates().map((r) => r.path), [`/containers/${web.Id}/exec`]);
    assert.ok(!execCreates().some((r) => r.path.includes(billing.Id)));
  });
});
