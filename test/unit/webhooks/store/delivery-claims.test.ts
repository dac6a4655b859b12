// Deliveries in the database (embedded PGlite): one row per webhook and event key however
// often the event is reported; a due row is claimed by exactly one taker, and a claimed row
// (its lease) is not due again until the lease has passed, as after a crash mid-attempt;
// attempts move it to DELIVERED, to a retry, or to FAILED. Clocks are given, not waited on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openAuditDb, type AuditDb } from '../../../support/audit-db.ts';
import { WebhookStore } from '../../../../src/webhooks/webhook-store.ts';

describe('webhook deliveries in the database', () => {
  let db: AuditDb;
  const clock = new Date('2026-12-03T06:00:00.000Z');
  let store: WebhookStore;
  const at = (iso: string) => new WebhookStore(db.database, () => new Date(iso));

  before(async () => {
    db = await openAuditDb('pglite', 'unit-webhooks');
    store = new WebhookStore(db.database, () => clock);
  });
  after(async () => {
    await db?.close();
  });

  test('an event is queued once per webhook, whoever reports it and however often', async () => {
    const hook = await store.create({ url: 'https://hooks.example.com/a', events: ['ROLLOUT_CONCLUDED'], cluster: null, scope: null, secret: 's'.repeat(32), description: null, createdBy: 'oidc:t' });
    const spec = { webhookId: hook.id, eventKey: 'rollout:r1:ROLLOUT_CONCLUDED', event: 'ROLLOUT_CONCLUDED' as const, body: { event: 'ROLLOUT_CONCLUDED' } };
    assert.equal(await store.enqueue(spec), true);
    assert.equal(await store.enqueue(spec), false);
    assert.equal(await new WebhookStore(db.database).enqueue(spec), false, 'another process reporting it too');
    assert.equal((await store.deliveries(hook.id, 10)).length, 1);
  });

  test('a due delivery is claimed by one taker; under its lease it is not due; after the lease it is', async () => {
    const [row] = await store.due(10);
    assert.ok(row);
    const lease = new Date('2026-12-03T06:00:30.000Z');
    const [first, second] = await Promise.all([store.claim(row, lease), store.claim(row, lease)]);
    assert.deepEqual([first, second].sort(), [false, true], 'exactly one of two concurrent claims wins');
    assert.equal(await store.claim(row, lease), false, 'a claim on what was read before the lease loses');
    assert.deepEqual(await at('2026-12-03T06:00:29.999Z').due(10), [], 'under the lease (a crashed attempt) nobody sends it');
    const [again] = await at('2026-12-03T06:00:30.000Z').due(10);
    assert.equal(again?.id, row.id, 'after the lease it is taken again');
    assert.equal(again?.attempts, 0);
  });

  test('attempts: a failure schedules the retry, then success delivers; the last allowed failure gives up', async () => {
    const [row] = await at('2026-12-03T06:00:30.000Z').due(10);
    const retried = await store.recordAttempt(row!, { delivered: false, status: 500, error: 'HTTP_500: the receiver answered 500', retryAt: new Date('2026-12-03T06:00:31.000Z') });
    assert.deepEqual([retried.status, retried.attempts, retried.lastStatus, retried.nextAttemptAt?.toISOString()], ['PENDING', 1, 500, '2026-12-03T06:00:31.000Z']);
    const delivered = await store.recordAttempt(retried, { delivered: true, status: 204 });
    assert.deepEqual([delivered.status, delivered.attempts, delivered.lastStatus, delivered.lastError, delivered.nextAttemptAt], ['DELIVERED', 2, 204, null, null]);
    assert.deepEqual(await at('2027-01-01T00:00:00.000Z').due(10), [], 'a delivered row is never due again');

    const hook = (await store.list())[0]!;
    await store.enqueue({ webhookId: hook.id, eventKey: 'rollout:r2:ROLLOUT_CONCLUDED', event: 'ROLLOUT_CONCLUDED', body: {} });
    const [next] = await store.due(10);
    const failed = await store.recordAttempt(next!, { delivered: false, status: null, error: 'TIMEOUT: no answer within 10000 ms', retryAt: null });
    assert.deepEqual([failed.status, failed.nextAttemptAt, failed.lastStatus], ['FAILED', null, null]);
    assert.deepEqual(await at('2027-01-01T00:00:00.000Z').due(10), []);
  });

  test('a disabled webhook\'s pending deliveries wait; removing a webhook drops them', async () => {
    const hook = (await store.list())[0]!;
    await store.enqueue({ webhookId: hook.id, eventKey: 'service-removed:c:s1', event: 'SERVICE_REMOVED', body: {} });
    await store.update(hook.id, { enabled: false });
    assert.deepEqual(await store.due(10), []);
    await store.update(hook.id, { enabled: true });
    assert.equal((await store.due(10)).length, 1);
    assert.equal(await store.remove(hook.id), true);
    assert.equal(await db.database.prisma.webhookDelivery.count({ where: { webhookId: hook.id } }), 0);
    assert.equal(await store.find(hook.id), null);
    assert.equal(await store.find('not-a-uuid'), null);
  });
});
