// A delivery survives its gateway: the gateway process is killed (SIGKILL) while the receiver
// holds the first attempt unanswered, and started again on the same PostgreSQL database. The
// row was claimed with a lease, so the new process sends it again only once the lease has
// passed, with the same delivery ID and a fresh signature; the receiver then takes it and it is
// DELIVERED. Start-up's catch-up of recent conclusions queues nothing twice: one row per event.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { IDLE } from '../../support/dashboard-query.ts';
import { configFor, waitFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { concluded, startRollout, type Gql } from '../../support/rollouts.ts';
import { swarmDown, swarmUp, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'wh-restart';
type Json = Record<string, any>;

interface Arrival {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe('a webhook delivery across a gateway killed mid-attempt', () => {
  let swarm: SwarmState;
  let db: AuditDb;
  let config: GatewayConfig;
  let server: http.Server;
  const arrivals: Arrival[] = [];
  const held: http.ServerResponse[] = [];
  const running: GatewayProcess[] = [];

  before(async () => {
    swarm = await swarmUp(SWARM);
    // The first request is held unanswered (the gateway dies meanwhile); later ones are taken.
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        arrivals.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (arrivals.length === 1) held.push(res);
        else res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const plain = configFor([swarm]);
    // timeoutMs 6 s (the kill comes well before it): the lease is 2 x 6 + 5 = 17 s (delivery-worker.ts).
    config = { ...plain, webhooks: { ...plain.webhooks, allowedHosts: [`127.0.0.1:${port}`], timeoutMs: 6_000, backoffMs: 200, pollMs: 100 } };
    db = await openAuditDb('postgres', SWARM);
  });

  after(async () => {
    for (const gw of running) await gw.kill();
    for (const res of held) res.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await db?.close();
    await swarmDown(SWARM);
  });

  test('SIGKILL while the receiver holds the attempt: sent again after the lease, same delivery ID, delivered once', async () => {
    const first = await spawnGateway(config, db.env());
    running.push(first);
    const gql: Gql = (q, v) => first.gql(q, v);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const made = await first.gql(
      'mutation($input: WebhookCreateInput!) { webhookCreate(input: $input) { webhook { id } secret userErrors { code message } } }',
      { input: { url, events: ['ROLLOUT_CONCLUDED'] } },
    );
    assert.deepEqual(made.data.webhookCreate.userErrors, []);
    const { id: webhookId } = made.data.webhookCreate.webhook as Json;
    const secret = made.data.webhookCreate.secret as string;

    const { rollout } = await startRollout(gql, 'serviceCreate', { name: 'wh-survivor', image: 'sg-busybox:latest', args: IDLE, replicas: 1 });
    const done = await concluded(gql, rollout.id);
    assert.equal(done.conclusion, 'SUCCEEDED', done.reason);

    await waitFor('the first attempt to arrive', async () => arrivals.length >= 1, 30_000, 50);
    const [row] = await db.database.prisma.webhookDelivery.findMany({ where: { webhookId } });
    assert.ok(row?.nextAttemptAt, 'the row is claimed: its next attempt is the lease');
    const leaseEnds = row.nextAttemptAt.getTime();
    await first.kill();

    const second = await spawnGateway(config, db.env());
    running.push(second);
    await waitFor('the attempt after the lease', async () => arrivals.length >= 2, 40_000, 100);
    const [a, b] = arrivals;
    assert.equal(b!.headers['x-swarm-gateway-delivery'], a!.headers['x-swarm-gateway-delivery'], 'the same delivery');
    assert.ok(b!.at >= leaseEnds - 50, `sent again ${leaseEnds - b!.at} ms before its lease ended`);
    assert.equal(b!.body, a!.body, 'the stored body, as before');
    const ts = String(b!.headers['x-swarm-gateway-timestamp']);
    assert.equal(b!.headers['x-swarm-gateway-signature'], `v1=${createHmac('sha256', secret).update(`${ts}.${b!.body}`).digest('hex')}`);
    assert.equal(JSON.parse(b!.body).rollout.id, done.id);

    const delivered = await waitFor('DELIVERED', async () => {
      const rows = await db.database.prisma.webhookDelivery.findMany({ where: { webhookId } });
      return rows.length === 1 && rows[0]!.status === 'DELIVERED' ? rows[0] : null;
    }, 10_000, 100);
    assert.equal(delivered.lastStatus, 200);
    // The restarted gateway read the conclusion back (catch-up) and queued nothing more.
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(await db.database.prisma.webhookDelivery.count({ where: { webhookId } }), 1);
    assert.equal(arrivals.length, 2);
  });
});
