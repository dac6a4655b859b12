// The error vocabulary of the gateway, in one place. Top-level error codes travel in
// `extensions.code`; user error codes travel in payloads' `userErrors`. Both enums are
// declared in schema.graphql; these aliases keep every layer on the same names.
import type { ErrorCode, UserErrorCode } from '../generated/graphql.ts';

export type { ErrorCode, UserErrorCode };

/** A problem the caller can fix, reported in a payload's `userErrors`. */
export interface UserErrorInit {
  field: string[] | null;
  code: UserErrorCode;
  message: string;
}

export function userError(field: string[] | null, code: UserErrorCode, message: string): UserErrorInit {
  return { field, code, message };
}
