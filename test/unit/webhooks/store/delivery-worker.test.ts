// The delivery worker over an embedded database, with fetch replaced: what one attempt sends
// (signed stored body, no redirect following, a timeout), how each ending is recorded (2xx
// DELIVERED; a status, a timeout, a host taken off the allow-list: retried, then FAILED at
// maxAttempts) and audited, and that nothing is sent when its audit intent cannot be written.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { verifyWebhookSignature } from '../../../../src/webhooks/signature.ts';
import { DeliveryWorker } from '../../../../src/webhooks/delivery-worker.ts';
import { UrlAllowList } from '../../../../src/webhooks/url-allow-list.ts';
import { WebhookStore, type DeliveryRow } from '../../../../src/webhooks/webhook-store.ts';
import { openAuditDb, type AuditDb } from '../../../support/audit-db.ts';
import { recordingAudit } from '../../../support/fake-gateway.ts';

const SECRET = 'worker-test-secret-0123456789abcdef';
const SETTINGS = { timeoutMs: 10_000, backoffMs: 60_000, maxAttempts: 2, pollMs: 1_000 };

describe('webhook delivery worker', () => {
  let db: AuditDb;
  let store: WebhookStore;
  const audit = recordingAudit();
  const logger = pino({ level: 'silent' });

  before(async () => {
    db = await openAuditDb('pglite', 'unit-webhooks-worker');
    store = new WebhookStore(db.database);
  });
  after(async () => {
    await db?.close();
  });

  /** A webhook with one due delivery; returns the delivery's row. */
  async function queued(url: string, key: string): Promise<DeliveryRow> {
    const hook = await store.create({ url, events: ['SERVICE_REMOVED'], cluster: null, scope: null, secret: SECRET, description: null, createdBy: 'oidc:t' });
    await store.enqueue({ webhookId: hook.id, eventKey: key, event: 'SERVICE_REMOVED', body: { event: 'SERVICE_REMOVED', cluster: 'prod', service: { id: 's1', name: key } } });
    return (await store.deliveries(hook.id, 1))[0]!;
  }
  const reread = async (row: DeliveryRow) => (await store.deliveries(row.webhookId, 1))[0]!;
  const worker = (fetch: typeof globalThis.fetch, allowed = ['hooks.example.com'], fail = false) =>
    new DeliveryWorker({
      store,
      allowList: new UrlAllowList(allowed),
      settings: SETTINGS,
      audit: fail ? { ...audit, intent: async () => Promise.reject(new Error('audit log down')) } : audit,
      logger,
      fetch,
    });

  test('a 2xx delivers: the stored body, signed, POSTed without following redirects, audited as the gateway', async () => {
    const row = await queued('https://hooks.example.com/ok', 'ok');
    const calls: { url: string; init: RequestInit }[] = [];
    await worker(async (url, init) => {
      calls.push({ url: String(url), init: init! });
      return new Response(null, { status: 204 });
    }).deliverDue();
    assert.equal(calls.length, 1);
    const [{ url, init }] = calls as [{ url: string; init: RequestInit }];
    assert.equal(url, 'https://hooks.example.com/ok');
    assert.deepEqual([init.method, init.redirect, init.signal instanceof AbortSignal], ['POST', 'manual', true]);
    const headers = init.headers as Record<string, string>;
    assert.equal(init.body, JSON.stringify(row.body));
    assert.deepEqual([headers['X-Swarm-Gateway-Event'], headers['X-Swarm-Gateway-Delivery']], ['SERVICE_REMOVED', row.id]);
    const ts = headers['X-Swarm-Gateway-Timestamp']!;
    assert.deepEqual(verifyWebhookSignature(SECRET, ts, String(init.body), headers['X-Swarm-Gateway-Signature'], Number(ts)), { valid: true });
    const after = await reread(row);
    assert.deepEqual([after.status, after.attempts, after.lastStatus, after.deliveredAt !== null], ['DELIVERED', 1, 204, true]);
    const intent = audit.intents.find((i) => (i.input as { deliveryId: string }).deliveryId === row.id)!;
    assert.deepEqual([intent.operation, intent.principal.id, intent.target, intent.cluster, intent.input], [
      'webhookDelivery', 'gateway', row.webhookId, 'prod', { deliveryId: row.id, event: 'SERVICE_REMOVED', url: 'https://hooks.example.com/ok', attempt: 1 },
    ]);
    assert.deepEqual([audit.outcomes.find((o) => o.intentId === intent.id)?.status], ['succeeded']);
  });

  test('a 500 is retried after the backoff; at maxAttempts the delivery is FAILED', async () => {
    const row = await queued('https://hooks.example.com/down', 'down');
    const answer500 = async () => new Response('no', { status: 500 });
    await worker(answer500).deliverDue();
    const once = await reread(row);
    assert.deepEqual([once.status, once.attempts, once.lastStatus], ['PENDING', 1, 500]);
    assert.match(once.lastError ?? '', /^HTTP_500/);
    assert.ok(once.nextAttemptAt!.getTime() > Date.now() + SETTINGS.backoffMs / 2, 'not due again before its backoff');
    await worker(answer500).deliverDue();
    assert.equal((await reread(row)).attempts, 1, 'not tried again before it is due');
    await db.database.prisma.webhookDelivery.update({ where: { id: row.id }, data: { nextAttemptAt: new Date() } });
    await worker(answer500).deliverDue();
    const last = await reread(row);
    assert.deepEqual([last.status, last.attempts, last.nextAttemptAt], ['FAILED', 2, null]);
    const codes = audit.outcomes.filter((o) => o.objectIds?.includes(row.id)).map((o) => [o.status, o.errorCode]);
    assert.deepEqual(codes, [['failed', 'HTTP_500'], ['failed', 'HTTP_500']]);
  });

  test('a timeout, an unreachable receiver and a 3xx are failures with their codes', async () => {
    const cases: [string, typeof globalThis.fetch, RegExp, string][] = [
      ['slow', async () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), /^TIMEOUT: no answer within 10000 ms/, 'TIMEOUT'],
      ['gone', async () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })), /^UNREACHABLE: ECONNREFUSED/, 'UNREACHABLE'],
      ['moved', async () => new Response(null, { status: 301, headers: { location: 'http://169.254.169.254/' } }), /^HTTP_301.*not followed/, 'HTTP_301'],
    ];
    for (const [key, fetch, error, code] of cases) {
      const row = await queued(`https://hooks.example.com/${key}`, key);
      await worker(fetch).deliverDue();
      const after = await reread(row);
      assert.deepEqual([after.status, after.attempts], ['PENDING', 1], key);
      assert.match(after.lastError ?? '', error, key);
      assert.equal(audit.outcomes.find((o) => o.objectIds?.includes(row.id))?.errorCode, code, key);
    }
  });

  test('a host taken off the allow-list since the webhook was made is not called: REFUSED', async () => {
    const row = await queued('https://old.example.com/hook', 'refused');
    let called = false;
    await worker(async () => {
      called = true;
      return new Response(null, { status: 200 });
    }).deliverDue();
    assert.equal(called, false);
    const after = await reread(row);
    assert.deepEqual([after.status, after.attempts, after.lastStatus], ['PENDING', 1, null]);
    assert.match(after.lastError ?? '', /^REFUSED: .*old\.example\.com may not be called/);
    assert.equal(audit.outcomes.find((o) => o.objectIds?.includes(row.id))?.errorCode, 'REFUSED');
  });

  test('no audit intent, no request: the attempt is not made nor counted', async () => {
    const row = await queued('https://hooks.example.com/unaudited', 'unaudited');
    let called = false;
    await worker(async () => {
      called = true;
      return new Response(null, { status: 200 });
    }, ['hooks.example.com'], true).deliverDue();
    assert.equal(called, false);
    const after = await reread(row);
    assert.deepEqual([after.status, after.attempts], ['PENDING', 0]);
    assert.ok(after.nextAttemptAt!.getTime() > Date.now(), 'left under its lease, to be tried later');
  });
});
