// Who is making a request, and what it holds. Built by authenticate.ts from an API token,
// an OIDC bearer token, or (only when configured) the anonymous read grants.
import type { Grant } from '../grants/grant.ts';

export interface Principal {
  /** Stable identifier recorded in the audit log: `anonymous`, `token:<id>`, `oidc:<sub>`. */
  id: string;
  kind: 'anonymous' | 'token' | 'oidc';
  /** A human name: the token's name, the OIDC subject's name or email, when known. */
  name?: string | undefined;
  grants: readonly Grant[];
  /** Where the request came from. */
  clientAddress: string | undefined;
}

/** A caller without credentials; it holds only the configured anonymous grants (none by default). */
export function anonymousPrincipal(clientAddress: string | undefined, grants: readonly Grant[] = []): Principal {
  return { id: 'anonymous', kind: 'anonymous', grants, clientAddress };
}

/** What a resolver is about to do, for the audit record. */
export interface AccessRequest {
  /** The GraphQL root field, e.g. `networkCreate`. */
  operation: string;
  cluster: string | undefined;
  /** The object acted on: an ID or name, when there is one. */
  target?: string | undefined;
}
