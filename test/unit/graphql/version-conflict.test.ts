// The one version rule of every versioned mutation (services, nodes, the swarm): a version
// the caller gives that is not current is refused before the engine is asked; one that goes
// stale meanwhile comes back from swarmkit as a 500 "update out of sequence". Both are a
// VERSION_CONFLICT userError on input.version; other engine failures pass through untouched.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EngineRequestError } from '../../../src/docker/engine-errors.ts';
import { UserInputError } from '../../../src/errors/gateway-error.ts';
import { updateAtVersion } from '../../../src/graphql/version-conflict.ts';

const SERVICE = { label: 'The service "web"', version: 12 };

function conflict(check: (err: UserInputError) => void) {
  return (err: unknown) => {
    assert.ok(err instanceof UserInputError);
    check(err);
    return true;
  };
}

describe('updateAtVersion', () => {
  test('a given version that is not current: VERSION_CONFLICT on input.version, the engine not asked', async () => {
    let asked = false;
    await assert.rejects(
      updateAtVersion(SERVICE, 11, async () => void (asked = true)),
      conflict((err) => {
        assert.deepEqual(err.userErrors.map((e) => [e.code, e.field]), [['VERSION_CONFLICT', ['input', 'version']]]);
        assert.equal(err.userErrors[0]!.message, 'The service "web" changed since version 11 (it is at version 12 now); read it again and retry.');
      }),
    );
    assert.equal(asked, false);
  });

  test('no version given, or the current one: sent at the version read', async () => {
    const sent: number[] = [];
    for (const given of [undefined, null, 12]) await updateAtVersion(SERVICE, given, async (v) => void sent.push(v));
    assert.deepEqual(sent, [12, 12, 12]);
  });

  test('"update out of sequence" (Docker 20.10\'s answer) becomes VERSION_CONFLICT on input.version, without the gRPC wrapping', async () => {
    const stale = new EngineRequestError(500, 'rpc error: code = Unknown desc = update out of sequence');
    await assert.rejects(
      updateAtVersion(SERVICE, null, () => Promise.reject(stale)),
      conflict((err) => {
        assert.deepEqual(err.userErrors.map((e) => [e.code, e.field]), [['VERSION_CONFLICT', ['input', 'version']]]);
        assert.equal(err.userErrors[0]!.message, 'The service "web" changed since the version given (update out of sequence); read it again and retry.');
      }),
    );
  });

  test('an operation without a version argument (rollback, token rotation) points at no field', async () => {
    const stale = new EngineRequestError(500, 'rpc error: code = Unknown desc = update out of sequence');
    await assert.rejects(
      updateAtVersion({ label: 'The swarm', version: 3 }, null, () => Promise.reject(stale), { versioned: false }),
      conflict((err) => assert.deepEqual(err.userErrors.map((e) => [e.code, e.field]), [['VERSION_CONFLICT', null]])),
    );
  });

  test('other engine errors and successes pass through', async () => {
    const other = new EngineRequestError(400, 'rpc error: code = InvalidArgument desc = bad spec');
    await assert.rejects(updateAtVersion(SERVICE, null, () => Promise.reject(other)), (err: unknown) => err === other);
    assert.equal(await updateAtVersion(SERVICE, null, async () => 42), 42);
  });
});
