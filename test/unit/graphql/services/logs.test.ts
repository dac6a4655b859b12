// Service.logs against a fake engine: the request `docker service logs --tail N
// --timestamps --details` sends, the multiplexed stream split into lines with their
// stream, task and node, lines of several tasks merged by time, `since` as Unix seconds,
// a TTY service's raw stream, and tail outside 1-1000 refused before the engine is asked.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { expectData } from '../../../support/gateway.ts';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

describe('Service.logs', () => {
  let fg: FakeGateway;
  let svc: Json;
  let tasks: Json[];
  before(async () => {
    fg = await startFakeGateway({});
    svc = fg.engine.state.addService(serviceSpec('talker', { Mode: { Replicated: { Replicas: 2 } } }));
    tasks = [...fg.engine.state.tasks.values()].filter((t) => t.ServiceID === svc.ID);
    const at = (s: number) => `2026-12-01T10:00:0${s}.000000001Z`;
    // Task 0's lines come first in the body, as the Engine sends them task by task.
    fg.engine.state.writeLog(svc, 'stdout', 'one', { task: tasks[0], at: at(1) });
    fg.engine.state.writeLog(svc, 'stderr', 'three', { task: tasks[0], at: at(3) });
    fg.engine.state.writeLog(svc, 'stdout', 'two', { task: tasks[1], at: at(2) });
    fg.engine.state.writeLog(svc, 'stdout', 'four', { task: tasks[1], at: at(4) });
  });
  after(() => fg?.stop());
  beforeEach(() => fg.engine.clearRequests());

  const logs = async (args: string, ref = 'talker') =>
    (expectData(await fg.gql(`{ service(id: "${ref}") { logs${args} { stream timestamp message taskId nodeId } } }`)).service as Json).logs as Json[];

  test('lines with stream, task and node, merged by time; the request is the CLI\'s', async () => {
    const lines = await logs('(tail: 10)');
    assert.deepEqual(lines.map((l) => [l.message, l.stream]), [['one', 'STDOUT'], ['two', 'STDOUT'], ['three', 'STDERR'], ['four', 'STDOUT']]);
    assert.deepEqual(lines.map((l) => l.taskId), [tasks[0]!.ID, tasks[1]!.ID, tasks[0]!.ID, tasks[1]!.ID]);
    assert.equal(lines[0]!.nodeId, tasks[0]!.NodeID);
    assert.equal(Date.parse(lines[0]!.timestamp), Date.parse('2026-12-01T10:00:01Z'));
    const [request] = fg.engine.requests.filter((r) => r.path.endsWith('/logs'));
    assert.equal(request!.path, `/services/${svc.ID}/logs`);
    assert.deepEqual(request!.query, { stdout: '1', stderr: '1', tail: '10', timestamps: '1', details: '1' });
  });

  test('tail is per task; since is sent as Unix seconds with nanoseconds', async () => {
    assert.deepEqual((await logs('(tail: 1)')).map((l) => l.message), ['three', 'four']);
    fg.engine.clearRequests();
    assert.deepEqual((await logs('(since: "2026-12-01T10:00:02.5Z")')).map((l) => l.message), ['three', 'four']);
    const request = fg.engine.requests.find((r) => r.path.endsWith('/logs'))!;
    assert.equal(request.query.since, `${Date.parse('2026-12-01T10:00:02Z') / 1000}.500000000`);
  });

  test('a TTY service\'s body is the raw stream: every line on stdout', async () => {
    const tty = fg.engine.state.addService(serviceSpec('tty', { TaskTemplate: { ContainerSpec: { Image: 'busybox', TTY: true } } }));
    fg.engine.state.writeLog(tty, 'stdout', 'hello');
    assert.deepEqual((await logs('', 'tty')).map((l) => [l.message, l.stream]), [['hello', 'STDOUT']]);
  });

  test('tail outside 1-1000 is BAD_REQUEST and no logs are asked for', async () => {
    for (const tail of [0, 1001]) {
      const res = await fg.gql(`{ service(id: "talker") { logs(tail: ${tail}) { message } } }`);
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_REQUEST', `tail ${tail}`);
    }
    assert.deepEqual(fg.engine.requests.filter((r) => r.path.endsWith('/logs')), []);
  });
});
