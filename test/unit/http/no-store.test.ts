// Every /graphql answer tells caches not to keep it: cluster state and audit data are for
// the caller alone (Apollo's per-field cache hints are off; one header covers all answers).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFakeGateway, type FakeGateway } from '../../support/fake-gateway.ts';

let fg: FakeGateway;
before(async () => {
  fg = await startFakeGateway();
});
after(() => fg.stop());

test('a query, a GraphQL error and a request refused before GraphQL all say Cache-Control: no-store', async () => {
  const http = fg.gateway.http;
  const ok = await http.post('/graphql').set('content-type', 'application/json').send({ query: '{ whoami { id } }' });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers['cache-control'], 'no-store');
  const bad = await http.post('/graphql').set('content-type', 'application/json').send({ query: '{ nope }' });
  assert.equal(bad.headers['cache-control'], 'no-store');
  const unparsable = await http.post('/graphql').set('content-type', 'application/json').send('{');
  assert.ok(unparsable.status >= 400);
  assert.equal(unparsable.headers['cache-control'], 'no-store');
});
