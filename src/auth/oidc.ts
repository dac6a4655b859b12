// Verifies OIDC/JWT bearer tokens with jose against the identity provider's JWKS (an https
// URL, fetched and cached by jose, or a file), checks issuer, audience, exp/nbf with a
// small clock tolerance and an allow-list of algorithms, then maps claims to grants.
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { OidcSettings } from '../config/access-config.ts';
import { AuthenticationError } from './authentication-error.ts';
import type { CredentialVerifier } from './authenticate.ts';
import type { Grant } from '../grants/grant.ts';
import type { Principal } from './principal.ts';

export function createOidcVerifier(settings: OidcSettings): CredentialVerifier {
  const keys = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 })
    : createLocalJWKSet(JSON.parse(readFileSync(settings.jwksFile!, 'utf8')));
  return {
    async verify(token, clientAddress): Promise<Principal> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: settings.algorithms,
          clockTolerance: settings.clockToleranceSeconds,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (err) {
        throw toAuthenticationError(err, token);
      }
      const name = claimAt(payload, settings.nameClaim);
      return {
        id: `oidc:${payload.sub}`,
        kind: 'oidc',
        name: typeof name === 'string' ? name : undefined,
        grants: grantsFromClaims(payload, settings.claimMappings),
        clientAddress,
      };
    },
  };
}

/** Every grant of every mapping whose claim holds its value, without repeats. */
export function grantsFromClaims(payload: JWTPayload, mappings: OidcSettings['claimMappings']): Grant[] {
  const grants = new Map<string, Grant>();
  for (const m of mappings) {
    const value = claimAt(payload, m.claim);
    const holds = Array.isArray(value) ? value.includes(m.value) : value === m.value;
    if (holds) for (const g of m.grants) grants.set(JSON.stringify(g), g);
  }
  return [...grants.values()];
}

function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function toAuthenticationError(err: unknown, token: string): AuthenticationError {
  const hints = unverifiedHints(token);
  if (err instanceof errors.JWTExpired) return new AuthenticationError('expired_token', 'the token has expired', hints);
  if (err instanceof errors.JWTClaimValidationFailed) {
    // Only a failed time check means "not yet"; an nbf or iat that is not a number is malformed.
    if ((err.claim === 'nbf' || err.claim === 'iat') && err.reason === 'check_failed') return new AuthenticationError('not_yet_valid', 'the token is not valid yet', hints);
    if (err.claim === 'iss') return new AuthenticationError('wrong_issuer', 'the token was issued by an issuer this gateway does not trust', hints);
    if (err.claim === 'aud') return new AuthenticationError('wrong_audience', 'the token is meant for another audience', hints);
    return new AuthenticationError('malformed_token', `the token's ${err.claim} claim is not acceptable`, hints);
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError('algorithm_not_allowed', 'the token\'s signature algorithm is not allowed', hints);
  if (err instanceof errors.JWKSNoMatchingKey) return new AuthenticationError('unknown_key', 'no trusted key matches the token', hints);
  if (err instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('bad_signature', 'the token\'s signature does not verify', hints);
  if (isKeySourceFailure(err)) return new AuthenticationError('jwks_unavailable', 'the identity provider\'s keys could not be fetched', hints);
  return new AuthenticationError('malformed_token', 'the token is not a valid JWT', hints);
}

/**
 * The JWKS URL failed rather than the token: a network error or timeout, an answer other
 * than 200 or not JSON (jose's plain JOSEError, thrown only there), or not a key set.
 */
function isKeySourceFailure(err: unknown): boolean {
  if (!(err instanceof errors.JOSEError)) return true;
  return err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || err.code === errors.JOSEError.code;
}

/** The token's claimed subject and issuer, unverified, to help whoever reads the audit log. */
function unverifiedHints(token: string): Record<string, string> {
  try {
    const claims = decodeJwt(token);
    const hints: Record<string, string> = {};
    if (typeof claims.sub === 'string') hints.claimedSubject = claims.sub.slice(0, 200);
    if (typeof claims.iss === 'string') hints.claimedIssuer = claims.iss.slice(0, 200);
    return hints;
  } catch {
    return {};
  }
}
