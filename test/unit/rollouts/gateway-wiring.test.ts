// createGateway with a database and no rollout service of its own keeps rollouts in that
// database and, at its start, tracks the ones a previous gateway left open to their verdict;
// one of a cluster it does not configure is left open (another gateway may track it).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../../../src/config/config.ts';
import { inspectService } from '../../../src/docker/api/services.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { newRollout } from '../../../src/rollouts/new-rollout.ts';
import { PrismaRolloutStore } from '../../../src/rollouts/prisma-rollout-store.ts';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine/server.ts';
import { serviceSpec } from '../../support/fake-engine/state.ts';
import { startGateway, type TestGateway } from '../../support/gateway.ts';
import { pgliteBackend } from './backends.ts';
import { until } from './tracker-harness.ts';

describe('a gateway with a database resumes the rollouts stored there', () => {
  let engine: FakeEngine;
  let backend: ReturnType<typeof pgliteBackend>;
  let store: PrismaRolloutStore;
  let gw: TestGateway | undefined;
  before(async () => {
    engine = await startFakeEngine();
    backend = pgliteBackend();
    store = (await backend.open())() as PrismaRolloutStore;
  });
  after(async () => {
    await gw?.stop();
    await engine.close();
    await backend.close();
  });

  test('an open rollout of its cluster concludes; one of an unknown cluster stays open', async () => {
    const config = parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engine.url }] }], engine: { watch: { enabled: false } }, rollouts: { pollMs: 100 }, logLevel: 'silent' });
    // A 1 ms monitor: converged is soon verified, on the real clock.
    const created = engine.state.addService(serviceSpec('left-open', { UpdateConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 1_000_000, MaxFailureRatio: 0, Order: 'stop-first' } }));
    const service = await inspectService(new EngineRegistry(config).cluster('fake'), created.ID);
    const open = newRollout({ id: crypto.randomUUID(), cluster: 'fake', kind: 'CREATE', service, before: null, startedBy: 'oidc:alice', nowMs: Date.now(), deadlineSeconds: 600, nodeCount: 1 });
    const elsewhere = newRollout({ ...open, id: crypto.randomUUID(), cluster: 'other', service, before: null, startedBy: 'oidc:alice', nowMs: Date.now(), deadlineSeconds: 600, nodeCount: 1 });
    await store.insert(open);
    await store.insert(elsewhere);

    gw = await startGateway(config, { database: backend.database() });
    let stored = await store.get(open.id);
    await until(() => {
      void store.get(open.id).then((r) => (stored = r));
      return stored?.concludedAt != null;
    });
    assert.equal(stored?.conclusion, 'SUCCEEDED');
    assert.equal((await store.get(elsewhere.id))?.concludedAt, null);
  });
});
