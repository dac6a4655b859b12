// A stale `?version=` comes back from swarmkit as a 500 "update out of sequence"; the
// caller can fix it by re-reading, so it must be a VERSION_CONFLICT userError on the
// version field, while other engine failures pass through untouched.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineRequestError } from '../../../src/docker/engine-errors.ts';
import { UserInputError } from '../../../src/errors/gateway-error.ts';
import { versionConflictAsUserError } from '../../../src/graphql/services/version-conflict.ts';

describe('versionConflictAsUserError', () => {
  test('"update out of sequence" (Docker 20.10\'s answer) becomes VERSION_CONFLICT on input.version', async () => {
    const stale = new EngineRequestError(500, 'rpc error: code = Unknown desc = update out of sequence');
    await assert.rejects(
      versionConflictAsUserError(() => Promise.reject(stale)),
      (err: unknown) => {
        assert.ok(err instanceof UserInputError);
        assert.deepEqual(err.userErrors.map((e) => [e.code, e.field]), [['VERSION_CONFLICT', ['input', 'version']]]);
        assert.match(err.userErrors[0]!.message, /update out of sequence/);
        assert.doesNotMatch(err.userErrors[0]!.message, /rpc error/);
        return true;
      },
    );
  });

  test('other engine errors and successes pass through', async () => {
    const other = new EngineRequestError(400, 'rpc error: code = InvalidArgument desc = bad spec');
    await assert.rejects(versionConflictAsUserError(() => Promise.reject(other)), (err: unknown) => err === other);
    assert.equal(await versionConflictAsUserError(async () => 42), 42);
  });
});
