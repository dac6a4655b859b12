// `npm run bench:audit [-- --db pglite|postgres] [--fast] [--rounds N] [--concurrency C] [--total T]`
//
// What the audit log costs a mutation, measured against a real local swarm (root needed;
// scripts/swarm.sh starts it and this script brings it down again):
//  1. latency: the same mutation (serviceUpdate of one service's label; the service has
//     no replicas, so the engine starts no task and the figure is the API's) sent alternately to two
//     gateways over loopback HTTP, one writing the audit log to the database and one with a
//     no-op audit writer, so both see the same engine at the same moment; p50 and p99 of
//     each and their ratio;
//  2. throughput: C concurrent mutations (the same serviceUpdate, one service per worker),
//     T in all, through the gateway without the audit log (the engine's and gateway's own
//     ceiling) and then through the audited one; audit records written per second; and the
//     writer alone (intent + outcome appends, C at a time, no engine) for its own ceiling.
// Prints figures only; nothing is asserted. The database is embedded PGlite by default, or
// a throwaway PostgreSQL from scripts/postgres.sh with `--db postgres` (durable, as
// production should be; `--fast` turns fsync, synchronous_commit and full_page_writes off).
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { startAuditLog } from '../src/audit/audit-log.ts';
import type { AuditWriter } from '../src/audit/audit-writer.ts';
import { openMigratedDatabase } from '../src/audit/open-database.ts';
import { EngineRegistry } from '../src/docker/registry.ts';
import { createGateway, type Gateway } from '../src/http/app.ts';
import { postgresUp, type PostgresCluster } from '../test/support/postgres.ts';
import { configFor, withTestIdentity } from '../test/support/gateway.ts';
import { tokenFor } from '../test/support/identity.ts';
import { dockerOk, swarmDown, swarmUp } from '../test/support/swarm.ts';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pglite' },
    fast: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '8' },
    total: { type: 'string', default: '240' },
  },
});
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const CONCURRENCY = Number(args.concurrency);
const TOTAL = Number(args.total);
const SWARM = 'bench-audit';
const UPDATE = 'mutation($i: ServiceUpdateInput!) { serviceUpdate(input: $i) { service { id } userErrors { code message } } }';

