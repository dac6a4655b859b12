// Who is making a request. Until access control lands every caller is the anonymous
// principal, identified by its address; the access-control issue replaces
// `resolvePrincipal` and `authorize` without touching resolvers.
export interface Principal {
  /** Stable identifier recorded in the audit log: `anonymous`, `token:<id>`, `oidc:<sub>`. */
  id: string;
  kind: 'anonymous' | 'token' | 'oidc';
  /** Where the request came from. */
  clientAddress: string | undefined;
}

export function anonymousPrincipal(clientAddress: string | undefined): Principal {
  return { id: 'anonymous', kind: 'anonymous', clientAddress };
}

/** What a resolver is about to do, for the access decision and the audit record. */
export interface AccessRequest {
  /** The GraphQL root field, e.g. `networkCreate`. */
  operation: string;
  cluster: string | undefined;
  /** The object acted on: an ID or name, when there is one. */
  target?: string | undefined;
}

/** Decides whether a principal may perform an operation. Allow-all until the access issue. */
export interface Authorizer {
  authorize(principal: Principal, request: AccessRequest): Promise<void>;
}

export const allowAll: Authorizer = {
  async authorize() {},
};
