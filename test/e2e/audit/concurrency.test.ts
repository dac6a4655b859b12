// Two gateway processes writing to one PostgreSQL at once, each sending concurrent
// mutations against a real swarm: the audit log stays one hash chain (seq 1..N without a
// gap, every record linked to the one before), and every intent has exactly one outcome.
// (PostgreSQL only: an embedded PGlite database belongs to one process.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'acc-swarm';
const PER_GATEWAY = 12;
const IN_FLIGHT = 4;

describe('two gateway processes, one PostgreSQL', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let config: GatewayConfig;
  let db: AuditDb;
  const gateways: GatewayProcess[] = [];

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    config = configFor([swarm]);
    db = await openAuditDb('postgres', 'acc');
  });
  after(async () => {
    for (const g of gateways) await g.stop().catch(() => undefined);
    await db?.close();
    await swarmDown(SWARM);
  });

  test('concurrent mutations from both make one valid chain', async () => {
    // Each process has its own data dir (its own spool); the database is shared.
    for (let i = 0; i < 2; i++) {
      const env = db.env();
      gateways.push(await spawnGateway(config, { ...env, GATEWAY_DATA_DIR: `${env.GATEWAY_DATA_DIR}/gw${i}` }));
    }
    const names: string[] = [];
    const work = gateways.map(async (g, gi) => {
      // IN_FLIGHT workers per gateway, each creating then removing its networks.
      await Promise.all(
        Array.from({ length: IN_FLIGHT }, async (_, w) => {
          for (let k = w; k < PER_GATEWAY; k += IN_FLIGHT) {
            const name = `acc-${gi}-${k}`;
            names.push(name);
            const created = await g.gql('mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } userErrors { code } } }', { i: { name } });
            assert.deepEqual(created.errors, undefined);
            assert.deepEqual(created.data.networkCreate.userErrors, []);
            const removed = await g.gql('mutation($ids: [ID!]!) { networkRemove(input: { ids: $ids }) { removed { id } userErrors { code } } }', { ids: [name] });
            assert.deepEqual(removed.data.networkRemove.userErrors, []);
          }
        }),
      );
    });
    await Promise.all(work);

    const records = await db.records();
    assert.equal(records.length, 2 * PER_GATEWAY * 2 * 2, 'two records for each of the mutations');
    records.forEach((r, i) => assert.equal(r.seq, BigInt(i + 1), 'seq without gaps'));
    const v = await verifyChain(records);
    assert.equal(v.ok, true, JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x)));
    for (const intent of records.filter((r) => r.kind === 'intent')) {
      const outcomes = records.filter((r) => r.kind === 'outcome' && r.intentId === intent.id);
      assert.equal(outcomes.length, 1);
      assert.equal(outcomes[0]!.outcome, 'succeeded');
      assert.ok(outcomes[0]!.seq > intent.seq);
    }
    // Every mutation of both processes is in the one chain.
    assert.equal(new Set(records.map((r) => r.target)).size, names.length);
    // ...and the two processes' records interleave: they appended at the same time.
    const writers = records.map((r) => r.target!.slice(0, 'acc-0'.length));
    assert.ok(writers.filter((w, i) => i > 0 && w !== writers[i - 1]).length >= 2, 'the two processes wrote concurrently');
    // And the engine agrees: every network was created and removed.
    const left = (await dockerOk(manager, ['network', 'ls', '--filter', 'name=acc-', '--format', '{{.Name}}'])).trim();
    assert.equal(left, '');
    for (const g of gateways.splice(0)) assert.equal(await g.stop(), 0);
  });
});
