// API tokens: what the rest of the gateway uses of them.
export { createApiTokenVerifier, tokenGrants, TOKEN_CACHE_MS, type ApiTokenVerifierOptions } from './token-verifier.ts';
export { ApiTokenStore, TOUCH_INTERVAL_MS, tokenIdOfPrincipal, type ApiTokenRow, type NewToken } from './token-store.ts';
export { generateToken, hashToken, parseToken, isTokenPrefix } from './token-format.ts';
export { resolveExpiry, tokenNameProblem, unknownClustersProblem, isExpired } from './token-request.ts';
export { listenForRevocations, type RevocationListener } from './revocation-listener.ts';
