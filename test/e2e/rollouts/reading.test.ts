// Reading rollouts on a real one-node swarm: a newer update supersedes the one in progress,
// `wait` answers with the conclusion in the payload itself, `rolloutUpdated` streams a rollout
// from its current state to its conclusion over graphql-ws, `Service.rollouts` lists a
// service's rollouts newest first, and a team-scoped deployer cannot read another team's.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { IDLE } from '../../support/dashboard-query.ts';
import { tokenFor } from '../../support/identity.ts';
import {
  concluded, dataOf, engineService, engineTasks, readRollout, rolloutWhere, ROLLOUT_FIELDS, startRollout, startRolloutGateway, type RolloutGateway,
} from '../../support/rollouts.ts';
import { swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ro-reading';
const IMAGE = 'sg-busybox:latest';

type Json = Record<string, any>;

describe('reading rollouts', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let rg: RolloutGateway;
  let ws: Client;

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    rg = await startRolloutGateway(swarm, SWARM);
    ws = createClient({ url: rg.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: rg.gw.adminAuthorization } });
  });

  after(async () => {
    await ws?.dispose();
    await rg?.close();
    await swarmDown(SWARM);
  });

  async function createConverged(input: Json): Promise<Json> {
    const { rollout } = await startRollout(rg.gql, 'serviceCreate', { image: IMAGE, args: IDLE, ...input });
    const done = await concluded(rg.gql, rollout.id);
    assert.equal(done.conclusion, 'SUCCEEDED', `${input.name} created: ${done.reason}`);
    return done;
  }

  /** Every message of `rolloutUpdated(id)` until the stream completes (or fails the test after `timeoutMs`). */
  async function streamOf(id: string, timeoutMs = 90_000): Promise<Json[]> {
    const messages: Json[] = [];
    const updates = ws.iterate<{ rolloutUpdated: Json }>({ query: `subscription($id: ID!) { rolloutUpdated(id: $id) { ${ROLLOUT_FIELDS} } }`, variables: { id } });
    const timer = setTimeout(() => void updates.return?.(), timeoutMs);
    try {
      for await (const result of updates) {
        assert.equal(result.errors, undefined, JSON.stringify(result.errors));
        messages.push(result.data!.rolloutUpdated);
      }
    } finally {
      clearTimeout(timer);
    }
    assert.ok(messages.at(-1)?.conclusion, `the stream of ${id} ended without a conclusion (after ${messages.length} messages, or ${timeoutMs} ms)`);
    return messages;
  }

  test('a second update during a slow first one: the first concludes SUPERSEDED by the second, which SUCCEEDS', async () => {
    await createConverged({ name: 'ro-super', replicas: 3, updateConfig: { parallelism: 1, delay: '5s', monitor: '1s' } });
    const first = (await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-super', envAdd: ['STEP=1'] })).rollout;
    // The first is under way (its first slot replaced), with two slots and 5 s delays to go.
    await rolloutWhere(rg.gql, first.id, 'a slot up to date', (r) => r.upToDate >= 1 && !r.conclusion);
    const second = (await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-super', envAdd: ['STEP=2'] })).rollout;
    assert.notEqual(second.id, first.id);

    const superseded = await concluded(rg.gql, first.id);
    assert.equal(superseded.conclusion, 'SUPERSEDED', superseded.reason);
    assert.equal(superseded.supersededBy, second.id);
    assert.equal(superseded.status, 'COMPLETED');
    const done = await concluded(rg.gql, second.id, 120_000);
    assert.equal(done.conclusion, 'SUCCEEDED', done.reason);
    assert.deepEqual([done.desired, done.running, done.upToDate, done.failed], [3, 3, 3, 0]);
    assert.equal(done.supersededBy, null);
    // The Engine: every running task has the second spec.
    const running = (await engineTasks(manager, 'ro-super')).filter((t) => t.DesiredState === 'running' && t.Status.State === 'running');
    assert.equal(running.length, 3);
    for (const t of running) assert.ok(t.Spec.ContainerSpec.Env.includes('STEP=2'), `task ${t.ID} runs the second spec`);
  });

  test('wait: 60 on serviceUpdate answers with the concluded rollout in the payload itself', async () => {
    await createConverged({ name: 'ro-wait', replicas: 2, updateConfig: { parallelism: 1, monitor: '1s' } });
    const sentAt = Date.now();
    const { rollout } = await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-wait', envAdd: ['WAITED=1'], wait: 60 });
    const answeredAt = Date.now();
    assert.equal(rollout.conclusion, 'SUCCEEDED', rollout.reason);
    assert.equal(rollout.status, 'COMPLETED');
    assert.ok(rollout.concludedAt, 'concludedAt is set in the payload');
    assert.ok(Date.parse(rollout.concludedAt) <= answeredAt + 1000 && Date.parse(rollout.concludedAt) >= sentAt - 1000, `concluded ${rollout.concludedAt} while the request was open`);
    assert.deepEqual([rollout.desired, rollout.running, rollout.upToDate], [2, 2, 2]);
    // The same as rollout(id) reads it afterwards.
    const read = await readRollout(rg.gql, rollout.id);
    assert.deepEqual([read.conclusion, read.concludedAt], [rollout.conclusion, rollout.concludedAt]);
    assert.equal((await engineService(manager, 'ro-wait')).UpdateStatus?.State, 'completed');
  });

  test('rolloutUpdated streams a rollout: its state at once, then its progress, ending with the conclusion', async () => {
    await createConverged({ name: 'ro-stream', replicas: 2, updateConfig: { parallelism: 1, delay: '2s', monitor: '1s' } });
    const { rollout } = await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-stream', envAdd: ['STREAMED=1'] });
    const messages = await streamOf(rollout.id);
    const [first] = messages;
    const last = messages.at(-1)!;
    assert.equal(first!.id, rollout.id);
    assert.equal(first!.conclusion, null, 'the first message is the rollout as it stood when subscribed, unconcluded');
    assert.ok(first!.upToDate < 2, `first message upToDate ${first!.upToDate}`);
    assert.ok(messages.length >= 3, `state, progress and conclusion: ${messages.length} messages`);
    const trace = JSON.stringify(messages.map((m) => [m.status, m.upToDate, m.running, m.slots.map((x: Json) => x.state)]));
    // Progress shows in between: messages after the first and before the conclusion, each a change.
    const between = messages.slice(1, -1);
    assert.ok(between.some((m) => m.upToDate !== first!.upToDate || m.running !== first!.running || m.status !== first!.status), trace);
    for (let i = 1; i < messages.length; i++) assert.notDeepEqual(messages[i], messages[i - 1], `message ${i} repeats the one before: ${trace}`);
    // Counts never go back in a rollout that converges.
    for (let i = 1; i < messages.length; i++) assert.ok(messages[i]!.upToDate >= messages[i - 1]!.upToDate);
    // Only the last carries the conclusion.
    assert.deepEqual(messages.slice(0, -1).filter((m) => m.conclusion), []);
    assert.equal(last.conclusion, 'SUCCEEDED', last.reason);
    assert.equal(last.status, 'COMPLETED');
    assert.deepEqual([last.running, last.upToDate], [2, 2]);
    assert.deepEqual(await readRollout(rg.gql, rollout.id), last);

    // Subscribing to a concluded rollout: its final state, and the stream completes.
    assert.deepEqual(await streamOf(rollout.id, 15_000), [last]);
  });

  test('Service.rollouts lists the service\'s rollouts newest first (SCALE, UPDATE, CREATE), with paging', async () => {
    const created = (await startRollout(rg.gql, 'serviceCreate', { name: 'ro-history', image: IMAGE, args: IDLE, replicas: 1, updateConfig: { monitor: '1s' }, wait: 60 })).rollout;
    const updated = (await startRollout(rg.gql, 'serviceUpdate', { id: 'ro-history', envAdd: ['H=1'], wait: 60 })).rollout;
    const scaled = (await startRollout(rg.gql, 'serviceScale', { id: 'ro-history', replicas: 2, wait: 60 })).rollout;
    assert.deepEqual([created.kind, updated.kind, scaled.kind], ['CREATE', 'UPDATE', 'SCALE']);
    for (const r of [created, updated, scaled]) assert.equal(r.conclusion, 'SUCCEEDED', `${r.kind}: ${r.reason}`);

    const page = async (first: number, after?: string) =>
      dataOf(await rg.gql(`query($id: ID!, $first: Int, $after: String) { service(id: $id) { rollouts(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id kind conclusion } } } }`, { id: 'ro-history', first, after })).service.rollouts as Json;
    const all = await page(10);
    assert.equal(all.totalCount, 3);
    assert.deepEqual(all.nodes.map((n: Json) => [n.id, n.kind, n.conclusion]), [
      [scaled.id, 'SCALE', 'SUCCEEDED'],
      [updated.id, 'UPDATE', 'SUCCEEDED'],
      [created.id, 'CREATE', 'SUCCEEDED'],
    ]);
    assert.equal(all.pageInfo.hasNextPage, false);
    const one = await page(1);
    assert.deepEqual([one.nodes.map((n: Json) => n.id), one.totalCount, one.pageInfo.hasNextPage], [[scaled.id], 3, true]);
    const next = await page(2, one.pageInfo.endCursor);
    assert.deepEqual([next.nodes.map((n: Json) => n.id), next.pageInfo.hasNextPage], [[updated.id, created.id], false]);
    assert.equal((await engineService(manager, 'ro-history')).Spec.Mode.Replicated.Replicas, 2);
  });

  test('a team-scoped deployer reads its own team\'s rollouts, and another team\'s is NOT_FOUND', async () => {
    const deployer = rg.as(await tokenFor(['deployer:team=payments']));
    const others = (await startRollout(rg.gql, 'serviceCreate', { name: 'ro-billing', image: IMAGE, args: IDLE, labels: [{ key: 'team', value: 'billing' }] })).rollout;
    const own = (await startRollout(deployer, 'serviceCreate', { name: 'ro-payments', image: IMAGE, args: IDLE })).rollout;
    assert.equal((await readRollout(deployer, own.id)).serviceName, 'ro-payments');
    const refused = await deployer(`query($id: ID!) { rollout(id: $id) { id serviceName } }`, { id: others.id });
    assert.deepEqual(refused.errors?.map((e) => e.extensions?.code), ['NOT_FOUND'], JSON.stringify(refused));
    assert.doesNotMatch(JSON.stringify(refused), /ro-billing/, 'nothing of the other team\'s rollout is shown');
    // Nor through the subscription.
    const scoped = createClient({ url: rg.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${await tokenFor(['deployer:team=payments'])}` } });
    try {
      const denied = scoped.iterate({ query: 'subscription($id: ID!) { rolloutUpdated(id: $id) { id serviceName } }', variables: { id: others.id } });
      await assert.rejects(denied.next(), (errors: unknown) => Array.isArray(errors) && (errors as Json[])[0]?.extensions?.code === 'NOT_FOUND');
    } finally {
      await scoped.dispose();
    }
  });
});
