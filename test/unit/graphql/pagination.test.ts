import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../../src/errors/gateway-error.ts';
import { paginate } from '../../../src/graphql/pagination.ts';

const items = ['d', 'a', 'c', 'b', 'e'].map((name) => ({ name }));
const key = (i: { name: string }) => i.name;

test('pages follow the sort key and chain through endCursor', () => {
  const first = paginate(items, key, { first: 2 });
  assert.deepEqual(first.nodes.map(key), ['a', 'b']);
  assert.equal(first.totalCount, 5);
  assert.equal(first.pageInfo.hasNextPage, true);
  assert.equal(first.pageInfo.hasPreviousPage, false);
  const second = paginate(items, key, { first: 2, after: first.pageInfo.endCursor });
  assert.deepEqual(second.nodes.map(key), ['c', 'd']);
  const third = paginate(items, key, { first: 2, after: second.pageInfo.endCursor });
  assert.deepEqual(third.nodes.map(key), ['e']);
  assert.equal(third.pageInfo.hasNextPage, false);
  assert.equal(third.pageInfo.hasPreviousPage, true);
});

test('a cursor whose item is gone continues after where it would sort', () => {
  const cursor = paginate(items, key, { first: 3 }).pageInfo.endCursor; // after "c"
  const page = paginate(items.filter((i) => i.name !== 'c'), key, { first: 5, after: cursor });
  assert.deepEqual(page.nodes.map(key), ['d', 'e']);
});

test('page sizes outside 1-100 are refused', () => {
  for (const first of [0, -1, 101, 1.5]) {
    assert.throws(() => paginate(items, key, { first }), (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST');
  }
});

test('an after that is not a cursor of ours is BAD_REQUEST: garbage, plain base64, padding, a raw key', () => {
  const badRequest = (e: unknown) => e instanceof GatewayError && e.code === 'BAD_REQUEST' && /cursor/.test(e.message);
  for (const after of ['%%%', 'bm90LWEtY3Vyc29y', Buffer.from('c').toString('base64url'), 'a2s6Yw==', 'a2s6Y', '\u0000']) {
    assert.throws(() => paginate(items, key, { first: 2, after }), badRequest, after);
  }
});

test('audit cursors: garbage, a seq past int8 and a non-canonical seq are not cursors', async () => {
  const { decodeAuditCursor, encodeAuditCursor } = await import('../../../src/audit/audit-query.ts');
  const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  assert.equal(decodeAuditCursor(encodeAuditCursor(42n)), 42n);
  assert.equal(decodeAuditCursor(cursor('seq:9223372036854775807')), 9223372036854775807n);
  for (const bad of [cursor('seq:9223372036854775808'), cursor('seq:9999999999999999999'), cursor('seq:0'), cursor('seq:01'), cursor('seq:-1'), '%%%', 'c2VxOjE=']) {
    assert.equal(decodeAuditCursor(bad), null, bad);
  }
});
