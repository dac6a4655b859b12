// A request whose credentials were missing or could not be verified. `reason` is a short
// machine word for the audit log; the message is safe to show the caller.
export type AuthFailure =
  | 'missing_credentials'
  | 'malformed_header'
  | 'unknown_token'
  | 'revoked_token'
  | 'expired_token'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'algorithm_not_allowed'
  | 'unknown_key'
  | 'bad_signature'
  | 'malformed_token'
  | 'oidc_not_configured'
  | 'jwks_unavailable';

export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  constructor(
    readonly reason: AuthFailure,
    message: string,
    /** Unverified hints for the audit log (a JWT's claimed `sub`/`iss`, a token's prefix). */
    readonly hints: Record<string, string> = {},
  ) {
    super(message);
  }
}
