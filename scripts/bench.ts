// `npm run bench [-- --quick] [--sizes 20,200,1000] [--running N] [--no-build]`
//
// The figures of issue 12 in one run, on a swarm and a PostgreSQL started here (root
// needed; both are stopped again, also on failure or Ctrl-C): the machine; the dashboard
// at each size against the raw Engine floor and the docker CLI loop, whole process and
// in-process; Engine calls per dashboard and per second with 1 and 100 readers; simple
// reads under a load generator; the RSS of the built gateway on PostgreSQL and PGlite; an
// audited mutation against audit off and the raw engine call, and audit records/s with 32
// concurrent mutations; then each target of the issue, met or NOT met. Progress goes to
// stderr, figures to stdout. Nothing is asserted: the exit code says only whether it ran.
import os from 'node:os';
import path from 'node:path';
import { countingProxy } from '../test/support/counting-proxy.ts';
import { createAuditServices, measureAudit, type AuditFigures } from './bench/audit.ts';
import { cleanupAll, cleanupOnSignals, onCleanup } from './bench/cleanup.ts';
import { commitLatency } from './bench/commit-floor.ts';
import { measureCliLoop } from './bench/cli-loop.ts';
import { measureDashboard, waitForDashboard } from './bench/dashboard.ts';
import { callsPerDashboard, callsPerSecond, type CallsPerSecond } from './bench/engine-calls.ts';
import { engineHttp } from './bench/engine-http.ts';
import { createApiToken, startDistGateway, writeConfig, type DatabaseEnv, type DistGateway } from './bench/gateway-dist.ts';
import { closeGraphqlConnections, dashboard, graphqlClient, type GraphqlClient } from './bench/graphql-client.ts';
import { buildDist, gatewayConfig, startPostgres, startSwarm, tempDir } from './bench/harness.ts';
import { loadRun, SERVICES_20, WHOAMI, type LoadFigures } from './bench/load.ts';
import { describeMachine } from './bench/machine.ts';
import { parseBenchOptions } from './bench/options.ts';
import { ROOT } from './bench/paths.ts';
import { createServices, waitForRunningTasks } from './bench/populate.ts';
import { printAudit, printCallsPerSecond, printDashboards, printLoad, printRss } from './bench/print.ts';
import { line, printTargets, progress, section } from './bench/report.ts';
import { judgeAudit, judgeCallsPerSecond, judgeDashboards, judgeLoad, judgeRss, type SizeFigures } from './bench/targets.ts';

const opts = parseBenchOptions(process.argv.slice(2));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS at rest: a few requests (so the first-request work is done), then 3 s without any. */
async function idleRss(gw: DistGateway, client: GraphqlClient): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await client.post(WHOAMI);
    await dashboard(client);
  }
  await sleep(3000);
  return gw.rss();
}

async function startGateway(name: string, configFile: string, db: DatabaseEnv): Promise<DistGateway> {
  progress(`starting gateway "${name}" from dist/...`);
  const gw = await startDistGateway(name, configFile, db);
  onCleanup(`stop gateway ${name}`, () => gw.stop());
  return gw;
}

async function loadPair(label: string, gw: DistGateway, authorization: string): Promise<LoadFigures[]> {
  const runs: LoadFigures[] = [];
  for (const [what, query] of [['whoami', WHOAMI], ['services(first: 20)', SERVICES_20]] as const) {
    progress(`load: ${label} ${what} for ${opts.loadSeconds} s...`);
    runs.push(await loadRun(`${label}: ${what}`, gw.url, authorization, query, { seconds: opts.loadSeconds, connections: opts.loadConnections, rss: () => gw.rss(), cpuSeconds: () => gw.cpuSeconds() }));
  }
  return runs;
}

