// Start-up catch-up (embedded PGlite): a conclusion stored by a gateway that died before
// queuing its deliveries is queued at the next start, once, to the webhooks that existed at
// the conclusion and hear it; older conclusions and later webhooks are left alone.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { logAuditWriter } from '../../../../src/audit/audit-writer.ts';
import { webhooksSchema } from '../../../../src/config/config.ts';
import { Webhooks } from '../../../../src/webhooks/webhooks.ts';
import { WebhookStore } from '../../../../src/webhooks/webhook-store.ts';
import { openAuditDb, type AuditDb } from '../../../support/audit-db.ts';

let db: AuditDb;
before(async () => {
  db = await openAuditDb('pglite', 'unit-webhooks-missed');
});
after(async () => {
  await db?.close();
});

const NOW = new Date('2026-12-03T06:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

async function concludedRollout(concludedAt: Date, conclusion: string, labels: Record<string, string>): Promise<string> {
  const id = randomUUID();
  await db.database.prisma.rollout.create({
    data: {
      id, cluster: 'prod', serviceId: `svc-${id.slice(0, 8)}`, serviceName: 'web', serviceLabels: labels, kind: 'UPDATE', status: 'COMPLETED',
      conclusion, reason: null, serviceVersion: 3, tracking: {}, progress: {}, startedBy: 'oidc:bot', startedAt: minutesAgo(100),
      deadline: NOW, updatedAt: concludedAt, concludedAt,
    },
  });
  return id;
}

test('recent conclusions are queued again at start-up, once, to the webhooks that existed and hear them', async () => {
  const early = new WebhookStore(db.database, () => minutesAgo(30));
  const all = await early.create({ url: 'https://hooks.example.com/all', events: ['ROLLOUT_CONCLUDED', 'ROLLOUT_FAILED'], cluster: null, scope: null, secret: 's'.repeat(32), description: null, createdBy: 'oidc:a' });
  const team = await early.create({ url: 'https://hooks.example.com/team', events: ['ROLLOUT_CONCLUDED'], cluster: null, scope: 'team=payments', secret: 's'.repeat(32), description: null, createdBy: 'oidc:t' });
  const later = await new WebhookStore(db.database, () => minutesAgo(5)).create({ url: 'https://hooks.example.com/later', events: ['ROLLOUT_CONCLUDED'], cluster: null, scope: null, secret: 's'.repeat(32), description: null, createdBy: 'oidc:a' });

  const failed = await concludedRollout(minutesAgo(10), 'ROLLED_BACK', { team: 'billing' });
  const succeeded = await concludedRollout(minutesAgo(20), 'SUCCEEDED', { team: 'payments' });
  const old = await concludedRollout(minutesAgo(61), 'SUCCEEDED', { team: 'payments' });
  // One of them was queued before the crash.
  await early.enqueue({ webhookId: all.id, eventKey: `rollout:${succeeded}:ROLLOUT_CONCLUDED`, event: 'ROLLOUT_CONCLUDED', body: {} });

  const webhooks = new Webhooks({ database: db.database, audit: logAuditWriter(pino({ level: 'silent' })), settings: webhooksSchema.parse({}), logger: pino({ level: 'silent' }) });
  await webhooks.catchUp(NOW);
  await webhooks.catchUp(NOW);

  const keys = async (id: string) => (await db.database.prisma.webhookDelivery.findMany({ where: { webhookId: id } })).map((d) => d.eventKey).sort();
  assert.deepEqual(await keys(all.id), [`rollout:${failed}:ROLLOUT_CONCLUDED`, `rollout:${failed}:ROLLOUT_FAILED`, `rollout:${succeeded}:ROLLOUT_CONCLUDED`].sort());
  assert.deepEqual(await keys(team.id), [`rollout:${succeeded}:ROLLOUT_CONCLUDED`], 'a team webhook: only its team\'s');
  assert.deepEqual(await keys(later.id), [], 'a webhook made after the conclusions hears none of them');
  assert.ok(!(await keys(all.id)).some((k) => k.includes(old)), 'older than the window: left alone');
  const body = (await db.database.prisma.webhookDelivery.findFirst({ where: { webhookId: all.id, eventKey: `rollout:${failed}:ROLLOUT_FAILED` } }))!.body as Record<string, any>;
  assert.deepEqual([body.event, body.rollout.id, body.rollout.conclusion, body.rollout.concludedAt], ['ROLLOUT_FAILED', failed, 'ROLLED_BACK', minutesAgo(10).toISOString()]);
});
