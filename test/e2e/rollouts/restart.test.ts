// A rollout survives its gateway: the gateway process is killed (SIGKILL) in the middle of a
// slow rolling update and started again on the same PostgreSQL database; the new process
// resumes the tracker from the stored row and the rollout concludes SUCCEEDED, once: one row,
// concluded once, left alone by every later start. Real swarm, real PostgreSQL, gateway
// processes as `npm start` runs them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { IDLE } from '../../support/dashboard-query.ts';
import { configFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { concluded, engineService, engineTasks, readRollout, rolloutWhere, startRollout, type Gql } from '../../support/rollouts.ts';
import { swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ro-restart';

interface RolloutRow {
  id: string;
  kind: string;
  status: string;
  conclusion: string | null;
  concluded_at: Date | null;
  updated_at: Date;
}

describe('a rollout concludes once across a gateway killed and restarted', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let config: GatewayConfig;
  let db: AuditDb;
  const running: GatewayProcess[] = [];

  const gqlOf = (gw: GatewayProcess): Gql => (q, v) => gw.gql(q, v);
  const start = async () => {
    const gw = await spawnGateway(config, db.env());
    running.push(gw);
    return gw;
  };
  const rowsOf = async (serviceId: string) =>
    db.database.prisma.$queryRaw<RolloutRow[]>`SELECT id::text AS id, kind, status, conclusion, concluded_at, updated_at FROM rollouts WHERE service_id = ${serviceId} ORDER BY started_at`;

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    config = configFor([swarm]);
    db = await openAuditDb('postgres', SWARM);
  });

  after(async () => {
    for (const gw of running) await gw.kill();
    await db?.close();
    await swarmDown(SWARM);
  });

  test('SIGKILL mid-rollout, restart on the same database: the rollout still concludes SUCCEEDED, once', async () => {
    const first = await start();
    const created = await startRollout(gqlOf(first), 'serviceCreate', {
      name: 'ro-survivor',
      image: 'sg-busybox:latest',
      args: IDLE,
      replicas: 3,
      // Slow: three batches 4 s apart, so the kill finds it in the middle.
      updateConfig: { parallelism: 1, delay: '4s', monitor: '1s' },
      wait: 60,
    });
    assert.equal(created.rollout.conclusion, 'SUCCEEDED', created.rollout.reason);
    const serviceId = created.service.id as string;
    const { rollout } = await startRollout(gqlOf(first), 'serviceUpdate', { id: 'ro-survivor', envAdd: ['SURVIVED=1'] });
    await rolloutWhere(gqlOf(first), rollout.id, 'its first slot replaced', (r) => r.upToDate >= 1 && !r.conclusion);
    await first.kill();

    // The row is there, unconcluded: the kill came in the middle.
    const atKill = (await rowsOf(serviceId)).find((r) => r.id === rollout.id);
    assert.ok(atKill, 'the rollout is stored');
    assert.equal(atKill.conclusion, null, 'the killed process had not concluded it');
    assert.equal((await engineService(manager, 'ro-survivor')).UpdateStatus?.State, 'updating', 'the swarm goes on updating meanwhile');

    const second = await start();
    const done = await concluded(gqlOf(second), rollout.id);
    assert.equal(done.conclusion, 'SUCCEEDED', done.reason);
    assert.equal(done.status, 'COMPLETED');
    assert.deepEqual([done.desired, done.running, done.upToDate, done.failed], [3, 3, 3, 0]);
    assert.equal(done.startedAt, rollout.startedAt, 'the same rollout, resumed');
    const running3 = (await engineTasks(manager, 'ro-survivor')).filter((t) => t.DesiredState === 'running' && t.Status.State === 'running');
    assert.equal(running3.length, 3);
    for (const t of running3) assert.ok(t.Spec.ContainerSpec.Env.includes('SURVIVED=1'));

    // One row per change (the create's and the update's); the update's concluded once.
    const rows = await rowsOf(serviceId);
    assert.deepEqual(rows.map((r) => [r.kind, r.conclusion]), [['CREATE', 'SUCCEEDED'], ['UPDATE', 'SUCCEEDED']]);
    const concludedRow = rows[1]!;
    assert.equal(concludedRow.concluded_at?.toISOString(), done.concludedAt);

    // A later start finds nothing to resume: the concluded row is left as it is.
    assert.equal(await second.stop(), 0);
    const third = await start();
    await new Promise((r) => setTimeout(r, 3000));
    const later = (await rowsOf(serviceId))[1]!;
    assert.deepEqual(
      [later.conclusion, later.concluded_at?.toISOString(), later.updated_at.toISOString()],
      [concludedRow.conclusion, concludedRow.concluded_at?.toISOString(), concludedRow.updated_at.toISOString()],
    );
    assert.deepEqual(await readRollout(gqlOf(third), rollout.id), done);
    assert.equal(await third.stop(), 0);
  });
});