async function main(): Promise<void> {
  cleanupOnSignals();
  console.log(`# npm run bench${opts.quick ? ' --quick (smoke run: small sizes, few rounds)' : ''}`);
  section('Machine');
  for (const l of describeMachine(ROOT)) line(l);

  if (opts.build) await buildDist();
  const dir = tempDir();
  const [swarm, pg] = await Promise.all([startSwarm(opts.workers), startPostgres()]);
  const manager = swarm.nodes[0]!;
  line(`swarm:   1 manager + ${opts.workers} workers (scripts/swarm.sh, each a dockerd in its own netns); PostgreSQL durable (fsync on)`);
  const engine = engineHttp(manager.socket);
  onCleanup('close engine connections', async () => {
    engine.close();
    closeGraphqlConnections();
  });
  const proxy = await countingProxy(manager.socket);
  onCleanup('close counting proxy', () => proxy.close());

  const pgEnv: DatabaseEnv = { DATABASE_URL: pg.url };
  const directConfig = writeConfig(dir, 'direct', gatewayConfig(swarm));
  const countedConfig = writeConfig(dir, 'counted', gatewayConfig(swarm, proxy.host));
  progress('creating an API token (dist/cli/tokens.js)...');
  const authorization = await createApiToken(directConfig, pgEnv);
  const gwPg = await startGateway('postgres', directConfig, pgEnv);
  const gwCounted = await startGateway('counted', countedConfig, pgEnv);
  const direct = graphqlClient(gwPg.url, authorization);
  const counted = graphqlClient(gwCounted.url, authorization);

  const sizes: SizeFigures[] = [];
  const rss: { db: string; idle: number; peak: number }[] = [];
  const loads: LoadFigures[] = [];
  const perSecond: CallsPerSecond[] = [];
  // Engine calls per second are measured at the size nearest 200.
  const callsAt = opts.sizes.reduce((best, s) => (Math.abs(s - 200) < Math.abs(best - 200) ? s : best), opts.sizes[0]!);
  let created = 0;
  for (const size of opts.sizes) {
    progress(`growing the swarm to ${size} services (${Math.min(size, opts.running)} with 1 replica)...`);
    await createServices(engine, created, size, opts.running);
    created = size;
    const running = await waitForRunningTasks(engine, Math.min(size, opts.running));

    if (sizes.length === 0) {
      progress('RSS idle (PostgreSQL)...');
      rss.push({ db: 'PostgreSQL', idle: await idleRss(gwPg, direct), peak: 0 });
    }
    progress(`dashboard at ${size} services...`);
    await waitForDashboard(direct, size, running);
    await waitForDashboard(counted, size, running);
    const figures = await measureDashboard(direct, engine, manager.socket, opts);
    const calls = await callsPerDashboard(counted, proxy);
    progress(`CLI loop at ${size} services...`);
    const cli = await measureCliLoop(manager, size, { fullUpTo: opts.cliFullUpTo, sample: opts.cliSample, rounds: size <= 200 ? 3 : 1 });
    sizes.push({ size, running, dashboard: figures, calls, cli });

    if (size === callsAt) {
      for (const readers of [1, 100]) {
        progress(`Engine calls/s with ${readers} readers...`);
        perSecond.push(await callsPerSecond(counted, proxy, readers, opts.callWindowSeconds));
      }
    }
    if (sizes.length === 1) {
      // Load at the first size, while the machine holds only that swarm's work.
      loads.push(...(await loadPair('PostgreSQL', gwPg, authorization)));
      rss[0]!.peak = Math.max(...loads.map((l) => l.peakRss));
      const pgliteEnv: DatabaseEnv = { GATEWAY_DATA_DIR: path.join(dir, 'pglite-gateway') };
      const pgliteConfig = writeConfig(dir, 'pglite', gatewayConfig(swarm));
      const pgliteAuthorization = await createApiToken(pgliteConfig, pgliteEnv);
      const gwLite = await startGateway('pglite', pgliteConfig, pgliteEnv);
      progress('RSS idle (PGlite)...');
      const liteIdle = await idleRss(gwLite, graphqlClient(gwLite.url, pgliteAuthorization));
      const liteLoads = await loadPair('PGlite', gwLite, pgliteAuthorization);
      loads.push(...liteLoads);
      rss.push({ db: 'PGlite (embedded)', idle: liteIdle, peak: Math.max(...liteLoads.map((l) => l.peakRss)) });
      await gwLite.stop();
    }
  }
  printDashboards(sizes, opts);
  judgeDashboards(sizes);
  if (perSecond.length === 2) {
    printCallsPerSecond(perSecond, callsAt);
    judgeCallsPerSecond(perSecond[0]!, perSecond[1]!, callsAt);
  }
  printLoad(loads, { connections: opts.loadConnections, seconds: opts.loadSeconds, services: opts.sizes[0]! });
  judgeLoad(loads);
  printRss(rss);
  judgeRss('PostgreSQL', rss[0]!.idle);
  judgeRss('PGlite', rss[1]!.idle);

  // The audit figures with nothing else serving: the dist gateways go first.
  await gwPg.stop();
  await gwCounted.stop();
  progress('audit: creating 32 services...');
  const auditServices = await createAuditServices(engine);
  const audits: AuditFigures[] = [];
  const rawConfig = gatewayConfig(swarm);
  progress('audit: durable commit latency...');
  const commit = await commitLatency(pg.url, opts.auditRounds);
  progress('audit on PostgreSQL...');
  audits.push(await measureAudit({ db: 'postgres', databaseUrl: pg.url, dataDir: path.join(dir, 'audit-pg'), rawConfig, engine, services: auditServices, rounds: opts.auditRounds, total: opts.auditTotal }));
  progress('audit on PGlite...');
  audits.push(await measureAudit({ db: 'pglite', dataDir: path.join(dir, 'audit-pglite'), rawConfig, engine, services: auditServices, rounds: opts.auditRounds, total: opts.auditTotal }));
  printAudit(audits, { rounds: opts.auditRounds, total: opts.auditTotal, commit });
  for (const a of audits) judgeAudit(a);

  printTargets();
  line('');
  line(`load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min; other work on the machine skews every figure)`);
}

main()
  .catch((err: unknown) => {
    progress(`failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    progress('cleaning up (gateways, PostgreSQL, swarm)...');
    await cleanupAll();
    progress('done');
  });
