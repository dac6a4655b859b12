// Hand-built engine JSON for the rollout rule tests: the fields the engine sends (API 1.41),
// with only what each test changes spelled out there.
import type { Node, Service, ServiceSpec, Task, TaskSpec } from '../../../../src/docker/engine-api/index.ts';
import type { RolloutTracking } from '../../../../src/docker/rollout/index.ts';

export const T0 = Date.parse('2026-12-03T05:00:00Z');
export const SERVICE_ID = 'svc1';

export const template = (image = 'sg-busybox:latest'): TaskSpec => ({
  ContainerSpec: { Image: image, Command: ['sleep', '1000'] },
  ForceUpdate: 0,
});

export function service(over: Partial<Service> & { spec?: Partial<ServiceSpec> } = {}): Service {
  const { spec, ...rest } = over;
  return {
    ID: SERVICE_ID,
    Version: { Index: 10 },
    CreatedAt: '2026-12-03T04:59:00Z',
    UpdatedAt: '2026-12-03T05:00:00Z',
    Spec: { Name: 'web', Labels: null, TaskTemplate: template(), Mode: { Replicated: { Replicas: 3 } }, ...spec },
    ...rest,
  };
}

let seq = 0;
export function task(over: Partial<Task> & { state?: string; desired?: string; err?: string } = {}): Task {
  const { state, desired, err, ...rest } = over;
  seq += 1;
  return {
    ID: `task${seq}`,
    Version: { Index: 20 + seq },
    CreatedAt: '2026-12-03T05:00:01Z',
    UpdatedAt: '2026-12-03T05:00:02Z',
    ServiceID: SERVICE_ID,
    NodeID: 'node1',
    Spec: template(),
    Status: { State: state ?? 'running', Message: state ?? 'running', ...(err ? { Err: err } : {}) },
    DesiredState: desired ?? 'running',
    ...rest,
  };
}

export function node(id: string, over: { state?: string; availability?: 'active' | 'pause' | 'drain'; role?: 'worker' | 'manager'; labels?: Record<string, string>; hostname?: string } = {}): Node {
  return {
    ID: id,
    Version: { Index: 5 },
    CreatedAt: '2026-12-03T04:00:00Z',
    UpdatedAt: '2026-12-03T04:00:00Z',
    Spec: { Labels: over.labels ?? {}, Role: over.role ?? 'manager', Availability: over.availability ?? 'active' },
    Description: { Hostname: over.hostname ?? `host-${id}`, Platform: { Architecture: 'x86_64', OS: 'linux' } },
    Status: { State: over.state ?? 'ready', Addr: '10.0.0.1' },
  };
}

export function tracking(over: Partial<RolloutTracking> = {}): RolloutTracking {
  return { kind: 'UPDATE', specVersion: 10, updateStartedBefore: null, startedAtMs: T0, deadlineMs: T0 + 120_000, convergedAtMs: null, ...over };
}

/** Three running up-to-date tasks in slots 1..3 on node1. */
export const threeRunning = () => [1, 2, 3].map((slot) => task({ Slot: slot }));
