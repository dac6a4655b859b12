// The `auth` section of the configuration: OIDC needs exactly one key source, never accepts
// HMAC or `none`, has safe defaults; claim mappings and anonymous grants are parsed grants;
// anonymous access is viewer-only; the environment shortcuts fill the same section.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, parseConfig, rawConfigFromEnv } from '../../../src/config/config.ts';

const clusters = [{ name: 'prod', managers: [{ url: 'unix:///run/sg/x/docker.sock' }] }];
const oidc = (over: Record<string, unknown> = {}) => ({ issuer: 'https://idp.example.com', audience: 'swarm-gateway', jwksUrl: 'https://idp.example.com/jwks', ...over });

function messageOf(auth: unknown): string {
  try {
    parseConfig({ clusters, auth });
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.message;
  }
  assert.fail('expected the configuration to be refused');
}

describe('config: auth.oidc', () => {
  test('defaults: ES256 and RS256, 30 s of clock tolerance, the name from `email`, no claim mappings', () => {
    const cfg = parseConfig({ clusters, auth: { oidc: oidc() } });
    assert.deepEqual(cfg.auth.oidc, {
      issuer: 'https://idp.example.com',
      audience: 'swarm-gateway',
      jwksUrl: 'https://idp.example.com/jwks',
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 30,
      nameClaim: 'email',
      claimMappings: [],
    });
  });

  test('without an oidc section there is no OIDC and no anonymous access', () => {
    const cfg = parseConfig({ clusters });
    assert.equal(cfg.auth.oidc, undefined);
    assert.deepEqual(cfg.auth.anonymousGrants, []);
  });

  test('exactly one of jwksUrl and jwksFile', () => {
    assert.match(messageOf({ oidc: oidc({ jwksUrl: undefined }) }), /auth\.oidc: set exactly one of jwksUrl and jwksFile/);
    assert.match(messageOf({ oidc: oidc({ jwksFile: '/etc/sg/jwks.json' }) }), /auth\.oidc: set exactly one of jwksUrl and jwksFile/);
    assert.equal(parseConfig({ clusters, auth: { oidc: oidc({ jwksUrl: undefined, jwksFile: '/etc/sg/jwks.json' }) } }).auth.oidc?.jwksFile, '/etc/sg/jwks.json');
    assert.match(messageOf({ oidc: oidc({ jwksUrl: 'not a url' }) }), /auth\.oidc\.jwksUrl:/);
  });

  test('the algorithms never include an HMAC algorithm or `none`, and are not empty', () => {
    for (const alg of ['HS256', 'HS384', 'HS512', 'none', 'NONE']) {
      assert.match(messageOf({ oidc: oidc({ algorithms: ['ES256', alg] }) }), /auth\.oidc\.algorithms\.1:/, alg);
    }
    assert.match(messageOf({ oidc: oidc({ algorithms: [] }) }), /auth\.oidc\.algorithms:/);
    assert.deepEqual(parseConfig({ clusters, auth: { oidc: oidc({ algorithms: ['EdDSA', 'PS256'] }) } }).auth.oidc?.algorithms, ['EdDSA', 'PS256']);
  });

  test('issuer and audience are required; the audience may be a list; unknown keys are refused', () => {
    assert.match(messageOf({ oidc: oidc({ issuer: undefined }) }), /auth\.oidc\.issuer:/);
    assert.match(messageOf({ oidc: oidc({ audience: undefined }) }), /auth\.oidc\.audience:/);
    assert.match(messageOf({ oidc: oidc({ audience: [] }) }), /auth\.oidc\.audience:/);
    assert.deepEqual(parseConfig({ clusters, auth: { oidc: oidc({ audience: ['a', 'b'] }) } }).auth.oidc?.audience, ['a', 'b']);
    assert.match(messageOf({ oidc: oidc({ secret: 'x' }) }), /auth\.oidc: .*secret/);
  });

  test('clock tolerance is 0 to 300 whole seconds', () => {
    assert.equal(parseConfig({ clusters, auth: { oidc: oidc({ clockToleranceSeconds: 0 }) } }).auth.oidc?.clockToleranceSeconds, 0);
    assert.match(messageOf({ oidc: oidc({ clockToleranceSeconds: 301 }) }), /auth\.oidc\.clockToleranceSeconds:/);
    assert.match(messageOf({ oidc: oidc({ clockToleranceSeconds: -1 }) }), /auth\.oidc\.clockToleranceSeconds:/);
    assert.match(messageOf({ oidc: oidc({ clockToleranceSeconds: 1.5 }) }), /auth\.oidc\.clockToleranceSeconds:/);
  });

  test('claim mappings hold grants, as text or as objects, and a bad grant names itself', () => {
    const cfg = parseConfig({
      clusters,
      auth: {
        oidc: oidc({
          claimMappings: [
            { claim: 'groups', value: 'payments-devs', grants: ['deployer@prod:team=payments'] },
            { claim: 'realm_access.roles', value: 'ops', grants: [{ role: 'operator', clusters: null, selector: null }] },
          ],
        }),
      },
    });
    assert.deepEqual(cfg.auth.oidc?.claimMappings, [
      { claim: 'groups', value: 'payments-devs', grants: [{ role: 'deployer', clusters: ['prod'], selector: [['team', 'payments']] }] },
      { claim: 'realm_access.roles', value: 'ops', grants: [{ role: 'operator', clusters: null, selector: null }] },
    ]);
    assert.match(messageOf({ oidc: oidc({ claimMappings: [{ claim: 'groups', value: 'x', grants: ['superuser'] }] }) }), /auth\.oidc\.claimMappings\.0\.grants\.0: "superuser" is not a role/);
    assert.match(messageOf({ oidc: oidc({ claimMappings: [{ claim: 'groups', value: 'x', grants: [] }] }) }), /auth\.oidc\.claimMappings\.0\.grants:/);
    assert.match(messageOf({ oidc: oidc({ claimMappings: [{ claim: '', value: 'x', grants: ['viewer'] }] }) }), /auth\.oidc\.claimMappings\.0\.claim:/);
  });
});

