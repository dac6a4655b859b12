// Engine calls the gateway makes, counted by test/support/counting-proxy.ts in front of the
// manager's socket (a second gateway process, configured with the proxy as its manager):
// per dashboard, and per second while 1 or 100 readers ask the dashboard in a loop.
import type { CountingProxy } from '../../test/support/counting-proxy.ts';
import { dashboard, type GraphqlClient } from './graphql-client.ts';

export interface CallsPerDashboard {
  /** Right after another dashboard (within the task poll's 1 s). */
  warm: number;
  /** After 1.5 s without requests (the task list is older than its bound). */
  afterIdle: number;
  /** With `Cache-Control: no-cache` (read from the engine directly). */
  fresh: number;
  /** The request lines of the warm dashboard, for the record. */
  warmLines: string[];
  afterIdleLines: string[];
}

async function counted(proxy: CountingProxy, fn: () => Promise<unknown>): Promise<string[]> {
  proxy.reset();
  await fn();
  return [...proxy.requests];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function callsPerDashboard(gateway: GraphqlClient, proxy: CountingProxy): Promise<CallsPerDashboard> {
  for (let i = 0; i < 3; i++) await dashboard(gateway);
  const warm = await counted(proxy, () => dashboard(gateway));
  await sleep(1500);
  const afterIdle = await counted(proxy, () => dashboard(gateway));
  const fresh = await counted(proxy, () => dashboard(gateway, { 'cache-control': 'no-cache' }));
  return { warm: warm.length, afterIdle: afterIdle.length, fresh: fresh.length, warmLines: warm, afterIdleLines: afterIdle };
}

export interface CallsPerSecond {
  readers: number;
  dashboards: number;
  seconds: number;
  callsPerSecond: number;
  dashboardsPerSecond: number;
}

/** `readers` loops asking the dashboard for `seconds`; Engine calls and dashboards per second. */
export async function callsPerSecond(gateway: GraphqlClient, proxy: CountingProxy, readers: number, seconds: number): Promise<CallsPerSecond> {
  await dashboard(gateway);
  let dashboards = 0;
  const end = performance.now() + seconds * 1000;
  proxy.reset();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: readers }, async () => {
      while (performance.now() < end) {
        await dashboard(gateway);
        dashboards++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const calls = proxy.requests.length;
  return { readers, dashboards, seconds: elapsed, callsPerSecond: calls / elapsed, dashboardsPerSecond: dashboards / elapsed };
}
