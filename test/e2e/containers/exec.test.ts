// containerExec and containerLogs on a real swarm's manager engine (named by its engine
// name), checked through the engine itself (docker CLI against that engine): a command's
// exit code and both streams, output past the bound truncated, a command past its time
// limit answered as timedOut with an `unknown` audit outcome (and still running, since the
// Engine API cannot stop it), the tail of a container's logs, a team operator's exec only in
// its team's containers (the other team's container shows no exec at all), and the audit
// record of an exec holding the command with its secret value redacted.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerCli, dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ct-exec';
const IMAGE = 'sg-busybox:latest';

type Json = Record<string, any>;

const EXEC = `mutation($input: ContainerExecInput!) { containerExec(input: $input) {
  execId exitCode stdout stderr stdoutTruncated stderrTruncated timedOut durationMs userErrors { field code message } } }`;
const LOGS = `query($engine: String, $id: ID!, $tail: Int) { containerLogs(engine: $engine, id: $id, tail: $tail) {
  containerId tty truncated lines { stream timestamp message } } }`;

describe('containerExec and containerLogs on a named engine', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let engine: string;
  let db: AuditDb;
  let log: AuditLog;

  const docker = (...args: string[]) => dockerOk(manager, args);
  const inspect = async (ref: string): Promise<Json> => JSON.parse(await docker('container', 'inspect', ref))[0] as Json;
  const exec = (input: Json, token?: string) => gw.gql<Json>(EXEC, { input: { engine, ...input } }, token === undefined ? {} : { token });
  const execData = async (input: Json, token?: string): Promise<Json> => expectData(await exec(input, token)).containerExec as Json;
  const recordsText = async () => JSON.stringify(await db.records(), (_k, v) => (typeof v === 'bigint' ? String(v) : v));

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    engine = manager.hostname;
    const config = configFor([swarm]);
    db = await openAuditDb('pglite', 'ct-exec');
    log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings: config.audit, dataDir: db.dataDir, logger: pino({ level: 'silent' }) });
    gw = await startGateway(config, { database: db.database, audit: log.writer });
    await docker('run', '-d', '--name', 'ex-pay', '--label', 'team=payments', IMAGE, 'sh', '-c', 'echo line-1; sleep 1; echo line-2 >&2; sleep 1; echo line-3; exec sleep 600');
    await docker('run', '-d', '--name', 'ex-bill', '--label', 'team=billing', IMAGE, 'sleep', '600');
  });

  after(async () => {
    await gw?.stop();
    await log?.stop();
    await db?.close();
    await swarmDown(SWARM);
  });

  test('a command: its exit code, stdout and stderr', async () => {
    const echo = await execData({ container: 'ex-pay', command: ['echo', 'hello', 'world'] });
    assert.deepEqual(echo.userErrors, []);
    assert.deepEqual([echo.exitCode, echo.stdout, echo.stderr, echo.timedOut], [0, 'hello world\n', '', false]);
    const sh = await execData({ container: 'ex-pay', command: ['sh', '-c', 'echo out; echo err >&2; exit 3'] });
    assert.deepEqual([sh.exitCode, sh.stdout, sh.stderr, sh.stdoutTruncated, sh.stderrTruncated], [3, 'out\n', 'err\n', false, false]);
  });

  test('output past maxOutputBytes is truncated to the bound', async () => {
    const big = await execData({ container: 'ex-pay', command: ['sh', '-c', 'head -c 200000 /dev/zero | tr "\\0" a'], maxOutputBytes: 1000 });
    assert.equal(big.exitCode, 0);
    assert.equal(big.stdout, 'a'.repeat(1000));
    assert.equal(big.stdoutTruncated, true);
    assert.equal(big.stderrTruncated, false);
  });

  test('a command past its time limit: timedOut, no exit code, still running in the container, the audit outcome unknown', async () => {
    const slow = await execData({ container: 'ex-pay', command: ['sleep', '31'], timeoutSeconds: 2 });
    assert.deepEqual(slow.userErrors, []);
    assert.equal(slow.timedOut, true);
    assert.equal(slow.exitCode, null);
    // The Engine API cannot stop an exec'd process: it is still there, and the engine still lists the exec.
    assert.match(await docker('top', 'ex-pay'), /sleep 31/);
    assert.ok((await inspect('ex-pay')).ExecIDs?.includes(slow.execId), 'the engine still lists the exec');
    const records = await db.records();
    const intent = records.findLast((r) => r.kind === 'intent' && r.operation === 'containerExec')!;
    const outcome = records.find((r) => r.kind === 'outcome' && r.intentId === intent.id)!;
    assert.equal(outcome.outcome, 'unknown');
    assert.match(JSON.stringify(outcome.input), /may still be running/);
    assert.deepEqual((intent.input as Json).command, ['sleep', '31']);
  });

  test('containerLogs: the tail of what the container printed, per stream', async () => {
    // The container prints its lines a second apart (stdout and stderr are logged by separate copiers, so only time orders them).
    for (let i = 0; i < 100 && !(await dockerCli(manager, ['logs', 'ex-pay'])).stdout.includes('line-3'); i++) await new Promise((r) => setTimeout(r, 200));
    const res = expectData(await gw.gql<Json>(LOGS, { engine, id: 'ex-pay', tail: 2 })).containerLogs as Json;
    assert.equal(res.containerId, (await inspect('ex-pay')).Id);
    assert.equal(res.tty, false);
    assert.deepEqual(res.lines.map((l: Json) => [l.stream, l.message]), [['STDERR', 'line-2'], ['STDOUT', 'line-3']]);
    assert.ok(res.lines.every((l: Json) => typeof l.timestamp === 'string'));
  });

  test("a team operator execs in its team's container only; the other team's container is NOT_FOUND and shows no exec", async () => {
    const operator = await tokenFor(['operator:team=payments']);
    const own = await execData({ container: 'ex-pay', command: ['hostname'] }, operator);
    assert.equal(own.exitCode, 0);
    const other = await exec({ container: 'ex-bill', command: ['touch', '/tmp/pwned'] }, operator);
    assert.deepEqual(other.errors?.map((e) => e.extensions?.code), ['NOT_FOUND']);
    const bill = await inspect('ex-bill');
    assert.ok(bill.ExecIDs === null || bill.ExecIDs.length === 0, JSON.stringify(bill.ExecIDs));
    const viewer = await exec({ container: 'ex-pay', command: ['hostname'] }, await tokenFor(['viewer']));
    assert.deepEqual(viewer.errors?.map((e) => e.extensions?.code), ['FORBIDDEN']);
  });

  test('the audit record holds the command with the secret value redacted; the value is in no response and no record', async () => {
    const secret = 's3cr3t-e2e-value';
    const res = await exec({ container: 'ex-pay', command: ['env', `API_TOKEN=${secret}`, 'sh', '-c', 'test -n "$API_TOKEN"'] });
    const payload = expectData(res).containerExec as Json;
    assert.equal(payload.exitCode, 0);
    assert.ok(!JSON.stringify(res).includes(secret));
    const records = await db.records();
    const intent = records.findLast((r) => r.kind === 'intent' && r.operation === 'containerExec')!;
    assert.deepEqual((intent.input as Json).command, ['env', 'API_TOKEN=[redacted]', 'sh', '-c', 'test -n "$API_TOKEN"']);
    assert.ok(!(await recordsText()).includes(secret));
  });
});
