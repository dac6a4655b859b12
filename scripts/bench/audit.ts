// What the audit log costs a mutation (the ideas of scripts/bench-audit.ts, on one database
// at a time): the same serviceUpdate (a label; the service has no replicas, so the figure is
// the API's) sent in turn to a gateway writing the audit log, to one with a no-op writer,
// and as the raw Engine calls a client makes for it (inspect, then update with the
// version); p50/p99 of each. Then audit records per second with 32 concurrent mutations
// through the audited gateway, and the writer alone with 32 concurrent intent+outcome pairs.
// The gateways run in this process (the no-op writer is a seam, not a setting).
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { startAuditLog } from '../../src/audit/audit-log.ts';
import type { AuditWriter } from '../../src/audit/audit-writer.ts';
import { openMigratedDatabase } from '../../src/audit/open-database.ts';
import { parseConfig } from '../../src/config/config.ts';
import { EngineRegistry } from '../../src/docker/registry.ts';
import { createGateway, type Gateway } from '../../src/http/app.ts';
import { testAdminAuthorization } from '../../test/support/gateway.ts';
import type { EngineHttp } from './engine-http.ts';
import { graphqlClient, type GraphqlClient } from './graphql-client.ts';
import { percentile } from './stats.ts';

const UPDATE = 'mutation($i: ServiceUpdateInput!) { serviceUpdate(input: $i) { service { id } userErrors { code message } } }';
const CONCURRENCY = 32;

/** An audit writer that records nothing: the gateway "with audit off". */
const noAudit: AuditWriter = {
  intent: async () => 'none',
  outcome: async () => {},
  sensitiveRead: async () => {},
  refusal: async () => {},
};

export interface Latency {
  p50: number;
  p99: number;
}

export interface AuditFigures {
  db: string;
  audited: Latency;
  plain: Latency;
  raw: Latency;
  mutationsPerSecond: number;
  /** The same 32-concurrent run through the gateway with audit off: what the engine and the gateway manage without the log. */
  plainMutationsPerSecond: number;
  recordsPerSecond: number;
  records: number;
  writerRecordsPerSecond: number;
}

const stats = (xs: number[]): Latency => ({ p50: percentile(xs, 50), p99: percentile(xs, 99) });

async function listen(gw: Gateway): Promise<string> {
  await new Promise<void>((resolve) => gw.httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(gw.httpServer.address() as AddressInfo).port}/graphql`;
}

async function update(client: GraphqlClient, id: string, value: number): Promise<number> {
  const started = performance.now();
  const data = await client.post<{ serviceUpdate: { userErrors: unknown[] } }>(UPDATE, { i: { id, labels: { add: [{ key: 'bench', value: String(value) }] } } });
  const elapsed = performance.now() - started;
  if (data.serviceUpdate.userErrors.length) throw new Error(`serviceUpdate: ${JSON.stringify(data.serviceUpdate.userErrors)}`);
  return elapsed;
}

interface ServiceJson {
  Version: { Index: number };
  Spec: { Labels?: Record<string, string> };
}

/** The raw Engine calls for the same change: inspect (for the version), then update. */
async function rawUpdate(engine: EngineHttp, id: string, value: number): Promise<number> {
  const started = performance.now();
  const { body: service } = await engine.request<ServiceJson>('GET', `/services/${id}`);
  const spec = { ...service.Spec, Labels: { ...service.Spec.Labels, bench: String(value) } };
  const res = await engine.request('POST', `/services/${id}/update?version=${service.Version.Index}`, spec);
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`raw update: ${res.status} ${JSON.stringify(res.body)}`);
  return elapsed;
}

export async function createAuditServices(engine: EngineHttp): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const spec = { Name: `bench-audit-${i}`, TaskTemplate: { ContainerSpec: { Image: 'sg-busybox:latest', Command: ['sleep', '86400'] } }, Mode: { Replicated: { Replicas: 0 } } };
    const res = await engine.request<{ ID: string }>('POST', '/services/create', spec);
    if (res.status !== 201) throw new Error(`service create: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.ID);
  }
  return ids;
}

export async function measureAudit(opts: {
  db: 'postgres' | 'pglite';
  databaseUrl?: string;
  dataDir: string;
  rawConfig: Record<string, unknown>;
  engine: EngineHttp;
  services: string[];
  rounds: number;
  total: number;
}): Promise<AuditFigures> {
  const logger = pino({ level: 'silent' });
  const config = parseConfig({ ...opts.rawConfig, logLevel: 'silent' });
  const database = await openMigratedDatabase({ url: opts.databaseUrl, dataDir: opts.dataDir }, logger);
  const registry = new EngineRegistry(config);
  const gateways: Gateway[] = [];
  let log: Awaited<ReturnType<typeof startAuditLog>> | undefined;
  try {
    log = await startAuditLog({ database, registry, settings: config.audit, dataDir: opts.dataDir, logger });
    const audited = await createGateway(config, { logger, registry, database, audit: log.writer });
    gateways.push(audited);
    const plain = await createGateway(config, { logger, registry, audit: noAudit });
    gateways.push(plain);
    const authorization = await testAdminAuthorization();
    const clients = { audited: graphqlClient(await listen(audited), authorization), plain: graphqlClient(await listen(plain), authorization) };
    const [first] = opts.services;

    // Latency: audited, audit off, raw, in turn, on the same service; each call changes its spec.
    const samples = { audited: [] as number[], plain: [] as number[], raw: [] as number[] };
    const warmup = 10;
    let value = 0;
    for (let i = 0; i < warmup + opts.rounds; i++) {
      const a = await update(clients.audited, first!, value++);
      const p = await update(clients.plain, first!, value++);
      const r = await rawUpdate(opts.engine, first!, value++);
      if (i >= warmup) {
        samples.audited.push(a);
        samples.plain.push(p);
        samples.raw.push(r);
      }
    }

    // Throughput: 32 workers, each updating its own service, `total` mutations in all.
    const concurrently = async (client: GraphqlClient): Promise<number> => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        opts.services.slice(0, CONCURRENCY).map(async (id) => {
          while (next < opts.total) await update(client, id, next++);
        }),
      );
      return (performance.now() - started) / 1000;
    };
    const before = await database.prisma.auditRecord.count();
    const seconds = await concurrently(clients.audited);
    const records = (await database.prisma.auditRecord.count()) - before;
    const plainSeconds = await concurrently(clients.plain);

    // The writer alone: 32 concurrent intent+outcome pairs, no engine, no HTTP.
    const actor = { id: 'bench', clientAddress: '127.0.0.1' };
    let pairs = 0;
    const writerStarted = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (pairs < opts.total) {
          pairs++;
          const id = await log!.writer.intent({ requestId: 'bench', principal: actor, cluster: 'bench', operation: 'serviceUpdate', target: 'bench', input: { id: 'bench' }, userAgent: 'bench' });
          await log!.writer.outcome(id, { status: 'succeeded', objectIds: ['bench'], durationMs: 1 });
        }
      }),
    );
    const writerSeconds = (performance.now() - writerStarted) / 1000;
    return {
      db: opts.db,
      audited: stats(samples.audited),
      plain: stats(samples.plain),
      raw: stats(samples.raw),
      mutationsPerSecond: opts.total / seconds,
      plainMutationsPerSecond: opts.total / plainSeconds,
      recordsPerSecond: records / seconds,
      records,
      writerRecordsPerSecond: (pairs * 2) / writerSeconds,
    };
  } finally {
    for (const g of gateways) await g.stop().catch(() => undefined);
    await log?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
  }
}
