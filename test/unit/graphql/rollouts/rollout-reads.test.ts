// Reading rollouts against a fake engine: rollout(id) with its service, for those who may read
// the service (a team's viewer sees its team's, another team's is NOT_FOUND like a missing
// one); a service's rollouts newest first, paged; rolloutUpdated streaming a rollout to its
// conclusion, refused for a rollout out of the subscriber's scope.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { serviceSpec, type Json } from '../../../support/fake-engine/state.ts';
import { startFakeGateway, type FakeGateway } from '../../../support/fake-gateway.ts';

const ROLLOUT = 'id kind status conclusion serviceId serviceName cluster desired running service { id name }';
/** A 1 ms monitor period: a converged rollout concludes at the tracker's next look. */
const QUICK: Json = { UpdateConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 1_000_000, MaxFailureRatio: 0, Order: 'stop-first' } };

describe('rollout reads', () => {
  let fg: FakeGateway;
  let url: string;
  const clients: Client[] = [];
  before(async () => {
    fg = await startFakeGateway({ trackRollouts: true });
    const server = fg.gateway.gateway.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await fg.stop();
  });

  /** A service of `team` updated to a new image: the rollout of that update. */
  async function rolloutOf(name: string, team: string): Promise<{ id: string; serviceId: string }> {
    const service = fg.engine.state.addService(serviceSpec(name, { ...QUICK, Labels: { team } }));
    const answer = await fg.mutate('serviceUpdate', { id: service.ID, image: 'sg-busybox:v2' }, 'rollout { id }');
    assert.deepEqual(answer.userErrors, []);
    return { id: answer.payload!.rollout.id, serviceId: service.ID };
  }
  const readRollout = (id: string, token?: string) =>
    fg.gql(`query($id: ID!) { rollout(id: $id) { ${ROLLOUT} } }`, { id }, token ? { token } : {});

  test('rollout(id): the rollout with its service now, for the admin and for its team\'s viewer', async () => {
    const { id, serviceId } = await rolloutOf('rr-pay', 'payments');
    const admin = await readRollout(id);
    assert.equal(admin.errors, undefined);
    assert.equal(admin.data.rollout.id, id);
    assert.equal(admin.data.rollout.kind, 'UPDATE');
    assert.equal(admin.data.rollout.cluster, 'fake');
    assert.deepEqual(admin.data.rollout.service, { id: serviceId, name: 'rr-pay' });
    const team = await readRollout(id, await fg.tokenFor('viewer@fake:team=payments'));
    assert.equal(team.errors, undefined);
    assert.equal(team.data.rollout.id, id);
  });

  test('rollout(id) of another team\'s service, an unknown UUID or text that is no UUID: NOT_FOUND', async () => {
    const { id } = await rolloutOf('rr-search', 'search');
    const token = await fg.tokenFor('viewer@fake:team=payments');
    for (const ref of [id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const answer = await readRollout(ref, token);
      assert.deepEqual(answer.errors?.map((e) => e.extensions?.code), ['NOT_FOUND'], ref);
    }
    const admin = await readRollout('not-a-uuid');
    assert.deepEqual(admin.errors?.map((e) => e.extensions?.code), ['NOT_FOUND']);
  });

  test('Service.rollouts: newest first, paged with first and after; a cursor not given out is BAD_REQUEST', async () => {
    const first = await rolloutOf('rr-history', 'payments');
    const second = await fg.mutate('serviceUpdate', { id: 'rr-history', force: true }, 'rollout { id }');
    const page = `query($after: String) { service(id: "rr-history") { rollouts(first: 1, after: $after) { totalCount nodes { id kind } edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    const one = await fg.gql(page);
    assert.equal(one.errors, undefined);
    const r1 = one.data.service.rollouts;
    assert.equal(r1.totalCount, 2);
    assert.deepEqual(r1.nodes, [{ id: second.payload!.rollout.id, kind: 'REDEPLOY' }]);
    assert.deepEqual([r1.pageInfo.hasNextPage, r1.pageInfo.hasPreviousPage], [true, false]);
    assert.equal(r1.edges[0].cursor, r1.pageInfo.endCursor);
    const two = await fg.gql(page, { after: r1.pageInfo.endCursor });
    const r2 = two.data.service.rollouts;
    assert.deepEqual(r2.nodes, [{ id: first.id, kind: 'UPDATE' }]);
    assert.deepEqual([r2.pageInfo.hasNextPage, r2.pageInfo.hasPreviousPage], [false, true]);
    const bad = await fg.gql(page, { after: 'garbage' });
    assert.deepEqual(bad.errors?.map((e) => e.extensions?.code), ['BAD_REQUEST']);
  });

  const client = (authorization: string) => {
    const c = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization } });
    clients.push(c);
    return c;
  };
  const SUBSCRIPTION = 'subscription($id: ID!) { rolloutUpdated(id: $id) { id status conclusion running desired } }';

  test('rolloutUpdated: the rollout now, then its changes, ending with the concluded one', async () => {
    const service = fg.engine.state.addService(serviceSpec('rr-streamed', { ...QUICK, Labels: { team: 'payments' }, Mode: { Replicated: { Replicas: 2 } } }));
    const answer = await fg.mutate('serviceUpdate', { id: service.ID, image: 'sg-busybox:v2' }, 'rollout { id }');
    const id = answer.payload!.rollout.id;
    const seen: Json[] = [];
    const read = (async () => {
      for await (const result of client(`Bearer ${await fg.tokenFor('viewer@fake:team=payments')}`).iterate<Json>({ query: SUBSCRIPTION, variables: { id } })) {
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        seen.push(result.data!.rolloutUpdated);
      }
    })();
    await Promise.race([read, new Promise((_, reject) => setTimeout(() => reject(new Error(`not concluded within 10 s: ${JSON.stringify(seen)}`)), 10_000))]);
    assert.ok(seen.length >= 1);
    assert.ok(seen.every((r) => r.id === id));
    assert.deepEqual(seen.at(-1), { id, status: 'COMPLETED', conclusion: 'SUCCEEDED', running: 2, desired: 2 });
    assert.ok(seen.slice(0, -1).every((r) => r.conclusion === null), 'only the last one carries the conclusion');
  });

  test('rolloutUpdated of another team\'s rollout: the subscription fails NOT_FOUND, nothing streamed', async () => {
    const { id } = await rolloutOf('rr-hidden', 'search');
    const denied = client(`Bearer ${await fg.tokenFor('viewer@fake:team=payments')}`).iterate<Json>({ query: SUBSCRIPTION, variables: { id } });
    await assert.rejects(denied.next(), (errors: unknown) => Array.isArray(errors) && errors.length === 1 && (errors as Json[])[0]!.extensions?.code === 'NOT_FOUND');
  });

  // Last: the removed service's rollout is still tracked afterwards.
  test('Rollout.service is null once the service is removed; the rollout stays readable', async () => {
    const { id, serviceId } = await rolloutOf('rr-gone', 'payments');
    fg.engine.state.removeService(fg.engine.state.services.get(serviceId)!);
    const answer = await readRollout(id);
    assert.equal(answer.data.rollout.id, id);
    assert.equal(answer.data.rollout.serviceName, 'rr-gone');
    assert.equal(answer.data.rollout.service, null);
  });
});
