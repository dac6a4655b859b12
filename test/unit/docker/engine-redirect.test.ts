// The Engine client follows no redirect. A fake engine on a unix socket answers every request
// with a 3xx, as dockerd answers a path holding ".." or "//" (`301 Location: /127.0.0.1:1/x/json`,
// whose first segment a redirect-following client takes for a host); a listening loopback
// port stands for the host the Location names. The request must fail with a typed error and
// that port must see no connection, for plain requests and for streams alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EngineEndpoint } from '../../../src/docker/endpoint.ts';
import { GatewayError } from '../../../src/errors/gateway-error.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sg-redirect-'));
let target: net.Server;
let targetPort = 0;
let connections = 0;
let engine: http.Server;
let location = '';
let status = 301;

before(async () => {
  target = net.createServer((socket) => {
    connections++;
    socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetPort = (target.address() as net.AddressInfo).port;
  engine = http.createServer((_req, res) => {
    res.writeHead(status, location ? { location } : {});
    res.end();
  });
  await new Promise<void>((resolve) => engine.listen(path.join(dir, 'engine.sock'), resolve));
});

after(async () => {
  await new Promise((resolve) => engine.close(resolve));
  await new Promise((resolve) => target.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const endpoint = () => new EngineEndpoint({ url: `unix://${path.join(dir, 'engine.sock')}` }, 5_000);

async function assertRefused(send: () => Promise<unknown>): Promise<void> {
  connections = 0;
  await assert.rejects(send, (err: unknown) => {
    assert.ok(err instanceof GatewayError, `a GatewayError, got ${String(err)}`);
    assert.equal(err.code, 'ENGINE_UNAVAILABLE');
    assert.match(err.message, /redirect/);
    return true;
  });
  // Give a followed redirect time to connect, were one followed.
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(connections, 0, 'the host named by the redirect received no connection');
}

describe('an engine answering with a redirect', () => {
  for (const [name, loc, code] of [
    ['relative Location (as dockerd cleans a path)', () => `/127.0.0.1:${targetPort}/x/json`, 301],
    ['absolute Location', () => `http://127.0.0.1:${targetPort}/x/json`, 307],
    ['no Location', () => '', 302],
    // docker-modem looks the Location's scheme up among its protocols before its redirect limit applies.
    ['a Location with a scheme other than http(s)', () => `ftp://127.0.0.1:${targetPort}/x`, 301],
  ] as const) {
    test(`${name}: a request fails with ENGINE_UNAVAILABLE and follows nothing`, async () => {
      location = loc();
      status = code;
      await assertRefused(() => endpoint().request({ method: 'GET', path: '/containers/x/json' }));
      await assertRefused(() => endpoint().request({ method: 'POST', path: '/networks/create', body: { Name: 'n' } }));
    });

    test(`${name}: a stream fails with ENGINE_UNAVAILABLE and follows nothing`, async () => {
      location = loc();
      status = code;
      await assertRefused(() => endpoint().stream({ method: 'GET', path: '/events' }, new AbortController().signal));
    });
  }
});
