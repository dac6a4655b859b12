// The one decision of whether a failed Engine call may have been acted on: not sent
// (certainly nothing done; a write may go to another manager), refused (the engine answered
// with an error), or maybe (no answer after the request may have reached the engine: the
// mutation's outcome is `unknown`). Errors as docker-modem reports them, through mapEngineError.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { engineDelivery, isNotSent, mapEngineError } from '../../../src/docker/engine-errors.ts';
import { GatewayError, InvalidReferenceError } from '../../../src/errors/gateway-error.ts';

const ENDPOINT = 'unix:///run/engine.sock';
const socketError = (code: string, message = code) => mapEngineError(Object.assign(new Error(message), { code }), ENDPOINT);
const answer = (statusCode: number, message: string) => mapEngineError(Object.assign(new Error(`HTTP ${statusCode}`), { statusCode, json: { message } }), ENDPOINT);

describe('engineDelivery', () => {
  test('never sent: refused connection, no socket, no route, DNS', () => {
    for (const code of ['ECONNREFUSED', 'ENOENT', 'EACCES', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN']) {
      assert.equal(engineDelivery(socketError(code)), 'not_sent', code);
      assert.equal(isNotSent(socketError(code)), true, code);
    }
  });

  test('maybe acted: the gateway timeout after sending, a reset or hang-up mid-response, an unknown socket error', () => {
    assert.equal(engineDelivery(mapEngineError(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_GATEWAY' }), ENDPOINT)), 'maybe');
    assert.equal(engineDelivery(socketError('ECONNRESET', 'socket hang up')), 'maybe');
    assert.equal(engineDelivery(socketError('EPIPE')), 'maybe');
    assert.equal(engineDelivery(socketError('ESOMETHINGNEW')), 'maybe');
    // A failure of no known kind (a bug after the call) cannot prove nothing happened.
    assert.equal(engineDelivery(new TypeError('x is undefined')), 'maybe');
    for (const err of [mapEngineError(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT_GATEWAY' }), ENDPOINT), socketError('ECONNRESET')]) {
      assert.equal(isNotSent(err), false);
    }
  });

  test('refused: any error answer of the engine (4xx, 5xx, 503 "not a manager" or other), and the gateway\'s own refusals', () => {
    assert.equal(engineDelivery(answer(404, 'network x not found')), 'refused');
    assert.equal(engineDelivery(answer(409, 'network with name x already exists')), 'refused');
    assert.equal(engineDelivery(answer(400, 'invalid subnet')), 'refused');
    assert.equal(engineDelivery(answer(500, 'rpc error: code = Unknown desc = update out of sequence')), 'refused');
    assert.equal(engineDelivery(answer(503, 'This node is not a swarm manager.')), 'refused');
    const busy = answer(503, 'rpc error: code = Unavailable desc = the engine is busy');
    assert.equal((busy as GatewayError).code, 'ENGINE_UNAVAILABLE');
    assert.equal(engineDelivery(busy), 'refused');
    assert.equal(isNotSent(busy), false, 'it reached the engine: a write is not sent elsewhere');
    assert.equal(engineDelivery(new InvalidReferenceError('../x', 'not a reference')), 'refused');
    assert.equal(engineDelivery(new GatewayError('FORBIDDEN', 'no')), 'refused');
  });
});
