// Turns a request's Authorization header into a Principal. API tokens (`sgw_...`) are
// looked up in the token store; anything else is taken for an OIDC JWT when OIDC is
// configured. No header: the anonymous principal when anonymous grants are configured,
// otherwise a 401.
import { AuthenticationError } from './authentication-error.ts';
import type { Grant } from '../grants/grant.ts';
import { anonymousPrincipal, type Principal } from './principal.ts';

export const API_TOKEN_PREFIX = 'sgw_';

export interface CredentialVerifier {
  /** The principal a credential stands for; throws AuthenticationError when it is not valid. */
  verify(credential: string, clientAddress: string | undefined): Promise<Principal>;
}

export interface Authenticator {
  authenticate(authorization: string | undefined, clientAddress: string | undefined): Promise<Principal>;
}

export interface AuthenticatorParts {
  apiTokens: CredentialVerifier | null;
  oidc: CredentialVerifier | null;
  anonymousGrants: readonly Grant[];
}

export function createAuthenticator(parts: AuthenticatorParts): Authenticator {
  return {
    async authenticate(authorization, clientAddress) {
      if (authorization === undefined || authorization.trim() === '') {
        if (parts.anonymousGrants.length > 0) return anonymousPrincipal(clientAddress, parts.anonymousGrants);
        throw new AuthenticationError('missing_credentials', 'send a bearer token: Authorization: Bearer <API token or OIDC token>');
      }
      const m = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i.exec(authorization);
      if (!m) throw new AuthenticationError('malformed_header', 'the Authorization header must be `Bearer <token>`');
      const credential = m[1]!;
      if (credential.startsWith(API_TOKEN_PREFIX)) {
        if (!parts.apiTokens) throw new AuthenticationError('unknown_token', 'API tokens need the gateway\'s database, which this gateway runs without');
        return parts.apiTokens.verify(credential, clientAddress);
      }
      if (!parts.oidc) throw new AuthenticationError('oidc_not_configured', 'this is not an API token, and OIDC is not configured on this gateway');
      return parts.oidc.verify(credential, clientAddress);
    },
  };
}