/** An audit writer that records nothing: the gateway "without the audit log". */
const noAudit: AuditWriter = {
  intent: async () => 'none',
  outcome: async () => {},
  sensitiveRead: async () => {},
  refusal: async () => {},
};

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function listen(gw: Gateway): Promise<string> {
  await new Promise<void>((resolve) => gw.httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(gw.httpServer.address() as AddressInfo).port}/graphql`;
}

// Both gateways trust the test identity provider; every call is an admin's.
const AUTHORIZATION = `Bearer ${await tokenFor(['admin'], { subject: 'bench', expiresIn: 6 * 3600 })}`;

/** One serviceUpdate setting the label `bench=<value>` (a spec change each time); resolves with its latency. */
async function update(url: string, id: string, value: number): Promise<number> {
  const started = performance.now();
  const variables = { i: { id, labels: { add: [{ key: 'bench', value: String(value) }] } } };
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: AUTHORIZATION }, body: JSON.stringify({ query: UPDATE, variables }) });
  const body = (await res.json()) as { data?: { serviceUpdate: { userErrors: unknown[] } }; errors?: unknown[] };
  const elapsed = performance.now() - started;
  if (body.errors || body.data?.serviceUpdate.userErrors.length) throw new Error(`serviceUpdate failed: ${JSON.stringify(body)}`);
  return elapsed;
}

async function main(): Promise<void> {
  if (args.db !== 'pglite' && args.db !== 'postgres') throw new Error('--db is pglite or postgres');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-bench-'));
  const logger = pino({ level: 'silent' });
  let pg: PostgresCluster | undefined;
  const gateways: Gateway[] = [];
  let stopAudit: (() => Promise<void>) | undefined;
  let closeDb: (() => Promise<void>) | undefined;
  console.log(`bench:audit: starting a swarm and the ${args.db} database...`);
  try {
    const swarm = await swarmUp(SWARM);
    const manager = swarm.nodes[0]!;
    if (args.db === 'postgres') pg = await postgresUp('bench-audit', { fast: args.fast });
    // One principal sends every call, more than the default per-principal rate limit allows
    // in a minute: the limit is off (0), so the figures are the audit log's, not the limiter's.
    const tested = withTestIdentity(configFor([swarm]));
    const config = { ...tested, limits: { ...tested.limits, rateLimitRequests: 0 } };
    const database = await openMigratedDatabase({ url: pg?.url, dataDir }, logger);
    closeDb = () => database.close();
    const registry = new EngineRegistry(config);
    const log = await startAuditLog({ database, registry, settings: config.audit, dataDir, logger });
    stopAudit = () => log.stop();
    const audited = await createGateway(config, { logger, registry, database, audit: log.writer });
    const plain = await createGateway(config, { logger, registry, audit: noAudit });
    gateways.push(audited, plain);
    const urls = { audited: await listen(audited), plain: await listen(plain) };

    const services: string[] = [];
    for (let i = 0; i < Math.max(1, CONCURRENCY); i++) {
      const id = (await dockerOk(manager, ['service', 'create', '--detach', '--no-resolve-image', '--name', `bench-${i}`, '--replicas', '0', 'sg-busybox:latest', 'sleep', '3600'])).trim();
      services.push(id);
    }

    // 1. Latency, interleaved: A B A B ... on the same service; each call changes the spec.
    const latency = { audited: [] as number[], plain: [] as number[] };
    for (let i = 0; i < WARMUP + ROUNDS; i++) {
      const which = i % 2 === 0 ? 'audited' : 'plain';
      const ms = await update(urls[which], services[0]!, i);
      if (i >= WARMUP) latency[which].push(ms);
    }
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99) };
    };
    const a = stats(latency.audited);
    const p = stats(latency.plain);
    console.log(`\nserviceUpdate latency over loopback HTTP, ${args.db}, interleaved (${a.n} + ${p.n} calls after ${WARMUP} warm-up):`);
    console.log(`  with audit log     p50 ${a.p50.toFixed(2)} ms   p99 ${a.p99.toFixed(2)} ms`);
    console.log(`  without audit log  p50 ${p.p50.toFixed(2)} ms   p99 ${p.p99.toFixed(2)} ms`);
    console.log(`  ratio              p50 ${(a.p50 / p.p50).toFixed(2)}x     p99 ${(a.p99 / p.p99).toFixed(2)}x`);

    // 2. Throughput: C workers, each updating its own service, T mutations in all; first
    // without the audit log, for what the engine and the gateway manage on their own.
    const burst = async (url: string): Promise<number> => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        services.slice(0, CONCURRENCY).map(async (id) => {
          while (next < TOTAL) {
            await update(url, id, next++);
          }
        }),
      );
      return (performance.now() - started) / 1000;
    };
    const plainSeconds = await burst(urls.plain);
    const before = await database.prisma.auditRecord.count();
    const seconds = await burst(urls.audited);
    const written = (await database.prisma.auditRecord.count()) - before;
    console.log(`\nthroughput, ${CONCURRENCY} concurrent serviceUpdate mutations, ${TOTAL} in all (${args.db}):`);
    console.log(`  with audit log     ${(TOTAL / seconds).toFixed(1)} mutations/s, ${written} audit records in ${seconds.toFixed(2)} s = ${(written / seconds).toFixed(1)} records/s`);
    console.log(`  without audit log  ${(TOTAL / plainSeconds).toFixed(1)} mutations/s`);

    // The writer alone: intent + outcome pairs, C at a time, no engine and no HTTP.
    const principal = { id: 'bench', kind: 'anonymous' as const, grants: [], clientAddress: '127.0.0.1' };
    let pairs = 0;
    const writerStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (pairs < TOTAL) {
          pairs++;
          const id = await log.writer.intent({ requestId: 'bench', principal, cluster: SWARM, operation: 'serviceUpdate', target: 'bench', input: { id: 'bench' }, userAgent: 'bench' });
          await log.writer.outcome(id, { status: 'succeeded', objectIds: ['bench'], durationMs: 1 });
        }
      }),
    );
    const writerSeconds = (performance.now() - writerStarted) / 1000;
    console.log(`\nthe audit writer alone, ${CONCURRENCY} at a time (${args.db}): ${((pairs * 2) / writerSeconds).toFixed(1)} records/s (${pairs * 2} records in ${writerSeconds.toFixed(2)} s)`);
  } finally {
    for (const g of gateways) await g.stop().catch(() => undefined);
    await stopAudit?.().catch(() => undefined);
    await closeDb?.().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    await swarmDown(SWARM).catch((err: unknown) => console.error(`bench:audit: swarm down failed: ${String(err)}`));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`bench:audit: ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = 1;
});
