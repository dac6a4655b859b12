// authenticate(): the forms of the Authorization header, which verifier a credential goes
// to (API token by its `sgw_` prefix, otherwise OIDC), the anonymous principal only when
// configured, and the WWW-Authenticate answer for each failure (RFC 6750).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAuthenticator, type CredentialVerifier } from '../../../src/auth/authenticate.ts';
import { AuthenticationError, type AuthFailure } from '../../../src/auth/authentication-error.ts';
import { parseGrant } from '../../../src/grants/grant.ts';
import type { Principal } from '../../../src/auth/principal.ts';
import { wwwAuthenticate } from '../../../src/http/authenticate-request.ts';

/** A verifier that records what it was given and answers with a principal of its kind. */
function recording(kind: 'token' | 'oidc') {
  const seen: { credential: string; clientAddress: string | undefined }[] = [];
  const verifier: CredentialVerifier = {
    async verify(credential, clientAddress): Promise<Principal> {
      seen.push({ credential, clientAddress });
      if (credential.endsWith('bad')) throw new AuthenticationError('bad_signature', 'no');
      return { id: `${kind}:x`, kind, grants: [parseGrant('admin')], clientAddress };
    },
  };
  return { verifier, seen };
}

function setup(opts: { apiTokens?: boolean; oidc?: boolean; anonymous?: string[] } = {}) {
  const apiTokens = recording('token');
  const oidc = recording('oidc');
  const auth = createAuthenticator({
    apiTokens: opts.apiTokens === false ? null : apiTokens.verifier,
    oidc: opts.oidc === false ? null : oidc.verifier,
    anonymousGrants: (opts.anonymous ?? []).map(parseGrant),
  });
  return { auth, apiTokens: apiTokens.seen, oidc: oidc.seen };
}

async function failure(p: Promise<unknown>): Promise<AuthFailure> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AuthenticationError, `expected an AuthenticationError, got ${String(err)}`);
    return err.reason;
  }
  assert.fail('expected the credential to be refused');
}

describe('authenticate: the header', () => {
  test('no header, an empty one or only spaces: missing credentials', async () => {
    const { auth } = setup();
    assert.equal(await failure(auth.authenticate(undefined, '10.0.0.1')), 'missing_credentials');
    assert.equal(await failure(auth.authenticate('', '10.0.0.1')), 'missing_credentials');
    assert.equal(await failure(auth.authenticate('  ', '10.0.0.1')), 'missing_credentials');
  });

  test('anything but `Bearer <one token>` is a malformed header', async () => {
    const { auth, oidc, apiTokens } = setup();
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearertoken', 'Bearer a b', 'Bearer a,b', 'Bearer "abc"', 'Token abc', 'abc', 'Bearer a\nb']) {
      assert.equal(await failure(auth.authenticate(header, undefined)), 'malformed_header', JSON.stringify(header));
    }
    assert.equal(oidc.length + apiTokens.length, 0, 'no verifier saw a malformed header');
  });

  test('the scheme is case-insensitive and spaces around the token do not matter', async () => {
    const { auth, oidc } = setup();
    for (const header of ['Bearer eyJ.a.b', 'bearer eyJ.a.b', 'BEARER eyJ.a.b', 'Bearer  \teyJ.a.b  ']) {
      assert.equal((await auth.authenticate(header, '10.0.0.1')).kind, 'oidc', header);
    }
    assert.deepEqual(oidc.map((s) => s.credential), ['eyJ.a.b', 'eyJ.a.b', 'eyJ.a.b', 'eyJ.a.b']);
    assert.equal(oidc[0]!.clientAddress, '10.0.0.1');
  });

  test('token68 characters pass through unchanged (base64url and base64)', async () => {
    const { auth, oidc } = setup();
    await auth.authenticate('Bearer aA0-._~+/==', undefined);
    assert.equal(oidc[0]!.credential, 'aA0-._~+/==');
  });
});

describe('authenticate: which verifier', () => {
  test('`sgw_` tokens go to the API token store, everything else to OIDC', async () => {
    const { auth, apiTokens, oidc } = setup();
    assert.equal((await auth.authenticate('Bearer sgw_abc_def', '10.0.0.2')).kind, 'token');
    assert.equal((await auth.authenticate('Bearer eyJhbGciOi.x.y', '10.0.0.2')).kind, 'oidc');
    assert.deepEqual(apiTokens, [{ credential: 'sgw_abc_def', clientAddress: '10.0.0.2' }]);
    assert.deepEqual(oidc, [{ credential: 'eyJhbGciOi.x.y', clientAddress: '10.0.0.2' }]);
  });

  test('without a token store an API token is unknown; without OIDC a JWT is refused as such', async () => {
    const { auth } = setup({ apiTokens: false, oidc: false });
    assert.equal(await failure(auth.authenticate('Bearer sgw_abc_def', undefined)), 'unknown_token');
    assert.equal(await failure(auth.authenticate('Bearer eyJ.a.b', undefined)), 'oidc_not_configured');
  });

  test('a verifier\'s refusal is the answer', async () => {
    const { auth } = setup();
    assert.equal(await failure(auth.authenticate('Bearer eyJ.a.bad', undefined)), 'bad_signature');
    assert.equal(await failure(auth.authenticate('Bearer sgw_a_bad', undefined)), 'bad_signature');
  });
});

describe('authenticate: anonymous read', () => {
  test('no credentials give the anonymous principal with exactly the configured grants', async () => {
    const { auth } = setup({ anonymous: ['viewer@prod'] });
    const p = await auth.authenticate(undefined, '10.0.0.3');
    assert.deepEqual(p, { id: 'anonymous', kind: 'anonymous', grants: [parseGrant('viewer@prod')], clientAddress: '10.0.0.3' });
  });

  test('credentials that are sent are still checked: a bad or malformed one is not downgraded to anonymous', async () => {
    const { auth } = setup({ anonymous: ['viewer'] });
    assert.equal(await failure(auth.authenticate('Basic dXNlcjpwYXNz', undefined)), 'malformed_header');
    assert.equal(await failure(auth.authenticate('Bearer eyJ.a.bad', undefined)), 'bad_signature');
  });
});

describe('wwwAuthenticate', () => {
  test('no credentials: the challenge alone, without an error attribute', () => {
    assert.equal(wwwAuthenticate(new AuthenticationError('missing_credentials', 'send a token')), 'Bearer realm="swarm-gateway"');
  });

  test('a malformed header is invalid_request; a refused token is invalid_token; quotes cannot break the header', () => {
    assert.equal(wwwAuthenticate(new AuthenticationError('malformed_header', 'use Bearer')), 'Bearer realm="swarm-gateway", error="invalid_request", error_description="use Bearer"');
    assert.equal(wwwAuthenticate(new AuthenticationError('expired_token', 'the "token" expired')), 'Bearer realm="swarm-gateway", error="invalid_token", error_description="the \'token\' expired"');
    // Nothing but printable ASCII without `"` and `\` may reach error_description (RFC 6750), or the header breaks.
    assert.equal(wwwAuthenticate(new AuthenticationError('bad_signature', 'a\\b\r\nSet-Cookie: x=1 é')), 'Bearer realm="swarm-gateway", error="invalid_token", error_description="a\'bSet-Cookie: x=1 "');
    for (const reason of ['unknown_token', 'revoked_token', 'wrong_issuer', 'unknown_key', 'bad_signature', 'algorithm_not_allowed'] as const) {
      assert.match(wwwAuthenticate(new AuthenticationError(reason, 'x')), /^Bearer realm="swarm-gateway", error="invalid_token", /);
    }
  });
});
