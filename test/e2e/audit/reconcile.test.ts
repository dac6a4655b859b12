// A gateway process killed with SIGKILL between the engine call and the outcome write
// leaves intents without outcome; the next start reconciles them from the engine's state.
// The window is made deterministic with the TEST-ONLY GATEWAY_TEST_PAUSE_AFTER_ENGINE hook
// (the process hangs those operations right before their outcome). Real swarm; real
// PostgreSQL and embedded PGlite.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { BACKENDS, openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, waitFor } from '../../support/gateway.ts';
import { spawnGateway } from '../../support/gateway-process.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'arc-swarm';

describe('reconciling intents left by a killed gateway', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let config: GatewayConfig;
  const docker = (...args: string[]) => dockerOk(manager, args);

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    config = configFor([swarm]);
  });
  after(async () => {
    await swarmDown(SWARM);
  });

  for (const kind of BACKENDS) {
    describe(kind, () => {
      let db: AuditDb;
      before(async () => {
        db = await openAuditDb(kind, `arc-${kind}`);
        await docker('service', 'create', '--detach', '--no-resolve-image', '--name', `arc-gone-${kind}`, 'sg-busybox:latest', 'sleep', '600');
        await docker('service', 'create', '--detach', '--no-resolve-image', '--name', `arc-scaled-${kind}`, 'sg-busybox:latest', 'sleep', '600');
      });
      after(async () => {
        await db?.close();
      });

      test('SIGKILL after the engine call: the intents stay open; the next start records their outcomes', async () => {
        const net = `arc-net-${kind}`;
        await db.release();
        const first = await spawnGateway(config, { ...db.env(), GATEWAY_TEST_PAUSE_AFTER_ENGINE: 'networkCreate,serviceRemove,serviceScale' });
        try {
          // None of these answers: each hangs after the engine call.
          void first.gql('mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } } }', { i: { name: net } }).catch(() => {});
          void first.gql('mutation($i: ServiceRemoveInput!) { serviceRemove(input: $i) { removed { id } } }', { i: { id: `arc-gone-${kind}` } }).catch(() => {});
          void first.gql('mutation($i: ServiceScaleInput!) { serviceScale(input: $i) { service { id } } }', { i: { id: `arc-scaled-${kind}`, replicas: 2 } }).catch(() => {});
          const paused = () => first.logs.filter((l) => /TEST-ONLY pause/.test(String(l.msg))).length;
          await waitFor('all three to pause after their engine call', async () => paused() === 3, 60_000, 100);
        } finally {
          await first.kill();
        }

        // The engine made all three changes.
        const netId = JSON.parse(await docker('network', 'inspect', net))[0].Id as string;
        assert.equal((await docker('service', 'ls', '-q', '--filter', `name=arc-gone-${kind}`)).trim(), '');
        assert.equal(JSON.parse(await docker('service', 'inspect', `arc-scaled-${kind}`))[0].Spec.Mode.Replicated.Replicas, 2);

        await db.reacquire();
        const left = await db.records();
        const intents = left.filter((r) => r.kind === 'intent');
        assert.deepEqual(intents.map((i) => i.operation).sort(), ['networkCreate', 'serviceRemove', 'serviceScale']);
        assert.equal(left.filter((r) => r.kind === 'outcome').length, 0, 'killed before any outcome was written');

        await db.release();
        // No grace: the killed process's writer session is gone, so its intents are decided at start-up.
        const second = await spawnGateway(config, db.env());
        const reconciledLogs = () => second.logs.filter((l) => /reconciled an audit intent/.test(String(l.msg)));
        await waitFor('the three intents reconciled', async () => reconciledLogs().length >= 3, 30_000, 100).catch(() => undefined);
        const warnings = second.logs.filter((l) => Number(l.level) >= 40);
        assert.equal(await second.stop(), 0);
        assert.equal(reconciledLogs().length, 3, JSON.stringify(warnings));

        await db.reacquire();
        const records = await db.records();
        const outcomeOf = (operation: string) => {
          const intent = records.find((r) => r.kind === 'intent' && r.operation === operation)!;
          const outcomes = records.filter((r) => r.kind === 'outcome' && r.intentId === intent.id);
          assert.equal(outcomes.length, 1, `${operation}: one outcome`);
          assert.equal(outcomes[0]!.target, intent.target);
          assert.equal(outcomes[0]!.principal, intent.principal);
          return { ...outcomes[0]!, reason: (outcomes[0]!.input as { reconciled: string }).reconciled };
        };
        const created = outcomeOf('networkCreate');
        assert.equal(created.outcome, 'succeeded');
        assert.deepEqual(created.objectIds, [netId]);
        assert.match(created.reason, new RegExp(`network ${net} created \\(${netId}\\) after the intent; it exists`));
        const removed = outcomeOf('serviceRemove');
        assert.equal(removed.outcome, 'succeeded');
        assert.match(removed.reason, /exists any more/);
        // The engine's update event names the new replica count: the scale is read back.
        const scaled = outcomeOf('serviceScale');
        assert.equal(scaled.outcome, 'succeeded');
        assert.match(scaled.reason, /scaled to 2/);
        assert.equal((await verifyChain(records)).ok, true);
      });
    });
  }
});
