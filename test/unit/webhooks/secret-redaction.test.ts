// The webhook mutations' inputs as the audit log stores them: the signing secret redacted,
// the URL and events kept for the auditor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REDACTED, redactInput } from '../../../src/audit/redact.ts';

test('webhookCreate and webhookUpdate inputs keep url and events and lose the secret', () => {
  const secret = 'a-receiver-chosen-secret-of-at-least-32-chars';
  assert.deepEqual(redactInput({ url: 'https://hooks.example.com/x', events: ['ROLLOUT_FAILED'], secret }), {
    url: 'https://hooks.example.com/x',
    events: ['ROLLOUT_FAILED'],
    secret: REDACTED,
  });
  assert.deepEqual(redactInput({ id: 'w1', secret, enabled: true }), { id: 'w1', secret: REDACTED, enabled: true });
});
