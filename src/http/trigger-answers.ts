// How a fired trigger's GraphQL result becomes an HTTP answer: the gateway's envelope
// (`{"errors": [{message, extensions: {code}}]}`) with a status that says what happened,
// or 200 with the rollout. One table of statuses for every top-level code.
import type { GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../errors/codes.ts';

/** Every top-level code's HTTP status (exhaustive: a new code fails the build until it has one). */
export const STATUS_OF_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  AUDIT_UNAVAILABLE: 503,
  AUTH_UNAVAILABLE: 503,
  ENGINE_UNAVAILABLE: 503,
  NOT_A_SWARM_MANAGER: 503,
  SWARM_QUORUM_LOST: 503,
};

export interface TriggerAnswer {
  status: number;
  body: Record<string, unknown>;
}

interface UserErrorLike {
  field: readonly string[] | null;
  code: string;
  message: string;
}

/** A userError code the caller cannot fix by changing the body: refused by policy (403) or by the service's state (409). */
const FORBIDDING = new Set(['GUARDRAIL', 'NOT_PERMITTED', 'SCOPE_LABEL', 'ESCALATION']);
const CONFLICTING = new Set(['VERSION_CONFLICT', 'INVALID_STATE', 'NAME_CONFLICT']);

/** Top-level GraphQL errors: the first one's code decides the status. */
export function answerForErrors(errors: readonly GraphQLFormattedError[]): TriggerAnswer {
  const code = (errors[0]?.extensions?.code ?? 'INTERNAL') as ErrorCode;
  return { status: STATUS_OF_CODE[code] ?? 500, body: { errors } };
}

/**
 * The mutation's userErrors: nothing changed. Each is an envelope error (FORBIDDEN for a
 * policy refusal, else BAD_REQUEST) carrying the userError itself, its field in the
 * serviceUpdate input the trigger sent.
 */
export function answerForUserErrors(userErrors: readonly UserErrorLike[]): TriggerAnswer {
  const first = userErrors[0]!.code;
  const status = FORBIDDING.has(first) ? 403 : CONFLICTING.has(first) ? 409 : 422;
  const code: ErrorCode = status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST';
  return {
    status,
    body: { errors: userErrors.map((e) => ({ message: e.message, extensions: { code, userError: { code: e.code, field: e.field } } })) },
  };
}

/** One refusal by the route itself (bad body, unknown trigger, creator gone), in the envelope. */
export function answer(status: number, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): TriggerAnswer {
  return { status, body: { errors: [{ message, extensions: { code, ...extensions } }] } };
}
