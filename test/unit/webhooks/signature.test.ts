// The delivery signature: a known answer (computed with `openssl dgst -sha256 -hmac`, not by
// this code), and a receiver's check refusing stale, future, tampered and malformed input.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { signWebhookBody, verifyWebhookSignature } from '../../../src/webhooks/signature.ts';

const SECRET = 'whsec-test-0123456789abcdef0123456789';
const TS = 1767225600;
const BODY = '{"event":"ROLLOUT_CONCLUDED"}';
// printf '%s' '1767225600.{"event":"ROLLOUT_CONCLUDED"}' | openssl dgst -sha256 -hmac "$SECRET" -hex
const KNOWN = 'v1=4df3101e4593472d811196307f77f289144b276c3b96db8c36fa59b4ff5c3a6b';

describe('webhook signature', () => {
  test('is HMAC-SHA256 of "<timestamp>.<body>", hex, after v1=', () => {
    assert.equal(signWebhookBody(SECRET, TS, BODY), KNOWN);
  });

  test('a receiver accepts its own delivery within the tolerance, timestamp as the header text', () => {
    assert.deepEqual(verifyWebhookSignature(SECRET, String(TS), BODY, KNOWN, TS + 299), { valid: true });
    assert.deepEqual(verifyWebhookSignature(SECRET, TS, BODY, KNOWN, TS - 299), { valid: true });
  });

  test('a stale or far-future timestamp is refused even with a valid signature (a replay)', () => {
    const stale = verifyWebhookSignature(SECRET, String(TS), BODY, KNOWN, TS + 301);
    assert.equal(stale.valid, false);
    assert.match(!stale.valid ? stale.reason : '', /300 s/);
    assert.equal(verifyWebhookSignature(SECRET, String(TS), BODY, KNOWN, TS - 301).valid, false);
    assert.equal(verifyWebhookSignature(SECRET, String(TS), BODY, KNOWN, TS + 61, 60).valid, false);
  });

  test('a changed body, timestamp or secret does not verify', () => {
    assert.equal(verifyWebhookSignature(SECRET, String(TS), BODY.replace('CONCLUDED', 'FAILED'), KNOWN, TS).valid, false);
    // The timestamp is signed too: moving it forward to pass the window breaks the MAC.
    assert.equal(verifyWebhookSignature(SECRET, String(TS + 1), BODY, KNOWN, TS + 1).valid, false);
    assert.equal(verifyWebhookSignature(`${SECRET}x`, String(TS), BODY, KNOWN, TS).valid, false);
  });

  test('malformed headers and timestamps are refused, not thrown on', () => {
    for (const header of [undefined, null, '', KNOWN.slice(3), `v0=${KNOWN.slice(3)}`, `${KNOWN}00`, KNOWN.toUpperCase(), 'v1=zz']) {
      assert.equal(verifyWebhookSignature(SECRET, String(TS), BODY, header, TS).valid, false, String(header));
    }
    for (const ts of ['', 'abc', '1767225600.5', '-1767225600', '17672256000000000']) {
      assert.equal(verifyWebhookSignature(SECRET, ts, BODY, KNOWN, TS).valid, false, ts);
    }
  });
});
