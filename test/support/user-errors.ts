// Reading userErrors in tests: the shape comes from the generated schema types.
import assert from 'node:assert/strict';
import { InvalidOptionsError, UserInputError } from '../../src/errors/gateway-error.ts';
import type { UserError } from '../../src/generated/graphql.ts';

/** A userError as it arrives in a GraphQL response. */
export type UserErrorData = Omit<UserError, '__typename'>;

/** The [code, field] pairs of the UserInputError that `fn` throws; fails if it throws none. */
export function userErrorsOf(fn: () => unknown): [string, string[] | null][] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof UserInputError, String(err));
    return err.userErrors.map((e) => [e.code, e.field]);
  }
  assert.fail('expected a UserInputError');
}

/** The [code, field] pairs of the InvalidOptionsError (engine layer, paths inside the options) that `fn` throws. */
export function problemsOf(fn: () => unknown): [string, string[] | null][] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof InvalidOptionsError, String(err));
    return err.problems.map((e) => [e.code, e.field]);
  }
  assert.fail('expected an InvalidOptionsError');
}
