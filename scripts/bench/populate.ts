// Grows the swarm to a number of services through the Engine API (the CLI would take a
// process per service). Each running task costs a containerd shim, so only the first
// `running` services get 1 replica; the rest get 0 (a service the dashboard still lists,
// with no task).
import type { EngineHttp } from './engine-http.ts';
import { progress } from './report.ts';

const IMAGE = 'sg-busybox:latest';
const CONCURRENCY = 8;

export const serviceName = (i: number) => `bench-svc-${String(i).padStart(4, '0')}`;

function spec(i: number, replicas: number) {
  return {
    Name: serviceName(i),
    Labels: { 'sg-bench': 'dashboard' },
    TaskTemplate: { ContainerSpec: { Image: IMAGE, Command: ['sleep', '86400'] } },
    Mode: { Replicated: { Replicas: replicas } },
  };
}

/** Creates services `from`..`to - 1` (the first `running` of all get 1 replica). */
export async function createServices(engine: EngineHttp, from: number, to: number, running: number): Promise<void> {
  let next = from;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < to) {
        const i = next++;
        const res = await engine.request('POST', '/services/create', spec(i, i < running ? 1 : 0));
        if (res.status !== 201) throw new Error(`service create ${serviceName(i)}: ${res.status} ${JSON.stringify(res.body)}`);
        if (++done % 100 === 0) progress(`  ${from + done} services`);
      }
    }),
  );
  progress(`  created ${to - from} services in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

interface TaskJson {
  DesiredState: string;
  Status: { State: string };
}

/** Waits until `count` tasks run (the swarm settled after creating services). */
export async function waitForRunningTasks(engine: EngineHttp, count: number, timeoutMs = 300_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = (await engine.request<TaskJson[]>('GET', '/tasks')).body;
    const running = tasks.filter((t) => t.DesiredState === 'running' && t.Status.State === 'running').length;
    if (running >= count) return running;
    if (Date.now() > deadline) throw new Error(`only ${running} of ${count} tasks running after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
