// A test identity provider: an ES256 key pair made once per process, its JWKS in a file,
// and tokens signed for any grant the test names. The gateway verifies them with its
// real OIDC code (jose, issuer, audience, exp), so tests authenticate the way a portal
// does. Grants travel in the `sg_grants` claim; the gateway's config maps each grant text
// the tests use to that grant (claim mappings, as a deployment maps groups).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { ROLES } from '../../src/grants/roles.ts';

export const TEST_ISSUER = 'https://idp.sg-test.invalid';
export const TEST_AUDIENCE = 'swarm-gateway-test';
export const TEST_KID = 'sg-test-key-1';
export const GRANTS_CLAIM = 'sg_grants';

const keys = await generateKeyPair('ES256', { extractable: true });
const jwksDir = mkdtempSync(path.join(tmpdir(), 'sg-jwks-'));
export const TEST_JWKS_FILE = path.join(jwksDir, 'jwks.json');
export const TEST_PUBLIC_JWK = { ...(await exportJWK(keys.publicKey)), kid: TEST_KID, alg: 'ES256', use: 'sig' };
writeFileSync(TEST_JWKS_FILE, JSON.stringify({ keys: [TEST_PUBLIC_JWK] }));

export const TEST_SELECTORS = ['', ':team=payments', ':team=billing'];

/** The grant texts the test gateway maps: every role, unscoped and scoped, for all clusters and for each named one. */
export function mappedGrants(clusters: string[]): string[] {
  const texts: string[] = [];
  for (const role of ROLES) {
    for (const sel of TEST_SELECTORS) {
      texts.push(`${role}${sel}`);
      for (const c of clusters) texts.push(`${role}@${c}${sel}`);
    }
  }
  return texts;
}

/** The `auth.oidc` config section that trusts this provider. */
export function testOidcConfig(clusters: string[]) {
  return {
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    jwksFile: TEST_JWKS_FILE,
    algorithms: ['ES256'],
    clockToleranceSeconds: 30,
    claimMappings: mappedGrants(clusters).map((text) => ({ claim: GRANTS_CLAIM, value: text, grants: [text] })),
  };
}

export interface TokenOptions {
  subject?: string;
  /** Seconds from now; negative for the past. */
  expiresIn?: number;
  notBefore?: number;
  issuer?: string;
  audience?: string;
  kid?: string;
  extraClaims?: JWTPayload;
}

/** A signed JWT holding `grants` (texts the gateway maps), valid for 10 minutes unless told otherwise. */
export async function tokenFor(grants: string[], opts: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ [GRANTS_CLAIM]: grants, email: `${opts.subject ?? 'tester'}@sg-test.invalid`, ...opts.extraClaims })
    .setProtectedHeader({ alg: 'ES256', kid: opts.kid ?? TEST_KID, typ: 'JWT' })
    .setSubject(opts.subject ?? `tester-${grants.join('+') || 'none'}`)
    .setIssuer(opts.issuer ?? TEST_ISSUER)
    .setAudience(opts.audience ?? TEST_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.expiresIn ?? 600));
  if (opts.notBefore !== undefined) jwt.setNotBefore(now + opts.notBefore);
  return jwt.sign(keys.privateKey);
}

/** The private key, for tests that sign unusual tokens themselves. */
export const TEST_PRIVATE_KEY = keys.privateKey;
