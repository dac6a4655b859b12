// Outgoing webhooks on a real one-node swarm, with PostgreSQL and the audit log: a receiver on
// loopback (allow-listed as 127.0.0.1:<port>) gets exactly one signed delivery per rollout
// conclusion and event (a failed rollout: CONCLUDED and FAILED) and checks the signature by the
// documented scheme; a receiver that answers 500 twice gets the same delivery on the third
// attempt, each attempt audited; URLs off the allow-list are refused with a userError and
// nothing is stored; a team deployer's webhook hears only of its team's services; serviceRemove
// is delivered as SERVICE_REMOVED.
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { verifyWebhookSignature } from '../../../src/webhooks/signature.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { IDLE } from '../../support/dashboard-query.ts';
import { configFor, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { concluded, startRollout } from '../../support/rollouts.ts';
import { swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'wh-hooks';
const IMAGE = 'sg-busybox:latest';
type Json = Record<string, any>;

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: Json;
}

/** A webhook receiver on loopback: records every request; `/flaky` answers 500 to the first two attempts of each delivery. */
async function startReceiver(): Promise<{ port: number; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const attemptsOf = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      got.push({ path: req.url ?? '', headers: req.headers, body, json: JSON.parse(body) as Json });
      const delivery = String(req.headers['x-swarm-gateway-delivery']);
      const n = (attemptsOf.get(delivery) ?? 0) + 1;
      attemptsOf.set(delivery, n);
      res.statusCode = req.url === '/flaky' && n <= 2 ? 500 : req.url === '/redirect' ? 302 : 200;
      if (req.url === '/redirect') res.setHeader('location', '/ok');
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    got,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const CREATE = `mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) {
  webhook { id url events cluster scope enabled createdBy } secret userErrors { field code message } } }`;
const UPDATE = 'mutation($input: WebhookUpdateInput!) { webhookUpdate(input: $input) { webhook { id enabled } userErrors { field code message } } }';
const LIST = `{ webhooks { id url scope deliveries(first: 50) { id event status attempts lastStatusCode lastError deliveredAt nextAttemptAt } } }`;

/** The receiver's check, written from the documented scheme alone: HMAC-SHA256 of `<timestamp>.<body>`, hex, as `v1=<hex>`. */
function signatureValid(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['x-swarm-gateway-timestamp']);
  const given = String(r.headers['x-swarm-gateway-signature']);
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

describe('webhooks', () => {
  let swarm: SwarmState;
  let db: AuditDb;
  let log: AuditLog;
  let gw: TestGateway;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let base: string;
  const hooks: Record<string, { id: string; secret: string }> = {};

  const count = async (table: string) => Number((await db.database.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  const at = (path: string) => receiver.got.filter((r) => r.path === path);
  const create = async (input: Json, token?: string) => {
    const res = await gw.gql(CREATE, { input }, token === undefined ? {} : { token });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data.webhookCreate as Json;
  };
  const hookNamed = async (path: string, input: Json = {}, token?: string) => {
    const payload = await create({ url: `${base}${path}`, events: ['ROLLOUT_CONCLUDED', 'ROLLOUT_FAILED'], ...input }, token);
    assert.deepEqual(payload.userErrors, []);
    hooks[path] = { id: payload.webhook.id, secret: input.secret ?? payload.secret };
    return payload;
  };
  const deliveriesOf = async (id: string): Promise<Json[]> => {
    const res = await gw.gql(LIST);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return (res.data.webhooks as Json[]).find((w) => w.id === id)!.deliveries as Json[];
  };
  /** Creates a converged service; returns its rollout as concluded. */
  const createService = async (name: string, labels: Json[] = []) => {
    const { rollout } = await startRollout((q, v) => gw.gql(q, v), 'serviceCreate', { name, image: IMAGE, args: IDLE, replicas: 1, labels });
    const done = await concluded((q, v) => gw.gql(q, v), rollout.id);
    assert.equal(done.conclusion, 'SUCCEEDED', done.reason);
    return done;
  };

  before(async () => {
    swarm = await swarmUp(SWARM);
    receiver = await startReceiver();
    base = `http://127.0.0.1:${receiver.port}`;
    const plain = configFor([swarm]);
    const config = { ...plain, webhooks: { ...plain.webhooks, allowedHosts: [`127.0.0.1:${receiver.port}`], backoffMs: 300, pollMs: 100, timeoutMs: 5_000 } };
    db = await openAuditDb('postgres', 'wh');
    log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings: config.audit, dataDir: db.dataDir, logger: pino({ level: 'silent' }) });
    gw = await startGateway(config, { database: db.database, audit: log.writer });
  });

  after(async () => {
    await gw?.stop();
    await log?.stop();
    await db?.close();
    await receiver?.close();
    await swarmDown(SWARM);
  });

  test('URLs off the allow-list are refused at their field and nothing is stored', async () => {
    const off = [
      [`http://127.0.0.1:${receiver.port + 1}/x`, 'NOT_PERMITTED'],
      [`http://127.0.0.1.nip.io:${receiver.port}/x`, 'NOT_PERMITTED'],
      [`http://localhost:${receiver.port}/x`, 'NOT_PERMITTED'],
      ['http://169.254.169.254/latest/meta-data/', 'NOT_PERMITTED'],
      [`http://127.0.0.1:${receiver.port}@evil.example/x`, 'INVALID_VALUE'],
      [`http://evil.example@127.0.0.1:${receiver.port}/x`, 'INVALID_VALUE'],
      [`${base}/x#frag`, 'INVALID_VALUE'],
      [`ftp://127.0.0.1:${receiver.port}/x`, 'INVALID_VALUE'],
    ];
    for (const [url, code] of off) {
      const payload = await create({ url, events: ['ROLLOUT_CONCLUDED'] });
      assert.equal(payload.webhook, null, url);
      assert.equal(payload.secret, null, url);
      assert.deepEqual(payload.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'url'], code]], `${url}: ${JSON.stringify(payload.userErrors)}`);
    }
    const short = await create({ url: `${base}/x`, events: ['ROLLOUT_CONCLUDED'], secret: 'too-short' });
    assert.deepEqual(short.userErrors.map((e: Json) => e.field), [['input', 'secret']]);
    const none = await create({ url: `${base}/x`, events: [] });
    assert.deepEqual(none.userErrors.map((e: Json) => e.field), [['input', 'events']]);
    assert.equal(await count('webhooks'), 0);
    // Refused attempts are on record like any mutation's.
    const refused = (await db.records()).filter((r) => r.operation === 'webhookCreate' && r.kind === 'outcome');
    assert.ok(refused.length >= off.length + 2 && refused.every((r) => r.outcome === 'failed'));
  });

  test('a webhook gets exactly one signed delivery per conclusion; the secret is returned once and never recorded', async () => {
    const given = 'a-receiver-chosen-secret-of-at-least-32-chars';
    const payload = await hookNamed('/ok', { secret: given, description: 'deploy bot' });
    assert.equal(payload.secret, null, 'a secret given in the input is not echoed');
    assert.deepEqual(payload.webhook.events, ['ROLLOUT_CONCLUDED', 'ROLLOUT_FAILED']);
    assert.equal(payload.webhook.scope, null);
    const generated = await hookNamed('/flaky', { events: ['ROLLOUT_CONCLUDED'] });
    assert.match(generated.secret, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');

    const done = await createService('wh-one');
    const mine = () => at('/ok').filter((r) => r.json.rollout?.id === done.id);
    await waitFor('the delivery of wh-one\'s conclusion', async () => mine().length > 0, 30_000, 100);
    const [delivery] = mine();
    assert.equal(delivery!.headers['x-swarm-gateway-event'], 'ROLLOUT_CONCLUDED');
    assert.equal(delivery!.headers['content-type'], 'application/json');
    assert.ok(signatureValid(given, delivery!), 'the signature verifies by the documented scheme');
    const now = Math.floor(Date.now() / 1000);
    assert.deepEqual(verifyWebhookSignature(given, String(delivery!.headers['x-swarm-gateway-timestamp']), delivery!.body, String(delivery!.headers['x-swarm-gateway-signature']), now), { valid: true });
    assert.equal(signatureValid(`${given}x`, delivery!), false);
    assert.deepEqual(delivery!.json, {
      event: 'ROLLOUT_CONCLUDED',
      rollout: {
        id: done.id, cluster: SWARM, serviceId: done.serviceId, serviceName: 'wh-one', kind: 'CREATE', conclusion: 'SUCCEEDED',
        reason: done.reason, startedAt: done.startedAt, concludedAt: done.concludedAt, startedBy: done.startedBy,
      },
    });
    // Delivered once: the stored row says so, and nothing more arrives over several polls.
    const rows = await waitFor('the delivery to be DELIVERED', async () => {
      const list = (await deliveriesOf(hooks['/ok']!.id)).filter((d) => d.id === delivery!.headers['x-swarm-gateway-delivery']);
      return list[0]?.status === 'DELIVERED' ? list : null;
    }, 10_000, 100);
    assert.deepEqual([rows[0]!.attempts, rows[0]!.lastStatusCode, rows[0]!.nextAttemptAt], [1, 200, null]);
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(mine().length, 1, 'exactly one delivery of one conclusion');
    // No success is also a failure event.
    assert.equal(mine().filter((r) => r.json.event === 'ROLLOUT_FAILED').length, 0);

    const text = JSON.stringify(await db.records(), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    assert.ok(!text.includes(given), 'the secret given is in no audit record');
    assert.ok(!text.includes(generated.secret), 'the secret generated is in no audit record');
    const intent = (await db.records()).find((r) => r.operation === 'webhookCreate' && r.kind === 'intent' && (r.input as Json)?.url === `${base}/ok`)!;
    assert.equal((intent.input as Json).secret, '[redacted]');
    const stored = await db.database.prisma.webhook.findUnique({ where: { id: hooks['/ok']!.id } });
    assert.equal(stored!.secret, given, 'the gateway keeps the secret to sign with');
  });

  test('a failed rollout is told twice, once per event asked for: ROLLOUT_CONCLUDED and ROLLOUT_FAILED, each signed, each once', async () => {
    const { rollout } = await startRollout((q, v) => gw.gql(q, v), 'serviceCreate', {
      name: 'wh-nowhere', image: IMAGE, args: IDLE, mode: 'GLOBAL', constraints: ['node.labels.nowhere==1'], deadline: 300,
    });
    const done = await concluded((q, v) => gw.gql(q, v), rollout.id, 60_000);
    assert.equal(done.conclusion, 'NO_ELIGIBLE_NODES', done.reason);
    const mine = () => at('/ok').filter((r) => r.json.rollout?.id === done.id);
    await waitFor('both events of wh-nowhere', async () => mine().length >= 2, 30_000, 100);
    await new Promise((r) => setTimeout(r, 800));
    assert.deepEqual(mine().map((r) => r.headers['x-swarm-gateway-event']).sort(), ['ROLLOUT_CONCLUDED', 'ROLLOUT_FAILED']);
    assert.equal(new Set(mine().map((r) => r.headers['x-swarm-gateway-delivery'])).size, 2, 'two deliveries');
    for (const r of mine()) {
      assert.ok(signatureValid(hooks['/ok']!.secret, r));
      assert.equal(r.json.event, r.headers['x-swarm-gateway-event']);
      assert.deepEqual([r.json.rollout.conclusion, r.json.rollout.reason], ['NO_ELIGIBLE_NODES', done.reason]);
    }
    // /flaky asked for ROLLOUT_CONCLUDED only.
    await waitFor('/flaky to get the conclusion', async () => at('/flaky').some((r) => r.json.rollout?.id === done.id && r.headers['x-swarm-gateway-event'] === 'ROLLOUT_CONCLUDED'), 30_000, 100);
    assert.equal(at('/flaky').filter((r) => r.json.rollout?.id === done.id && r.json.event === 'ROLLOUT_FAILED').length, 0);
  });

  test('a receiver that answers 500 twice gets the same delivery on the third attempt, each attempt audited', async () => {
    const flaky = hooks['/flaky']!;
    const done = await createService('wh-retry');
    const mine = () => at('/flaky').filter((r) => r.json.rollout?.id === done.id);
    await waitFor('the third attempt', async () => mine().length >= 3, 30_000, 100);
    const ids = new Set(mine().map((r) => r.headers['x-swarm-gateway-delivery']));
    assert.equal(ids.size, 1, 'one delivery ID on every attempt');
    const [deliveryId] = [...ids] as string[];
    for (const r of mine()) assert.ok(signatureValid(flaky.secret, r), 'every attempt is signed afresh');
    const row = await waitFor('DELIVERED after three attempts', async () => {
      const d = (await deliveriesOf(flaky.id)).find((x) => x.id === deliveryId);
      return d?.status === 'DELIVERED' ? d : null;
    }, 10_000, 100);
    assert.deepEqual([row.attempts, row.lastStatusCode, row.lastError], [3, 200, null]);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(mine().length, 3, 'no attempt after the one that succeeded');

    const records = await db.records();
    const intents = records.filter((r) => r.operation === 'webhookDelivery' && r.kind === 'intent' && (r.input as Json).deliveryId === deliveryId);
    assert.deepEqual(intents.map((r) => [r.principal, r.target, (r.input as Json).attempt, (r.input as Json).event, (r.input as Json).url]), [
      ['gateway', flaky.id, 1, 'ROLLOUT_CONCLUDED', `${base}/flaky`],
      ['gateway', flaky.id, 2, 'ROLLOUT_CONCLUDED', `${base}/flaky`],
      ['gateway', flaky.id, 3, 'ROLLOUT_CONCLUDED', `${base}/flaky`],
    ]);
    const outcomes = intents.map((i) => records.find((r) => r.kind === 'outcome' && r.intentId === i.id));
    assert.deepEqual(outcomes.map((o) => [o?.outcome, o?.errorCode ?? null]), [['failed', 'HTTP_500'], ['failed', 'HTTP_500'], ['succeeded', null]]);
  });

  test('a redirect is a failure and is not followed', async () => {
    await hookNamed('/redirect', { events: ['ROLLOUT_CONCLUDED'] });
    const done = await createService('wh-redirect');
    const mine = (path: string) => at(path).filter((r) => r.json.rollout?.id === done.id);
    await waitFor('two attempts at the redirecting receiver', async () => mine('/redirect').length >= 2, 30_000, 100);
    const row = (await deliveriesOf(hooks['/redirect']!.id)).find((d) => d.id === mine('/redirect')[0]!.headers['x-swarm-gateway-delivery'])!;
    assert.equal(row.lastStatusCode, 302);
    assert.match(row.lastError, /^HTTP_302.*not followed/);
    // /ok got wh-redirect's conclusion once, from its own webhook: none came through the redirect.
    await waitFor('the /ok webhook\'s delivery', async () => mine('/ok').length > 0, 30_000, 100);
    assert.equal(mine('/ok').length, 1);
    // Switched off: no more attempts while off.
    const off = await gw.gql(UPDATE, { input: { id: hooks['/redirect']!.id, enabled: false } });
    assert.deepEqual(off.data.webhookUpdate.userErrors, []);
    const seen = mine('/redirect').length;
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(mine('/redirect').length, seen);
  });

  test('a team deployer\'s webhook hears only of its team\'s services; it sees and manages only its own webhooks', async () => {
    const team = await tokenFor(['deployer:team=payments'], { subject: 'payments-bot' });
    const payload = await hookNamed('/team', { events: ['ROLLOUT_CONCLUDED', 'SERVICE_REMOVED'] }, team);
    assert.equal(payload.webhook.scope, 'team=payments');
    assert.equal(payload.webhook.createdBy, 'oidc:payments-bot');

    const pay = await createService('wh-pay', [{ key: 'team', value: 'payments' }]);
    const bill = await createService('wh-bill', [{ key: 'team', value: 'billing' }]);
    const heard = (path: string, id: string) => at(path).filter((r) => r.json.rollout?.id === id);
    // The unscoped webhook hears both; by then the team's has had every chance to hear of billing.
    await waitFor('the unscoped webhook to hear of both', async () => heard('/ok', pay.id).length > 0 && heard('/ok', bill.id).length > 0, 30_000, 100);
    await waitFor('the team webhook to hear of payments', async () => heard('/team', pay.id).length > 0, 30_000, 100);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(heard('/team', pay.id).length, 1);
    assert.equal(heard('/team', bill.id).length, 0, 'nothing of another team');
    assert.ok(signatureValid(hooks['/team']!.secret, heard('/team', pay.id)[0]!));

    const theirs = await gw.gql(LIST, {}, { token: team });
    assert.deepEqual((theirs.data.webhooks as Json[]).map((w) => w.id), [hooks['/team']!.id]);
    const mine = await gw.gql(LIST);
    assert.ok((mine.data.webhooks as Json[]).length >= 4, 'an unscoped admin sees every webhook');
    const touch = await gw.gql(UPDATE, { input: { id: hooks['/ok']!.id, enabled: false } }, { token: team });
    assert.equal(touch.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(touch));
    const viewer = await gw.gql(LIST, {}, { token: await tokenFor(['viewer']) });
    assert.equal(viewer.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  test('serviceRemove is delivered as SERVICE_REMOVED to the webhooks that asked, within their scope', async () => {
    const remove = 'mutation($id: ID!) { serviceRemove(input: { id: $id }) { removed { id name } userErrors { code } } }';
    const pay = await gw.gql(remove, { id: 'wh-pay' });
    assert.deepEqual(pay.data.serviceRemove.userErrors, []);
    const bill = await gw.gql(remove, { id: 'wh-bill' });
    assert.deepEqual(bill.data.serviceRemove.userErrors, []);
    const removed = (name: string) => at('/team').filter((r) => r.json.event === 'SERVICE_REMOVED' && r.json.service?.name === name);
    await waitFor('the removal of wh-pay', async () => removed('wh-pay').length > 0, 30_000, 100);
    const [r] = removed('wh-pay');
    assert.equal(r!.headers['x-swarm-gateway-event'], 'SERVICE_REMOVED');
    assert.deepEqual(Object.keys(r!.json).sort(), ['at', 'by', 'cluster', 'event', 'service']);
    assert.deepEqual([r!.json.cluster, r!.json.service, r!.json.by], [SWARM, { id: pay.data.serviceRemove.removed[0].id, name: 'wh-pay' }, 'oidc:test-admin']);
    assert.ok(signatureValid(hooks['/team']!.secret, r!));
    await new Promise((res) => setTimeout(res, 500));
    assert.equal(removed('wh-bill').length, 0, 'another team\'s removal is not told');
    assert.equal(at('/ok').filter((x) => x.json.event === 'SERVICE_REMOVED').length, 0, 'a webhook that did not ask is not told');
  });

  test('webhookRemove drops the webhook and its deliveries', async () => {
    const id = hooks['/redirect']!.id;
    const res = await gw.gql('mutation($id: ID!) { webhookRemove(input: { id: $id }) { removed { id name } userErrors { code } } }', { id });
    assert.deepEqual(res.data.webhookRemove, { removed: [{ id, name: `${base}/redirect` }], userErrors: [] });
    assert.equal(Number((await db.database.prisma.webhookDelivery.count({ where: { webhookId: id } }))), 0);
    const again = await gw.gql('mutation($id: ID!) { webhookRemove(input: { id: $id }) { removed { id } userErrors { code } } }', { id });
    assert.equal(again.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
