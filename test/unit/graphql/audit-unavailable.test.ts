// An audit log that fails under a request is AUDIT_UNAVAILABLE for the caller (retryable),
// with the cause in the process log only; a GatewayError passes through as it is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { GatewayError } from '../../../src/errors/gateway-error.ts';
import { orAuditUnavailable } from '../../../src/graphql/audit-unavailable.ts';

function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

test('a failure of the log: AUDIT_UNAVAILABLE with the refusal, the cause logged', async () => {
  const { logger, lines } = memoryLogger();
  const failure = { logger, log: 'audit intent could not be written', logFields: { operation: 'swarmUnlockKey' }, refusal: 'the change was not made' };
  await assert.rejects(
    orAuditUnavailable(() => Promise.reject(new Error('connection terminated: secret-free cause')), failure),
    (err: unknown) => err instanceof GatewayError && err.code === 'AUDIT_UNAVAILABLE' && err.message === 'the change was not made' && !/connection terminated/.test(err.message),
  );
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.msg, 'audit intent could not be written');
  assert.equal(lines[0]!.operation, 'swarmUnlockKey');
  assert.match(JSON.stringify(lines[0]!.err), /connection terminated/);
});

test('a GatewayError passes through unlogged; an answer is returned', async () => {
  const { logger, lines } = memoryLogger();
  const failure = { logger, log: 'x', refusal: 'y' };
  const own = new GatewayError('AUDIT_UNAVAILABLE', 'the audit spool is full');
  await assert.rejects(orAuditUnavailable(() => Promise.reject(own), failure), (err: unknown) => err === own);
  assert.equal(await orAuditUnavailable(async () => 'id-1', failure), 'id-1');
  assert.deepEqual(lines, []);
});
