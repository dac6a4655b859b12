// The trigger's ID and secret: unguessable sizes, only a SHA-256 kept, compared whole.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { hashTriggerSecret, isTriggerId, newTriggerId, newTriggerSecret, secretMatches } from '../../../src/triggers/trigger-secret.ts';

test('an ID is 128 random bits and a secret 256, both base64url; no two alike', () => {
  const ids = new Set(Array.from({ length: 200 }, newTriggerId));
  const secrets = new Set(Array.from({ length: 200 }, newTriggerSecret));
  assert.equal(ids.size, 200);
  assert.equal(secrets.size, 200);
  for (const id of ids) {
    assert.match(id, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(Buffer.from(id, 'base64url').length, 16);
    assert.ok(isTriggerId(id));
  }
  for (const s of secrets) assert.equal(Buffer.from(s, 'base64url').length, 32);
});

test('isTriggerId refuses anything not 22 base64url characters', () => {
  for (const bad of ['', 'short', `${newTriggerId()}x`, '../../../etc/passwd123', 'a'.repeat(21) + '/', 'a'.repeat(21) + '\u0000']) assert.equal(isTriggerId(bad), false, bad);
});

test('the stored hash is the SHA-256 hex of the secret', () => {
  const secret = newTriggerSecret();
  assert.equal(hashTriggerSecret(secret), createHash('sha256').update(secret).digest('hex'));
  assert.match(hashTriggerSecret(secret), /^[0-9a-f]{64}$/);
});

test('secretMatches: only the very secret matches; no trigger, a prefix or a changed character do not', () => {
  const secret = newTriggerSecret();
  const stored = hashTriggerSecret(secret);
  assert.equal(secretMatches(stored, secret), true);
  assert.equal(secretMatches(stored, secret.slice(0, -1)), false);
  assert.equal(secretMatches(stored, `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`), false);
  assert.equal(secretMatches(stored, ''), false);
  assert.equal(secretMatches(null, secret), false);
  // No secret hashes to the all-zero stand-in used for a missing trigger, and a malformed stored hash matches nothing.
  assert.equal(secretMatches(null, ''), false);
  assert.equal(secretMatches('zz', secret), false);
});
