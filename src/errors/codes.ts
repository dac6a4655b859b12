// The error vocabulary of the gateway, in one place. Top-level error codes travel in
// `extensions.code`; user error codes travel in payloads' `userErrors`. schema.graphql
// declares both enums for clients; these lists are the same names for the layers below
// GraphQL, which must not depend on the generated types (a unit test keeps the two equal).

export const ERROR_CODES = [
  'AUDIT_UNAVAILABLE',
  'AUTH_UNAVAILABLE',
  'BAD_REQUEST',
  'ENGINE_UNAVAILABLE',
  'FORBIDDEN',
  'INTERNAL',
  'NOT_A_SWARM_MANAGER',
  'NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SWARM_QUORUM_LOST',
  'UNAUTHENTICATED',
] as const;

/** A top-level error's `extensions.code`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

export const USER_ERROR_CODES = [
  'ALREADY_IN_SWARM',
  'COMPOSE_INVALID',
  'ENGINE_REJECTED',
  'ESCALATION',
  'FILE_REFERENCE',
  'GATEWAY_OUTSIDE_SUBNET',
  'GUARDRAIL',
  'INGRESS_EXISTS',
  'INVALID_CIDR',
  'INVALID_PORT',
  'INVALID_PROTOCOL',
  'INVALID_STATE',
  'INVALID_VALUE',
  'IN_USE',
  'IP_RANGE_OUTSIDE_SUBNET',
  'NAME_CONFLICT',
  'NOT_ATTACHABLE',
  'NOT_IN_SWARM',
  'NOT_PERMITTED',
  'PLAN_STALE',
  'PORT_IN_USE',
  'REFERENCE_NOT_FOUND',
  'SCOPE_LABEL',
  'SUBNET_OVERLAP',
  'UNSUPPORTED_KEY',
  'VERSION_CONFLICT',
] as const;

/** A userError's `code`. */
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/**
 * A problem the caller can fix. In a payload's `userErrors`, `field` is the GraphQL input
 * path (`['input', 'ipam', '0', 'gateway']`); below GraphQL (validators, the engine layer's
 * mapping) it is the path inside the value that was checked (`['ipam', '0', 'gateway']`).
 */
export interface UserErrorInit {
  field: string[] | null;
  code: UserErrorCode;
  message: string;
}

export function userError(field: string[] | null, code: UserErrorCode, message: string): UserErrorInit {
  return { field, code, message };
}
