// Logs fit for alerting: a client's mistakes (syntax, validation, a bad cursor, an unknown
// cluster, an unreadable body) are logged at info with their code and without a stack;
// an unexpected failure (the fake engine answers 500) at error, with the request ID and
// the cause. The "engine" is a fake on a unix socket.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { parseConfig } from '../../../src/config/config.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';

let dir: string;
let engine: http.Server;
let gw: TestGateway;
const lines: Record<string, unknown>[] = [];
const INFO = 30;
const ERROR = 50;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-log-'));
  const socket = path.join(dir, 'docker.sock');
  engine = http.createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'boom inside the engine' }));
  });
  await new Promise<void>((resolve) => engine.listen(socket, resolve));
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const config = parseConfig({ clusters: [{ name: 'fake', managers: [{ url: `unix://${socket}` }] }], logLevel: 'silent' });
  gw = await startGateway(config, { logger: pino({ level: 'info' }, sink) });
});

after(async () => {
  await gw.stop();
  await new Promise<void>((resolve) => engine.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const linesOf = (requestId: string) => lines.filter((l) => l.requestId === requestId);

const mistakes: { what: string; body: unknown; code: string }[] = [
  { what: 'a syntax error', body: { query: '{ swarm { id }' }, code: 'BAD_REQUEST' },
  { what: 'an unknown field', body: { query: '{ swarm { nope } }' }, code: 'BAD_REQUEST' },
  { what: 'a variable of the wrong type', body: { query: 'query($n: Int) { services(first: $n) { totalCount } }', variables: { n: 'many' } }, code: 'BAD_REQUEST' },
  { what: 'a bad cursor', body: { query: '{ auditRecords(after: "%%%") { totalCount } }' }, code: 'BAD_REQUEST' },
  { what: 'an unknown cluster', body: { query: '{ swarm(cluster: "elsewhere") { id } }' }, code: 'NOT_FOUND' },
  { what: 'a page over the cap', body: { query: '{ services(first: 1000) { totalCount } }' }, code: 'BAD_REQUEST' },
  { what: 'broken JSON', body: '{"query": ', code: 'BAD_REQUEST' },
];

for (const [i, m] of mistakes.entries()) {
  test(`${m.what} is logged at info with its code, no stack, under the request ID`, async () => {
    const requestId = `log-mistake-${i}`;
    const req = gw.http.post('/graphql').set('x-request-id', requestId).set('content-type', 'application/json');
    const res = await req.send(typeof m.body === 'string' ? m.body : JSON.stringify(m.body));
    assert.equal(res.body.errors?.[0]?.extensions?.code, m.code, res.text);
    const logged = linesOf(requestId);
    assert.ok(logged.length >= 1, `no log line for ${m.what}: ${JSON.stringify(lines.slice(-3))}`);
    for (const line of logged) {
      assert.equal(line.level, INFO, JSON.stringify(line));
      assert.equal(line.code, m.code, JSON.stringify(line));
      assert.doesNotMatch(JSON.stringify(line), /"stack"|\bat .*:\d+:\d+/, 'a stack in an info line');
    }
  });
}

test('an unexpected failure is logged at error with the request ID and its cause', async () => {
  const res = await gw.http.post('/graphql').set('x-request-id', 'log-internal').send({ query: '{ swarm { id } }' });
  assert.equal(res.body.errors?.[0]?.extensions?.code, 'INTERNAL', res.text);
  const logged = linesOf('log-internal').filter((l) => l.level === ERROR);
  assert.equal(logged.length, 1, JSON.stringify(linesOf('log-internal')));
  assert.match(JSON.stringify(logged[0]), /boom inside the engine/);
  assert.equal(logged[0]!.code, 'INTERNAL');
});
