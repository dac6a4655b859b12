// The OIDC verifier on its own: the principal a good token becomes, claims mapped to grants
// (arrays, plain values, dotted paths), and an identity provider whose keys cannot be
// fetched reported as such (jwks_unavailable), not as a bad token.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { AuthenticationError } from '../../../src/auth/authentication-error.ts';
import { formatGrant } from '../../../src/grants/grant.ts';
import { createOidcVerifier, grantsFromClaims } from '../../../src/auth/oidc.ts';
import { oidcSchema } from '../../../src/config/access-config.ts';
import { TEST_AUDIENCE, TEST_ISSUER, TEST_JWKS_FILE, TEST_PUBLIC_JWK, tokenFor } from '../../support/identity.ts';

const mappings = oidcSchema.parse({
  issuer: 'x',
  audience: 'y',
  jwksFile: '/x',
  claimMappings: [
    { claim: 'groups', value: 'payments-devs', grants: ['deployer@prod:team=payments'] },
    { claim: 'groups', value: 'sre', grants: ['operator', 'viewer'] },
    { claim: 'realm_access.roles', value: 'gateway-admin', grants: ['admin'] },
    { claim: 'department', value: 'audit', grants: ['auditor'] },
    { claim: 'tenant.id', value: 'sre', grants: ['viewer'] },
  ],
}).claimMappings;
const granted = (claims: Record<string, unknown>) => grantsFromClaims(claims, mappings).map(formatGrant);

describe('grantsFromClaims', () => {
  test('an array claim that contains the value, or a plain claim equal to it', () => {
    assert.deepEqual(granted({ groups: ['other', 'payments-devs'] }), ['deployer@prod:team=payments']);
    assert.deepEqual(granted({ department: 'audit' }), ['auditor']);
    assert.deepEqual(granted({ groups: 'sre' }), ['operator', 'viewer']);
  });

  test('a dotted path reaches into objects', () => {
    assert.deepEqual(granted({ realm_access: { roles: ['gateway-admin'] } }), ['admin']);
    assert.deepEqual(granted({ 'realm_access.roles': ['gateway-admin'] }), []);
    assert.deepEqual(granted({ realm_access: 'gateway-admin' }), []);
  });

  test('every matching mapping adds its grants, without repeats', () => {
    assert.deepEqual(granted({ groups: ['sre', 'payments-devs'], tenant: { id: 'sre' } }), ['deployer@prod:team=payments', 'operator', 'viewer']);
  });

  test('unmapped values, near misses and absent claims give nothing', () => {
    assert.deepEqual(granted({}), []);
    assert.deepEqual(granted({ groups: ['marketing'] }), []);
    assert.deepEqual(granted({ groups: ['Payments-Devs', 'payments-devs '] }), []);
    assert.deepEqual(granted({ groups: 'payments-devs,sre' }), []);
    assert.deepEqual(granted({ groups: [['payments-devs']] }), []);
    assert.deepEqual(granted({ department: ['audit', 'x'], realm_access: null }), ['auditor']);
  });
});

describe('createOidcVerifier', () => {
  const settings = (over: Record<string, unknown> = {}) =>
    oidcSchema.parse({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      jwksFile: TEST_JWKS_FILE,
      algorithms: ['ES256'],
      nameClaim: 'preferred_username',
      claimMappings: [{ claim: 'groups', value: 'ops', grants: ['operator@prod'] }],
      ...over,
    });

  test('a good token becomes `oidc:<sub>` with its name claim and its mapped grants', async () => {
    const token = await tokenFor([], { subject: 'alice', extraClaims: { preferred_username: 'Alice A.', groups: ['ops'] } });
    const p = await createOidcVerifier(settings()).verify(token, '10.1.2.3');
    assert.deepEqual({ ...p, grants: p.grants.map(formatGrant) }, { id: 'oidc:alice', kind: 'oidc', name: 'Alice A.', grants: ['operator@prod'], clientAddress: '10.1.2.3' });
  });

  test('a token without `exp` or without `sub` is refused', async () => {
    const verifier = createOidcVerifier(settings());
    // jose's SignJWT leaves out what is not set; tokenFor always sets both, so build them here.
    const { SignJWT } = await import('jose');
    const { TEST_PRIVATE_KEY, TEST_KID } = await import('../../support/identity.ts');
    const base = () => new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: TEST_KID }).setIssuer(TEST_ISSUER).setAudience(TEST_AUDIENCE).setIssuedAt();
    await assert.rejects(verifier.verify(await base().setSubject('a').sign(TEST_PRIVATE_KEY), undefined), (e: AuthenticationError) => e.reason === 'malformed_token');
    await assert.rejects(verifier.verify(await base().setExpirationTime('5m').sign(TEST_PRIVATE_KEY), undefined), (e: AuthenticationError) => e.reason === 'malformed_token');
  });

  test('an nbf in the future is not_yet_valid; an nbf that is not a number is malformed', async () => {
    const verifier = createOidcVerifier(settings());
    const reason = (p: Promise<unknown>) => p.then(() => 'accepted', (e: AuthenticationError) => e.reason);
    assert.equal(await reason(verifier.verify(await tokenFor([], { notBefore: 600 }), undefined)), 'not_yet_valid');
    assert.equal(await reason(verifier.verify(await tokenFor([], { extraClaims: { nbf: 'soon' as unknown as number } }), undefined)), 'malformed_token');
  });

  describe('keys from a URL that fails', () => {
    let server: http.Server;
    let base: string;
    let answer: (res: http.ServerResponse) => void;

    before(async () => {
      server = http.createServer((_req, res) => answer(res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const reasonFor = async (jwksUrl: string) => {
      const token = await tokenFor(['admin'], { subject: 'bob' });
      try {
        await createOidcVerifier(settings({ jwksFile: undefined, jwksUrl })).verify(token, undefined);
      } catch (err) {
        assert.ok(err instanceof AuthenticationError, String(err));
        assert.equal(err.hints.claimedSubject, 'bob');
        return err.reason;
      }
      assert.fail('expected a refusal');
    };

    test('the keys served: accepted (the control for the cases below)', async () => {
      answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [TEST_PUBLIC_JWK] }));
      const token = await tokenFor(['admin']);
      assert.equal((await createOidcVerifier(settings({ jwksFile: undefined, jwksUrl: `${base}/jwks` })).verify(token, undefined)).kind, 'oidc');
    });

    test('an HTTP error, a body that is not JSON, or not a key set: jwks_unavailable', async () => {
      answer = (res) => res.writeHead(500).end('oops');
      assert.equal(await reasonFor(`${base}/jwks`), 'jwks_unavailable');
      answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
      assert.equal(await reasonFor(`${base}/jwks`), 'jwks_unavailable');
      answer = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"keys": 1}');
      assert.equal(await reasonFor(`${base}/jwks`), 'jwks_unavailable');
    });

    test('nobody listening: jwks_unavailable', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      assert.equal(await reasonFor(`http://127.0.0.1:${port}/jwks`), 'jwks_unavailable');
    });
  });
});
