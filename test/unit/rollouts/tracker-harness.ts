// Test support for the rollout service: a fake engine as cluster `fake`, a clock the test
// moves (the tracker's loop runs on real timers, every 10 ms; verdicts read this clock), and
// rollout services over one store, so two of them play two gateway processes.
import pino from 'pino';
import { parseConfig } from '../../../src/config/config.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import type { Service } from '../../../src/docker/engine-api/index.ts';
import { inspectService } from '../../../src/docker/api/services.ts';
import type { RolloutStore } from '../../../src/rollouts/rollout-store.ts';
import { RolloutService } from '../../../src/rollouts/rollout-service.ts';
import type { RolloutRecord } from '../../../src/rollouts/rollouts.ts';
import { startFakeEngine, type FakeEngine } from '../../support/fake-engine/server.ts';
import { serviceSpec, type Json } from '../../support/fake-engine/state.ts';

export const POLL_MS = 10;

export interface TrackerHarness {
  engine: FakeEngine;
  registry: EngineRegistry;
  clock: { ms: number };
  /** A rollout service (a gateway process) over `store`; every one made is stopped by `close`. */
  service(store: RolloutStore): RolloutService;
  /** Creates a service in the fake swarm and reads it back as the gateway would. */
  createService(name: string, extra?: Json): Promise<Service>;
  read(id: string): Promise<Service>;
  /** Every concluded rollout each service's listeners were told of, by service. */
  concluded: Map<RolloutService, RolloutRecord[]>;
  /** GET requests to the engine whose path is `path` (or starts with it, for `/services/`). */
  reads(path: string): number;
  close(): Promise<void>;
}

export async function startTrackerHarness(): Promise<TrackerHarness> {
  const engine = await startFakeEngine();
  const config = parseConfig({ clusters: [{ name: 'fake', managers: [{ url: engine.url }] }], engine: { timeoutMs: 2_000, watch: { enabled: false } }, logLevel: 'silent' });
  const registry = new EngineRegistry(config);
  const client = registry.cluster('fake');
  const clock = { ms: Date.parse('2026-12-03T06:00:00Z') };
  const services: RolloutService[] = [];
  const concluded = new Map<RolloutService, RolloutRecord[]>();
  return {
    engine,
    registry,
    clock,
    concluded,
    service(store) {
      const s = new RolloutService({ store, registry, logger: pino({ level: 'silent' }), pollMs: POLL_MS, now: () => clock.ms });
      const told: RolloutRecord[] = [];
      concluded.set(s, told);
      s.onConcluded((r) => void told.push(r));
      services.push(s);
      return s;
    },
    async createService(name, extra = {}) {
      const created = engine.state.addService(serviceSpec(name, extra));
      return inspectService(client, created.ID);
    },
    read: (id) => inspectService(client, id),
    reads: (path) => engine.requests.filter((r) => r.method === 'GET' && (path.endsWith('/') ? r.path.startsWith(path) : r.path === path)).length,
    async close() {
      await Promise.all(services.map((s) => s.stop()));
      await engine.close();
    },
  };
}

/** Reads the rollout's changes until one satisfies `done`; returns every record seen up to it. */
export async function watchUntil(service: RolloutService, id: string, done: (r: RolloutRecord) => boolean): Promise<RolloutRecord[]> {
  const seen: RolloutRecord[] = [];
  const it = service.watch(id);
  try {
    for await (const r of it) {
      seen.push(r);
      if (done(r)) return seen;
    }
  } finally {
    await it.return?.();
  }
  throw new Error(`rollout ${id} ended without the state waited for; seen: ${seen.map((r) => `${r.status}/${r.conclusion}`).join(', ')}`);
}

/** Waits (on real time, in small steps) until `condition` holds; for engine request counts. */
export async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition not met within 10 s');
}

/** Makes the service's tasks stay `starting` (a health check that never passes yet): the rollout cannot converge. */
export function holdTasksStarting(engine: FakeEngine, serviceId: string): void {
  for (const t of engine.state.tasks.values()) {
    if (t.ServiceID === serviceId && t.DesiredState === 'running') t.Status = { ...t.Status, State: 'starting' };
  }
}

export function releaseTasks(engine: FakeEngine, serviceId: string): void {
  for (const t of engine.state.tasks.values()) {
    if (t.ServiceID === serviceId && t.DesiredState === 'running') t.Status = { ...t.Status, State: 'running' };
  }
}
