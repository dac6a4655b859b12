// The PostgreSQL channel on which a revocation is announced: token-store.ts sends one NOTIFY
// per revoked token ID in the revoking transaction (delivered at its commit, never for a
// revocation rolled back), and every gateway process listening (revocation-listener.ts)
// forgets that token in its caches. Own file so the store and the listener share it
// without importing each other.
export const REVOCATION_CHANNEL = 'swarm_gateway_token_revoked';
