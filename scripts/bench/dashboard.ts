// The dashboard at one swarm size: the gateway against the raw Engine floor, in-process
// (p50 of repeated queries to a running gateway, and of the raw calls from this process)
// and whole-process (a fresh node process making the query, medians of paired runs).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCKER_API_VERSION } from '../../test/support/swarm.ts';
import type { EngineHttp } from './engine-http.ts';
import { dashboard, type GraphqlClient } from './graphql-client.ts';
import { median, percentile, timed } from './stats.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface DashboardFigures {
  inProcess: { gateway: { p50: number; p99: number }; fresh: { p50: number }; floor: { p50: number; p99: number } };
  /** Medians: `gateway`/`floor` from the probe's first line to the answer; `...Wall` the whole process, node's start-up included. */
  wholeProcess: { gateway: number; floor: number; gatewayWall: number; floorWall: number; nodeAlone: number };
}

/** Runs `node <args>` to its end: its wall time, and the milliseconds it printed (its own timing); fails on a non-zero exit. */
function processTime(args: string[], env: Record<string, string> = {}): Promise<{ wall: number; work: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - started;
      if (code === 0) resolve({ wall, work: Number(stdout.trim()) });
      else reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(-1000)}`));
    });
  });
}

/** Waits until the gateway's dashboard lists `services` services and `tasks` running tasks (its watched state caught up). */
export async function waitForDashboard(gateway: GraphqlClient, services: number, tasks: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await dashboard(gateway);
    if (seen.services === services && seen.tasks >= tasks) return;
    if (Date.now() > deadline) throw new Error(`the gateway's dashboard shows ${seen.services} services and ${seen.tasks} tasks, expected ${services} and at least ${tasks}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function measureDashboard(gateway: GraphqlClient, engine: EngineHttp, socketPath: string, opts: { inProcessRounds: number; processRounds: number }): Promise<DashboardFigures> {
  // Warm both paths (connections, JIT, the gateway's watched state).
  for (let i = 0; i < 5; i++) {
    await dashboard(gateway);
    await engine.floor();
  }
  const gw: number[] = [];
  const floor: number[] = [];
  const fresh: number[] = [];
  for (let i = 0; i < opts.inProcessRounds; i++) {
    gw.push(await timed(() => dashboard(gateway)));
    floor.push(await timed(() => engine.floor()));
  }
  // The same question with `Cache-Control: no-cache`: read from the engine, not the watched state.
  for (let i = 0; i < Math.max(5, Math.floor(opts.inProcessRounds / 4)); i++) fresh.push(await timed(() => dashboard(gateway, { 'cache-control': 'no-cache' })));

  const gwProc: { wall: number; work: number }[] = [];
  const floorProc: { wall: number; work: number }[] = [];
  const nodeAlone: number[] = [];
  const probeGateway = [path.join(HERE, 'probe-gateway.mjs'), gateway.url];
  const probeEngine = [path.join(HERE, 'probe-engine.mjs'), socketPath, DOCKER_API_VERSION];
  await processTime(probeGateway, { BENCH_AUTHORIZATION: gateway.authorization });
  for (let i = 0; i < opts.processRounds; i++) {
    gwProc.push(await processTime(probeGateway, { BENCH_AUTHORIZATION: gateway.authorization }));
    floorProc.push(await processTime(probeEngine));
    nodeAlone.push((await processTime(['-e', '0'])).wall);
  }
  return {
    inProcess: {
      gateway: { p50: median(gw), p99: percentile(gw, 99) },
      fresh: { p50: median(fresh) },
      floor: { p50: median(floor), p99: percentile(floor, 99) },
    },
    wholeProcess: {
      gateway: median(gwProc.map((p) => p.work)),
      floor: median(floorProc.map((p) => p.work)),
      gatewayWall: median(gwProc.map((p) => p.wall)),
      floorWall: median(floorProc.map((p) => p.wall)),
      nodeAlone: median(nodeAlone),
    },
  };
}
