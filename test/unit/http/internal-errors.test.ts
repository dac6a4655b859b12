// An unexpected failure is masked as INTERNAL in the response, and logged with the
// request ID so an operator can find it. The "engine" here is a fake on a unix socket.
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

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sg-fake-'));
  const socket = path.join(dir, 'docker.sock');
  engine = http.createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'database is locked: /var/lib/docker/swarm/raft secret detail' }));
  });
  await new Promise<void>((resolve) => engine.listen(socket, resolve));
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const config = parseConfig({ clusters: [{ name: 'fake', managers: [{ url: `unix://${socket}` }] }], logLevel: 'silent' });
  gw = await startGateway(config, { logger: pino({ level: 'error' }, sink) });
});

after(async () => {
  await gw.stop();
  await new Promise<void>((resolve) => engine.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

test('an Engine 500 is INTERNAL to the caller, with the detail only in the log under the request ID', async () => {
  const res = await gw.http.post('/graphql').set('x-request-id', 'req-internal-1').send({ query: '{ swarm { id } }' });
  const body = res.body as { errors: { message: string; extensions: { code: string } }[] };
  assert.equal(body.errors[0]!.extensions.code, 'INTERNAL');
  assert.doesNotMatch(JSON.stringify(body), /database is locked|raft|secret detail/);
  const logged = lines.find((l) => l.requestId === 'req-internal-1');
  assert.ok(logged, `no log line with the request ID in ${JSON.stringify(lines)}`);
  assert.match(JSON.stringify(logged), /database is locked/);
});
