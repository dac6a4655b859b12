// The API token's text: sgw_<prefix>_<secret>, its parsing, and the stored hash.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../../src/auth/authenticate.ts';
import { generateToken, hashToken, isTokenPrefix, parseToken } from '../../../src/auth/tokens/index.ts';

describe('API token format', () => {
  test('a generated token is sgw_, an 8-character prefix, _, and 32 random bytes in base64url', () => {
    const { token, prefix, hash } = generateToken();
    assert.ok(token.startsWith(API_TOKEN_PREFIX));
    assert.match(token, /^sgw_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    assert.equal(token.slice(4, 12), prefix);
    assert.equal(Buffer.from(token.slice(13), 'base64url').length, 32);
    assert.equal(hash, createHash('sha256').update(token).digest('hex'));
  });

  test('tokens and prefixes do not repeat', () => {
    const made = Array.from({ length: 2000 }, generateToken);
    assert.equal(new Set(made.map((t) => t.token)).size, made.length);
    assert.equal(new Set(made.map((t) => t.prefix)).size, made.length);
  });

  test('prefixes use the whole alphabet (no bias toward a few letters)', () => {
    const seen = new Set(Array.from({ length: 500 }, () => generateToken().prefix).join(''));
    assert.ok(seen.size >= 60, `only ${seen.size} distinct characters in 4000`);
  });

  test('parseToken finds the prefix of a well-formed token and nothing else', () => {
    const { token, prefix } = generateToken();
    assert.deepEqual(parseToken(token), { prefix });
    // A secret may itself contain `_` and `-`.
    assert.deepEqual(parseToken(`sgw_AbCd1234_${'_'.repeat(20)}${'-'.repeat(23)}`), { prefix: 'AbCd1234' });
    for (const bad of ['', 'sgw_', token.slice(0, -1), `${token}x`, token.replace('sgw_', 'sgx_'), token.replace(prefix, `${prefix.slice(0, 7)}!`), `sgw_${prefix}-${token.slice(13)}`, ` ${token}`]) {
      assert.equal(parseToken(bad), null, bad);
    }
  });

  test('isTokenPrefix accepts 8 letters or digits', () => {
    assert.equal(isTokenPrefix('AbCd1234'), true);
    assert.equal(isTokenPrefix('AbCd123'), false);
    assert.equal(isTokenPrefix('AbCd12_4'), false);
  });

  test('hashToken is SHA-256 hex of the whole string', () => {
    assert.equal(hashToken('sgw_x'), createHash('sha256').update('sgw_x', 'utf8').digest('hex'));
    assert.match(hashToken('anything'), /^[0-9a-f]{64}$/);
  });
});
