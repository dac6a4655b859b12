// References to engine objects follow Docker's grammar before any path is built from them:
// the one checker (src/validate/references.ts), the one path builder (src/docker/api/
// engine-path.ts) and the lookups of the loaders all refuse the crafted references that
// made dockerd answer with a redirect, with a typed error (BAD_REQUEST / INVALID_VALUE).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectPath } from '../../../src/docker/api/engine-path.ts';
import { ClusterLoaders } from '../../../src/docker/loaders.ts';
import type { ClusterClient } from '../../../src/docker/cluster-client.ts';
import { InvalidReferenceError } from '../../../src/errors/gateway-error.ts';
import { checkedReference, referenceProblem, validateReference } from '../../../src/validate/references.ts';
import { fieldHolding } from '../../../src/graphql/run-mutation.ts';

/** What the fuzz found crashing the gateway, and their relatives. */
const CRAFTED = ['../../../127.0.0.1:1/x', '..', '.', 'a//b', 'a/b', '//x', 'x/', '%2e%2e', 'a b', '-x', '_x', '.hidden', 'a\u0000b', 'a?b', 'a#b', 'é', 'a\\b', ''];
const GOOD = ['web', 'a', '3f2a', 'my_container.1-x', 'worker-1', 'n4xk2h1e9q7c0v3b5m8z6l0p2', 'f'.repeat(64), 'Web.App_1'];

test('names, IDs and ID prefixes pass; each crafted reference is refused with a reason', () => {
  for (const kind of ['container', 'network', 'service', 'node', 'task'] as const) {
    for (const ok of GOOD) assert.equal(referenceProblem(kind, ok), null, `${kind} ${ok}`);
    for (const bad of CRAFTED) assert.match(referenceProblem(kind, bad) ?? '', /is not a|is required/, `${kind} ${JSON.stringify(bad)}`);
    assert.match(referenceProblem(kind, 'a'.repeat(256)) ?? '', /at most 255/);
  }
});

test('a container name may carry Docker\'s leading "/", which is dropped; other kinds may not', () => {
  assert.equal(checkedReference('container', '/web'), 'web');
  assert.equal(objectPath('container', '/web', 'json'), '/containers/web/json');
  for (const bad of ['/', '//web', '/../x', '/a/b']) assert.notEqual(referenceProblem('container', bad), null, bad);
  assert.notEqual(referenceProblem('network', '/web'), null);
});

test('validateReference reports an INVALID_VALUE userError at the field', () => {
  assert.deepEqual(validateReference('network', 'ok-net', ['input', 'network']), []);
  const [e] = validateReference('network', '../x', ['input', 'network']);
  assert.equal(e!.code, 'INVALID_VALUE');
  assert.deepEqual(e!.field, ['input', 'network']);
  assert.match(e!.message, /"\.\.\/x" is not a network ID or name/);
});

test('the path builder refuses every crafted reference with InvalidReferenceError (BAD_REQUEST) and builds one segment otherwise', () => {
  for (const bad of CRAFTED) {
    assert.throws(() => objectPath('container', bad, 'json'), (err: unknown) => err instanceof InvalidReferenceError && err.code === 'BAD_REQUEST' && err.reference === bad);
  }
  assert.equal(objectPath('network', 'my.net', 'connect'), '/networks/my.net/connect');
  assert.equal(objectPath('node', 'abc'), '/nodes/abc');
});

test('loader lookups refuse a crafted reference before reading anything', async () => {
  let calls = 0;
  const client = { name: 'c', request: async () => { calls++; return []; } } as unknown as ClusterClient;
  const loaders = new ClusterLoaders(client);
  for (const lookup of [(r: string) => loaders.network(r), (r: string) => loaders.service(r), (r: string) => loaders.node(r)]) {
    await assert.rejects(lookup('../../x'), InvalidReferenceError);
  }
  assert.equal(calls, 0);
  assert.equal(await loaders.network('missing'), null);
});

test('a refusal inside a mutation is reported at the input field holding the reference', () => {
  const input = { cluster: 'c', networks: [{ target: 'ok' }, { target: '../x' }] };
  assert.deepEqual(fieldHolding(input, '../x'), ['input', 'networks', '1', 'target']);
  assert.equal(fieldHolding(input, 'nowhere'), null);
});