describe('config: auth.anonymousGrants', () => {
  test('viewer grants, scoped or not, are accepted', () => {
    const cfg = parseConfig({ clusters, auth: { anonymousGrants: ['viewer', 'viewer@prod:team=public'] } });
    assert.deepEqual(cfg.auth.anonymousGrants, [
      { role: 'viewer', clusters: null, selector: null },
      { role: 'viewer', clusters: ['prod'], selector: [['team', 'public']] },
    ]);
  });

  test('anything more than viewer is refused with a message', () => {
    for (const grant of ['admin', 'operator@prod', 'deployer:team=x', 'auditor']) {
      assert.match(messageOf({ anonymousGrants: ['viewer', grant] }), /auth\.anonymousGrants: anonymous access may only be given viewer grants/, grant);
    }
    assert.match(messageOf({ anonymousGrants: ['nobody'] }), /auth\.anonymousGrants\.0: "nobody" is not a role/);
  });
});

describe('config: auth from the environment', () => {
  test('OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL and ANONYMOUS_GRANTS (separated by ";")', () => {
    const raw = rawConfigFromEnv({
      OIDC_ISSUER: 'https://idp.example.com',
      OIDC_AUDIENCE: 'swarm-gateway',
      OIDC_JWKS_URL: 'https://idp.example.com/jwks',
      ANONYMOUS_GRANTS: 'viewer@prod; viewer@staging:team=a,env=b',
    });
    const cfg = parseConfig(raw);
    assert.equal(cfg.auth.oidc?.issuer, 'https://idp.example.com');
    assert.equal(cfg.auth.oidc?.audience, 'swarm-gateway');
    assert.equal(cfg.auth.oidc?.jwksUrl, 'https://idp.example.com/jwks');
    assert.equal(cfg.auth.oidc?.jwksFile, undefined);
    assert.deepEqual(cfg.auth.anonymousGrants.map((g) => g.clusters), [['prod'], ['staging']]);
  });

  test('OIDC_JWKS_FILE instead of a URL', () => {
    const cfg = parseConfig(rawConfigFromEnv({ OIDC_ISSUER: 'https://idp.example.com', OIDC_AUDIENCE: 'gw', OIDC_JWKS_FILE: '/etc/sg/jwks.json' }));
    assert.equal(cfg.auth.oidc?.jwksFile, '/etc/sg/jwks.json');
  });

  test('an environment that sets OIDC_ISSUER without the rest is refused, naming what is missing', () => {
    assert.throws(() => parseConfig(rawConfigFromEnv({ OIDC_ISSUER: 'https://idp.example.com' })), /auth\.oidc\.audience:/);
    assert.throws(() => parseConfig(rawConfigFromEnv({ ANONYMOUS_GRANTS: 'admin' })), /anonymous access may only be given viewer grants/);
  });
});
