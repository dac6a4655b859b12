// One error class for everything that becomes a top-level GraphQL error. Lower layers
// throw it with a code; the HTTP layer turns it into `extensions.code` and masks
// anything that is not a GatewayError as INTERNAL.
import type { ErrorCode, UserErrorInit } from './codes.ts';

export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = 'GatewayError';
    this.code = code;
    this.extensions = extensions;
  }
}

/**
 * A reference (ID, name, ID prefix) that Docker's grammar does not allow, refused before
 * any Engine path is built from it (src/validate/references.ts). BAD_REQUEST for a query;
 * a mutation reports it as an INVALID_VALUE userError at the input field holding `reference`.
 */
export class InvalidReferenceError extends GatewayError {
  /** The reference exactly as given. */
  readonly reference: string;

  constructor(reference: string, message: string) {
    super('BAD_REQUEST', message);
    this.name = 'InvalidReferenceError';
    this.reference = reference;
  }
}

/**
 * Thrown inside a mutation when the input is at fault; the mutation wrapper catches it
 * and returns it as `userErrors` with the payload's other fields null.
 */
export class UserInputError extends Error {
  readonly userErrors: UserErrorInit[];

  constructor(userErrors: UserErrorInit[]) {
    super(userErrors.map((e) => e.message).join('; '));
    this.name = 'UserInputError';
    this.userErrors = userErrors;
  }
}

/**
 * Thrown by the engine layer (mapping, validation of its option types) for options the
 * caller can fix: each problem's `field` is its path inside the options object
 * (`['ipam', '0', 'gateway']`), as the engine layer knows nothing of GraphQL. The GraphQL
 * layer places it under the input the options came from (src/graphql/run-mutation.ts).
 */
export class InvalidOptionsError extends Error {
  readonly problems: UserErrorInit[];

  constructor(problems: UserErrorInit[]) {
    super(problems.map((e) => e.message).join('; '));
    this.name = 'InvalidOptionsError';
    this.problems = problems;
  }
}

/**
 * Throws the problems found, if any: the common end of every validation. GraphQL code
 * throws them as a UserInputError (paths are input paths already); the engine layer passes
 * InvalidOptionsError (paths inside its options).
 */
export function rejectIfAny(problems: readonly UserErrorInit[], as: new (problems: UserErrorInit[]) => Error = UserInputError): void {
  if (problems.length > 0) throw new as([...problems]);
}

/** Whether an error is the NOT_FOUND the engine layer raises for a 404 (and lookups for a missing object). */
export function isNotFound(err: unknown): boolean {
  return err instanceof GatewayError && err.code === 'NOT_FOUND';
}

export function notFound(kind: string, ref: string): GatewayError {
  return new GatewayError('NOT_FOUND', `${kind} "${ref}" not found`);
}
