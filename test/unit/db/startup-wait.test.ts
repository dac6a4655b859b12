// The gateway waits at start for a PostgreSQL that is not up yet (a stack's `db` still
// starting): through the real pg driver against a loopback port that refuses connections,
// and against a fake server that answers as PostgreSQL does while it starts (57P03) and then
// as one that refuses the password (28P01), which waiting cannot fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { openMigratedDatabase } from '../../../src/audit/open-database.ts';
import { ConfigError, loadConfig } from '../../../src/config/config.ts';
import { MigrationError } from '../../../src/db/migrate.ts';
import { DatabaseUnreachableError, startupWaitReason, waitForDatabase } from '../../../src/db/wait-for-database.ts';

const PASSWORD = 's3cret-pw-never-logged';

/** A pino logger whose lines are kept, parsed. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push(JSON.parse(text));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** A loopback port nobody listens on (it was just let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** PostgreSQL's ErrorResponse message (protocol 3): severity, SQLSTATE, message. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, 'utf8'),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/** A server that reads each client's startup message and answers the error `answer(n)` gives its n-th connection. */
async function fakePostgres(answer: (n: number) => Buffer): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let n = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const reply = answer(++n);
    socket.once('data', () => socket.end(reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('the gateway waits for its PostgreSQL at start (openMigratedDatabase with waitForDatabaseMs)', () => {
  test('a port that refuses connections is waited on, each wait logged at warn with its reason and no password, then refused with a clear message once the bound passes', async () => {
    const port = await closedPort();
    const { logger, lines } = capturingLogger();
    const url = `postgresql://gateway:${PASSWORD}@127.0.0.1:${port}/gateway`;
    await assert.rejects(
      openMigratedDatabase({ url, dataDir: '.data-unused' }, logger, { waitForDatabaseMs: 2_000 }),
      (err: Error) => {
        assert.ok(err instanceof DatabaseUnreachableError, `${err.name}: ${err.message}`);
        assert.match(err.message, /did not become reachable within 2 s/);
        assert.match(err.message, /connection refused/);
        assert.doesNotMatch(err.message, new RegExp(PASSWORD));
        return true;
      },
    );
    const waits = lines.filter((l) => l.level === 40 && /waiting for the audit database/.test(String(l.msg)));
    assert.ok(waits.length >= 2, `at least two waits logged: ${JSON.stringify(lines)}`);
    for (const w of waits) assert.match(String(w.reason), /connection refused/);
    assert.doesNotMatch(JSON.stringify(lines), new RegExp(PASSWORD));
  });

  test('"the database system is starting up" (57P03) is waited on; a refused password (28P01) then stops at once', async () => {
    const server = await fakePostgres((n) => (n <= 2 ? errorResponse('57P03', 'the database system is starting up') : errorResponse('28P01', 'password authentication failed for user "gateway"')));
    const { logger, lines } = capturingLogger();
    try {
      const url = `postgresql://gateway:${PASSWORD}@127.0.0.1:${server.port}/gateway`;
      await assert.rejects(openMigratedDatabase({ url, dataDir: '.data-unused' }, logger, { waitForDatabaseMs: 60_000 }), (err: Error & { code?: string }) => {
        assert.equal(err.code, '28P01');
        return true;
      });
      assert.equal(server.connections(), 3, 'two attempts told "starting up", the third refused and not retried');
      const waits = lines.filter((l) => /waiting for the audit database/.test(String(l.msg)));
      assert.equal(waits.length, 2);
      for (const w of waits) assert.match(String(w.reason), /starting up \(57P03\)/);
    } finally {
      await server.close();
    }
  });

  test('a database that does not exist (3D000) stops at once', async () => {
    const server = await fakePostgres(() => errorResponse('3D000', 'database "gateway" does not exist'));
    const { logger } = capturingLogger();
    try {
      await assert.rejects(openMigratedDatabase({ url: `postgresql://gateway@127.0.0.1:${server.port}/gateway`, dataDir: '.data-unused' }, logger, { waitForDatabaseMs: 60_000 }), { code: '3D000' });
      assert.equal(server.connections(), 1);
    } finally {
      await server.close();
    }
  });
});

describe('waitForDatabase', () => {
  const noSleep = async () => undefined;

  test('retries what waiting can fix until the attempt succeeds, with growing delays', async () => {
    let calls = 0;
    const delays: number[] = [];
    const result = await waitForDatabase(
      async () => {
        calls++;
        if (calls < 4) throw Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' });
        return 'open';
      },
      { waitMs: 60_000, sleep: noSleep, onWait: (w) => delays.push(w.delayMs) },
    );
    assert.equal(result, 'open');
    assert.equal(calls, 4);
    assert.equal(delays.length, 3);
    assert.ok(delays[0]! < delays[1]! && delays[1]! < delays[2]!, `backoff grows: ${delays}`);
  });

  test('a wait of 0 tries once', async () => {
    let calls = 0;
    await assert.rejects(
      waitForDatabase(async () => {
        calls++;
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      }, { waitMs: 0, sleep: noSleep, onWait: () => undefined }),
      DatabaseUnreachableError,
    );
    assert.equal(calls, 1);
  });

  test('a migration failure is not waited on, whatever its cause', async () => {
    let calls = 0;
    const failure = new MigrationError('migration 1_x failed and was rolled back: Connection terminated unexpectedly', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) });
    await assert.rejects(waitForDatabase(async () => {
      calls++;
      throw failure;
    }, { waitMs: 60_000, sleep: noSleep, onWait: () => undefined }), (err) => err === failure);
    assert.equal(calls, 1);
  });

  test('which errors waiting can fix', () => {
    const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
    assert.match(startupWaitReason(coded('ECONNREFUSED'))!, /connection refused/);
    assert.match(startupWaitReason(coded('ENOTFOUND', 'getaddrinfo ENOTFOUND db'))!, /host not found/);
    assert.match(startupWaitReason(coded('EAI_AGAIN'))!, /host not found/);
    assert.match(startupWaitReason(coded('ETIMEDOUT'))!, /timed out/);
    assert.match(startupWaitReason(coded('57P03', 'the database system is starting up'))!, /57P03/);
    assert.match(startupWaitReason(new Error('timeout expired'))!, /timed out/);
    assert.match(startupWaitReason(new Error('Connection terminated unexpectedly'))!, /closed the connection/);
    // Node's happy-eyeballs connect reports every address it tried in one AggregateError.
    assert.match(startupWaitReason(Object.assign(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]), { code: 'ECONNREFUSED' }))!, /connection refused/);
    assert.equal(startupWaitReason(coded('28P01', 'password authentication failed')), null);
    assert.equal(startupWaitReason(coded('3D000', 'database "x" does not exist')), null);
    assert.equal(startupWaitReason(coded('42P01')), null);
    assert.equal(startupWaitReason(new Error('something else')), null);
  });
});

describe('database.startupWaitSeconds', () => {
  test('60 s by default; DATABASE_STARTUP_WAIT_SECONDS or the file sets it; a bad value names the setting', () => {
    assert.equal(loadConfig({}).database.startupWaitSeconds, 60);
    assert.equal(loadConfig({ DATABASE_STARTUP_WAIT_SECONDS: '0' }).database.startupWaitSeconds, 0);
    assert.equal(loadConfig({ DATABASE_STARTUP_WAIT_SECONDS: '300' }).database.startupWaitSeconds, 300);
    for (const bad of ['-1', 'soon', '1.5', '3601']) {
      assert.throws(() => loadConfig({ DATABASE_STARTUP_WAIT_SECONDS: bad }), (e: Error) => e instanceof ConfigError && /database\.startupWaitSeconds/.test(e.message), bad);
    }
  });
});
