// containerLogs against the fake engine: the tail asked as `docker logs --tail N --timestamps`
// asks it, lines demultiplexed per stream (raw text for a TTY container), the byte bound
// keeping the newest lines, bad arguments BAD_REQUEST before the engine is asked, readers
// allowed, and a scoped reader's other containers answered as missing.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';
import { addContainer } from '../../../support/fake-engine/network-objects.ts';
import type { Json } from '../../../support/fake-engine/state.ts';

const LOGS = `query($id: ID!, $tail: Int, $since: DateTime, $stdout: Boolean, $stderr: Boolean, $maxBytes: Int) {
  containerLogs(id: $id, tail: $tail, since: $since, stdout: $stdout, stderr: $stderr, maxBytes: $maxBytes) { containerId tty truncated lines { stream timestamp message } }
}`;

describe('containerLogs', () => {
  let fake: FakeGateway;
  let web: Json;
  let viewer: string;
  before(async () => {
    fake = await startFakeGateway();
    const state = fake.engine.state;
    web = addContainer(state, { name: 'web', labels: { team: 'payments' } });
    const tty = addContainer(state, { name: 'console', labels: { team: 'payments' } });
    tty.Config.Tty = true;
    const billing = addContainer(state, { name: 'billing', labels: { team: 'billing' } });
    const at = (s: number) => `2026-01-01T00:00:0${s}.123456789Z`;
    state.containerLogs.set(web.Id, [
      { stream: 'stdout', message: 'one', timestamp: at(1) },
      { stream: 'stderr', message: 'two a=b', timestamp: at(2) },
      { stream: 'stdout', message: 'three', timestamp: at(3) },
      { stream: 'stdout', message: 'four', timestamp: at(4) },
    ]);
    state.containerLogs.set(tty.Id, [{ stream: 'stdout', message: 'prompt', timestamp: at(1) }]);
    state.containerLogs.set(billing.Id, [{ stream: 'stdout', message: 'invoice', timestamp: at(1) }]);
    viewer = await fake.tokenFor('viewer');
  });
  after(() => fake.stop());
  beforeEach(() => fake.engine.clearRequests());

  const logs = (variables: Json, token = viewer) => fake.gql(LOGS, variables, { token });
  const logRequests = () => fake.engine.requests.filter((r) => r.path.endsWith('/logs'));

  test('the tail, demultiplexed per stream with timestamps, asked as docker logs asks it', async () => {
    const res = await logs({ id: 'web', tail: 3 });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(res.data.containerLogs, {
      containerId: web.Id,
      tty: false,
      truncated: false,
      lines: [
        { stream: 'STDERR', timestamp: '2026-01-01T00:00:02.123456789Z', message: 'two a=b' },
        { stream: 'STDOUT', timestamp: '2026-01-01T00:00:03.123456789Z', message: 'three' },
        { stream: 'STDOUT', timestamp: '2026-01-01T00:00:04.123456789Z', message: 'four' },
      ],
    });
    assert.deepEqual(logRequests().map((r) => [r.path, r.query]), [[`/containers/${web.Id}/logs`, { stdout: 'true', stderr: 'true', tail: '3', timestamps: 'true' }]]);
  });

  test('stderr only; since', async () => {
    const res = await logs({ id: 'web', stdout: false, since: '2026-01-01T00:00:01.5Z' });
    assert.deepEqual(res.data.containerLogs.lines.map((l: Json) => l.message), ['two a=b']);
    assert.equal(logRequests()[0]!.query.stdout, 'false');
  });

  test('maxBytes keeps the newest lines and says so', async () => {
    const res = await logs({ id: 'web', maxBytes: 10 });
    assert.deepEqual(res.data.containerLogs.lines.map((l: Json) => l.message), ['three', 'four']);
    assert.equal(res.data.containerLogs.truncated, true);
  });

  test("a TTY container's raw stream: every line stdout", async () => {
    const res = await logs({ id: 'console' });
    assert.deepEqual(res.data.containerLogs.tty, true);
    assert.deepEqual(res.data.containerLogs.lines, [{ stream: 'STDOUT', timestamp: '2026-01-01T00:00:01.123456789Z', message: 'prompt' }]);
  });

  test('bad arguments are BAD_REQUEST and the engine is not asked for logs', async () => {
    for (const variables of [{ id: 'web', tail: 0 }, { id: 'web', tail: 10001 }, { id: 'web', maxBytes: 0 }, { id: 'web', stdout: false, stderr: false }, { id: '../../x' }]) {
      const res = await logs(variables);
      assert.deepEqual(res.errors?.map((e: Json) => e.extensions.code), ['BAD_REQUEST'], JSON.stringify(variables));
    }
    assert.deepEqual(logRequests(), []);
  });

  test("a scoped reader reads its scope's containers; another's is NOT_FOUND and its logs are not asked for", async () => {
    const scoped = await fake.tokenFor('viewer:team=payments');
    assert.equal((await logs({ id: 'web' }, scoped)).data.containerLogs.lines.length, 4);
    const other = await logs({ id: 'billing' }, scoped);
    assert.deepEqual(other.errors?.map((e: Json) => e.extensions.code), ['NOT_FOUND']);
    assert.deepEqual(logRequests().map((r) => r.path), [`/containers/${web.Id}/logs`]);
  });
});
