// The published-port clash swarmkit reports (controlapi checkPortConflicts) becomes
// PORT_IN_USE at the input field that asked for the port; the holder is named only to a
// caller whose scope is the whole cluster, and its ID never. Other refusals keep their codes,
// at the field the operation names for them, with the object refused named first.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ALL_OBJECTS, type Scope } from '../../../src/auth/access-decision.ts';
import { EngineRequestError } from '../../../src/docker/engine-errors.ts';
import { portField, userErrorFromEngine } from '../../../src/graphql/engine-user-errors.ts';

const SCOPED: Scope = { all: false, selectors: [[['team', 'payments']]] };
const clash = (port: number, mode = 'an ingress') =>
  new EngineRequestError(400, `rpc error: code = InvalidArgument desc = port '${port}' is already in use by service 'search-api' (yvgb4gq2k1m0x9) as ${mode} port`);

describe('engine refusals as userErrors', () => {
  test('PORT_IN_USE at the field the port came from: ports.<i>.publishedPort, publish.<i>, publishAdd.<i>', () => {
    const input = { ports: [{ targetPort: 81, publishedPort: 18081 }, { targetPort: 80, publishedPort: 18080 }], publish: ['9000:90', '18090-18092:80-82'], publishAdd: ['published=18100,target=80'] };
    assert.deepEqual(portField(input, 18080), ['input', 'ports', '1', 'publishedPort']);
    assert.deepEqual(portField(input, 18091), ['input', 'publish', '1']);
    assert.deepEqual(portField(input, 18100), ['input', 'publishAdd', '0']);
    assert.equal(portField(input, 1), null);
    assert.equal(portField(null, 18080), null);
    assert.deepEqual(userErrorFromEngine(clash(18080), { input, scope: SCOPED })?.field, ['input', 'ports', '1', 'publishedPort']);
  });

  test('a scoped caller reads "another service"; an unscoped one the name; nobody the ID', () => {
    const scoped = userErrorFromEngine(clash(18080), { input: { publish: ['18080:80'] }, scope: SCOPED })!;
    assert.equal(scoped.code, 'PORT_IN_USE');
    assert.equal(scoped.message, 'Published port 18080 is already in use by another service as an ingress port; choose another published port.');
    const unscoped = userErrorFromEngine(clash(18080, 'a host-mode'), { input: { publish: ['18080:80'] }, scope: ALL_OBJECTS })!;
    assert.equal(unscoped.message, "Published port 18080 is already in use by service 'search-api' as a host-mode port; choose another published port.");
    // Without a scope (a path that does not pass one), the holder stays unnamed.
    for (const e of [scoped, unscoped, userErrorFromEngine(clash(18080))!]) assert.doesNotMatch(e.message, /yvgb4g/);
    assert.doesNotMatch(userErrorFromEngine(clash(18080))!.message, /search-api/);
  });

  test('a field the operation knows for a kind of refusal wins; the object refused is named before the engine\'s words', () => {
    const taken = new EngineRequestError(409, 'rpc error: code = AlreadyExists desc = name conflicts with an existing object');
    assert.deepEqual(userErrorFromEngine(taken, { fields: { NAME_CONFLICT: ['input', 'name'] }, about: 'Service "web"' }), {
      field: ['input', 'name'],
      code: 'NAME_CONFLICT',
      message: 'Service "web": name conflicts with an existing object',
    });
    const inUse = new EngineRequestError(403, 'network x is in use by container y');
    assert.deepEqual(userErrorFromEngine(inUse, { field: ['input', 'ids', '1'], fields: { NAME_CONFLICT: ['input', 'name'] } })?.field, ['input', 'ids', '1']);
    assert.equal(userErrorFromEngine(inUse)?.field, null);
  });

  test('what is not the caller\'s to fix is no userError', () => {
    assert.equal(userErrorFromEngine(new EngineRequestError(500, 'rpc error: code = Internal desc = raft: stopped')), null);
    assert.equal(userErrorFromEngine(new Error('ECONNRESET')), null);
  });

  test('other refusals keep their codes', () => {
    assert.equal(userErrorFromEngine(new EngineRequestError(409, 'name conflicts with an existing object'))?.code, 'NAME_CONFLICT');
    assert.equal(userErrorFromEngine(new EngineRequestError(403, 'network x is in use by container y'))?.code, 'IN_USE');
  });
});
