// The one request path of an Engine endpoint (endpoint.ts `send`), for plain requests and
// streams alike, against a fake modem that records what it was asked and answers when told.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type DockerModem from 'docker-modem';
import { send } from '../../../src/docker/endpoint.ts';
import { GatewayError } from '../../../src/errors/gateway-error.ts';

interface Dialled {
  options: DockerModem.DialOptions;
  answer: DockerModem.RequestCallback;
}

function fakeModem(): { modem: Pick<DockerModem, 'dial'>; dialled: Dialled[] } {
  const dialled: Dialled[] = [];
  return { modem: { dial: (options, answer) => void dialled.push({ options, answer: answer! }) }, dialled };
}

const URL = 'unix:///fake.sock';

describe('EngineEndpoint send', () => {
  test('a request without an answer in time is ENGINE_UNAVAILABLE, may have been sent, and is aborted', async () => {
    const { modem, dialled } = fakeModem();
    const started = Date.now();
    await assert.rejects(send(modem, URL, { method: 'POST', path: '/services/create', body: { Name: 'x' } }, 50), (err: unknown) => {
      assert.ok(err instanceof GatewayError);
      assert.equal(err.code, 'ENGINE_UNAVAILABLE');
      assert.match(err.message, /did not answer in time/);
      assert.equal(err.extensions.sent, true);
      return true;
    });
    assert.ok(Date.now() - started >= 45);
    assert.equal((dialled[0]!.options.abortSignal as AbortSignal).aborted, true);
    // A late answer settles nothing (the promise was rejected already) and throws nowhere.
    dialled[0]!.answer(null, { ID: 'late' });
  });

  test('a body goes as JSON, the query leaves out undefined values, and the parsed answer is returned', async () => {
    const { modem, dialled } = fakeModem();
    const reply = send<{ ID: string }>(modem, URL, { method: 'POST', path: '/services/create', query: { version: 3, rollback: undefined }, body: { Name: 'x' } }, 1_000);
    const { options, answer } = dialled[0]!;
    assert.equal(options.path, '/services/create?');
    assert.deepEqual(options.options, { _query: { version: '3' }, _body: { Name: 'x' } });
    assert.equal(options.allowEmpty, true);
    assert.deepEqual(options.headers, { 'Content-Type': 'application/json' });
    answer(null, { ID: 'svc' });
    assert.deepEqual(await reply, { ID: 'svc' });
  });

  test("the engine's refusal is mapped once, with its status and words", async () => {
    const { modem, dialled } = fakeModem();
    const reply = send(modem, URL, { method: 'GET', path: '/networks/x' }, 1_000);
    dialled[0]!.answer(Object.assign(new Error('(HTTP code 404)'), { statusCode: 404, json: { message: 'network x not found' } }), null);
    await assert.rejects(reply, (err: unknown) => err instanceof GatewayError && err.code === 'NOT_FOUND' && err.message === 'network x not found');
  });

  test('a stream: the timeout covers the headers only, and the signal aborts it later', async () => {
    const { modem, dialled } = fakeModem();
    const until = new AbortController();
    const opened = send<NodeJS.ReadableStream>(modem, URL, { method: 'GET', path: '/events' }, 50, until.signal);
    const { options, answer } = dialled[0]!;
    assert.equal(options.isStream, true);
    assert.deepEqual(options.options, { _query: {} });
    const body = new PassThrough();
    answer(null, body);
    assert.equal(await opened, body);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const dialSignal = options.abortSignal as AbortSignal;
    assert.equal(dialSignal.aborted, false, 'an open stream outlives the timeout');
    until.abort();
    assert.equal(dialSignal.aborted, true);
  });

  test('a stream whose headers do not come in time is ENGINE_UNAVAILABLE', async () => {
    const { modem } = fakeModem();
    await assert.rejects(send(modem, URL, { method: 'GET', path: '/events' }, 30, new AbortController().signal), (err: unknown) => err instanceof GatewayError && err.code === 'ENGINE_UNAVAILABLE');
  });
});
