// The audit promise under database faults, on a real swarm and a real PostgreSQL with the
// project's default (durable) settings:
// - 8 writers send serviceUpdate through the HTTP API (half with an API token, half with an
//   OIDC token) while PostgreSQL is stopped fast, started, stopped immediate (a crash) and
//   started again. Each update adds one env variable named for its writer and number, so the
//   service spec keeps every change the engine ever made. Afterwards: every change the
//   engine made has an intent, every success answer has its intent and a `succeeded`
//   outcome, no refused change reached the engine, every intent is closed, the chain
//   verifies (`npm run audit:verify`), and the spool drained within DRAIN_BOUND_MS after
//   each restart while the load went on. No answer is a 500 or anything but JSON; an
//   API-token caller the gateway cannot verify gets a JSON 503.
// - Durability: records acknowledged by the chain appender just before an immediate stop
//   are all there after the restart; on a PostgreSQL without fsync (SG_PG_FAST) the gateway
//   process warns at start, and refuses to start with NODE_ENV=production.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import supertest from 'supertest';
import { startAuditLog, type AuditLog } from '../../../src/audit/audit-log.ts';
import { appendRecord } from '../../../src/audit/chain-append.ts';
import { blankRecordFields } from '../../../src/audit/record.ts';
import { createApiTokenVerifier } from '../../../src/auth/tokens/index.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { spawnGateway } from '../../support/gateway-process.ts';
import { postgresUp } from '../../support/postgres.ts';
import { configFor, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SWARM = 'adf-swarm';
const WRITERS = 8;
/** The stated bound: after the database is back, the spool is empty within this, under load. */
const DRAIN_BOUND_MS = 10_000;
const UPDATE = 'mutation($i: ServiceUpdateInput!) { serviceUpdate(input: $i) { service { id } userErrors { code message } } }';
const summary0 = (answers: { succeeded: boolean }[]) => answers.filter((a) => a.succeeded).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One answer as the client saw it. */
interface Answer {
  writer: number;
  value: number;
  viaApiToken: boolean;
  status: number;
  json: boolean;
  code: string | null;
  succeeded: boolean;
  /** When it was sent, relative to the start of the load, and how long it took. */
  at: number;
  ms: number;
}

describe('audit log under PostgreSQL faults (fast and immediate stops) during an 8-writer load', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let db: AuditDb;
  let log: AuditLog;
  let gw: TestGateway;
  let apiToken: string;

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    // Services without replicas: an update changes the spec and starts no task.
    for (let w = 0; w < WRITERS; w++) {
      await dockerOk(manager, ['service', 'create', '--detach', '--no-resolve-image', '--name', `adf-w${w}`, '--replicas', '0', 'sg-busybox:latest', 'sleep', '600']);
    }
    db = await openAuditDb('postgres', 'adf');
    const config = configFor([swarm]);
    const settings = { ...config.audit, writeTimeoutMs: 5_000, maintenanceIntervalMs: 300 };
    log = await startAuditLog({ database: db.database, registry: new EngineRegistry(config), settings, dataDir: db.dataDir, logger: pino({ level: 'silent' }) });
    gw = await startGateway(config, { database: db.database, audit: log.writer, apiTokens: createApiTokenVerifier(db.database) });
    const created = await gw.gql('mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { token userErrors { code } } }', {
      input: { name: 'adf-load', grants: [{ role: 'ADMIN' }] },
    });
    apiToken = created.data?.apiTokenCreate?.token;
    assert.ok(apiToken, JSON.stringify(created));
  });

  after(async () => {
    await gw?.stop();
    await log?.stop();
    await db?.close();
    await swarmDown(SWARM);
  });

  test('no change without an intent, no success without an outcome, nothing refused made, chain valid, spool drained under load', async () => {
    const answers: Answer[] = [];
    let running = true;
    const writer = async (w: number) => {
      const viaApiToken = w % 2 === 1;
      for (let value = 1; running; value++) {
        const sent = Date.now();
        let req = supertest(gw.gateway.app).post('/graphql').set('content-type', 'application/json');
        req = req.set('authorization', viaApiToken ? `Bearer ${apiToken}` : gw.adminAuthorization);
        const res = await req.send({ query: UPDATE, variables: { i: { id: `adf-w${w}`, envAdd: [`W${w}_${value}=1`] } } });
        const body = res.body as { data?: { serviceUpdate?: { service: unknown; userErrors: unknown[] } | null }; errors?: { extensions?: { code?: string } }[] } | undefined;
        const json = /json/.test(String(res.headers['content-type'])) && typeof body === 'object' && body !== null && (body.data !== undefined || body.errors !== undefined);
        const payload = body?.data?.serviceUpdate;
        answers.push({
          writer: w,
          value,
          viaApiToken,
          status: res.status,
          json,
          code: body?.errors?.[0]?.extensions?.code ?? null,
          succeeded: res.status === 200 && !body?.errors?.length && !!payload?.service && payload.userErrors.length === 0,
          at: sent - loadStart,
          ms: Date.now() - sent,
        });
        await sleep(30);
      }
    };
    const loadStart = Date.now();
    const load = Array.from({ length: WRITERS }, (_, w) => writer(w));

    const drainTimes: number[] = [];
    const depthsSeen: number[] = [];
    /** An outage: the database stopped, load on it for a while, started again; how long the spool took to empty. */
    const outage = async (mode: 'fast' | 'immediate') => {
      await db.stopDatabase(mode);
      await sleep(2_500);
      const ready = await supertest(gw.gateway.app).get('/readyz');
      assert.equal(typeof ready.body.auditSpoolDepth, 'number', `/readyz shows the spool's depth: ${JSON.stringify(ready.body)}`);
      depthsSeen.push(ready.body.auditSpoolDepth);
      await db.startDatabase();
      const back = Date.now();
      await waitFor('the spool to drain while the load goes on', async () => log.writer.spoolDepth === 0, DRAIN_BOUND_MS + 20_000, 100);
      drainTimes.push(Date.now() - back);
      await sleep(3_000);
    };
    try {
      await sleep(3_000);
      await outage('fast');
      await outage('immediate');
    } finally {
      running = false;
      await Promise.all(load);
    }
    await waitFor('the spool to drain', async () => log.writer.spoolDepth === 0, 30_000, 100);
    assert.equal((await supertest(gw.gateway.app).get('/readyz')).body.auditSpoolDepth, 0);

    // The answers: JSON always, never a 500; a token the gateway cannot check is a 503.
    const byKind = (pred: (a: Answer) => boolean) => answers.filter(pred).length;
    const summary = {
      requests: answers.length,
      succeeded: byKind((a) => a.succeeded),
      auditUnavailable: byKind((a) => a.code === 'AUDIT_UNAVAILABLE'),
      tokenUnverifiable503: byKind((a) => a.viaApiToken && a.status === 503),
      drainAfterRestartMs: drainTimes,
      spoolDepthInOutage: depthsSeen,
      codes: Object.fromEntries([...new Set(answers.map((a) => `${a.status}:${a.code}`))].map((k) => [k, byKind((a) => `${a.status}:${a.code}` === k)])),
      succeededP50Ms: answers.filter((a) => a.succeeded).map((a) => a.ms).sort((x, y) => x - y)[Math.floor(summary0(answers) / 2)] ?? null,
    };
    if (process.env.ADF_TIMELINE) console.log(answers.map((a) => `${a.at}+${a.ms} w${a.writer} ${a.status}:${a.code}${a.succeeded ? ' ok' : ''}`).join('\n'));
    console.log(`audit-db-faults: ${JSON.stringify(summary)}`);
    assert.ok(summary.succeeded > 20 && summary.auditUnavailable > 0, `the load ran through the outages: ${JSON.stringify(summary)}`);
    const bad = answers.filter((a) => !a.json || a.status >= 500 && a.status !== 503 || (a.status === 503 && !a.code));
    assert.deepEqual(bad.slice(0, 5), [], `${bad.length} answers were not a JSON GraphQL response with a code (or were a 5xx other than 503)`);

    // What the engine made: one env variable per change that reached it.
    const made = new Map<number, Set<number>>();
    for (let w = 0; w < WRITERS; w++) {
      const spec = JSON.parse(await dockerOk(manager, ['service', 'inspect', `adf-w${w}`]))[0].Spec;
      const env: string[] = spec.TaskTemplate.ContainerSpec.Env ?? [];
      made.set(w, new Set(env.map((e) => Number(new RegExp(`^W${w}_(\\d+)=1$`).exec(e)?.[1])).filter((n) => Number.isInteger(n))));
    }

    // What the audit log says, per writer and value.
    const records = await db.records();
    const intents = new Map<string, (typeof records)[number]>();
    const outcomesOf = new Map<string, (typeof records)[number][]>();
    for (const r of records) {
      if (r.operation !== 'serviceUpdate') continue;
      if (r.kind === 'intent') {
        const env = (r.input as { envAdd?: string[] } | null)?.envAdd?.[0] ?? '';
        const m = /^W(\d+)_(\d+)=1$/.exec(env);
        if (m) intents.set(`${m[1]}:${m[2]}`, r);
      } else if (r.kind === 'outcome' && r.intentId) {
        outcomesOf.set(r.intentId, [...(outcomesOf.get(r.intentId) ?? []), r]);
      }
    }
    for (const [w, values] of made) {
      for (const v of values) assert.ok(intents.has(`${w}:${v}`), `the engine made W${w}_${v} without an intent`);
    }
    for (const a of answers) {
      const intent = intents.get(`${a.writer}:${a.value}`);
      if (a.succeeded) {
        assert.ok(intent, `W${a.writer}_${a.value} was answered as made but has no intent`);
        const outcomes = outcomesOf.get(intent.id) ?? [];
        assert.ok(outcomes.some((o) => o.outcome === 'succeeded'), `W${a.writer}_${a.value} was answered as made but its outcome is ${JSON.stringify(outcomes.map((o) => o.outcome))}`);
        assert.ok(made.get(a.writer)!.has(a.value), `W${a.writer}_${a.value} was answered as made but the engine does not have it`);
      }
      if (a.code === 'AUDIT_UNAVAILABLE') {
        assert.equal(made.get(a.writer)!.has(a.value), false, `W${a.writer}_${a.value} was refused as not made, but the engine has it`);
        // An intent that committed although the caller was refused is closed as not made.
        if (intent) assert.deepEqual((outcomesOf.get(intent.id) ?? []).map((o) => [o.outcome, o.errorCode]), [['failed', 'AUDIT_UNAVAILABLE']]);
      }
    }
    const refusedWithIntent = answers.filter((a) => a.code === 'AUDIT_UNAVAILABLE' && intents.has(`${a.writer}:${a.value}`)).length;
    console.log(`audit-db-faults: ${refusedWithIntent} refused changes had an intent committed anyway, each closed as not made`);
    const open = [...intents.values()].filter((i) => !(outcomesOf.get(i.id)?.length));
    assert.deepEqual(open.map((i) => i.target), [], 'every intent has an outcome');
    for (const t of drainTimes) assert.ok(t <= DRAIN_BOUND_MS, `the spool drained ${t} ms after the database was back (bound ${DRAIN_BOUND_MS} ms)`);

    const verify = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile('npm', ['run', '--silent', 'audit:verify'], { cwd: ROOT, env: { ...process.env, ...db.env() }, timeout: 120_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? 1 : 0, out: stdout + stderr }),
      );
    });
    assert.equal(verify.code, 0, verify.out);
  });

  test('durability: every record acknowledged before an immediate stop is there after the restart', async () => {
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let running = true;
    const appender = async (w: number) => {
      while (running) {
        const id = randomUUID();
        try {
          await appendRecord(db.database.prisma, blankRecordFields({ id, kind: 'intent', recordedAt: new Date(), principal: `durability-${w}`, operation: 'durabilityProbe' }), { stampTime: true, timeoutMs: 5_000 });
          acknowledged.push(id);
        } catch (err) {
          // Refused (the database is going away): not acknowledged, so not counted.
          failures.push(String(err).slice(0, 200));
          await sleep(50);
        }
      }
    };
    const appenders = Array.from({ length: WRITERS }, (_, w) => appender(w));
    await waitFor(`some records to be acknowledged (failures: ${failures.length})`, async () => acknowledged.length >= 200 || (failures.length > 0 && failures[0]), 60_000, 20);
    assert.equal(failures[0], undefined, 'appends succeed while the database is up');
    await db.stopDatabase('immediate');
    running = false;
    await Promise.all(appenders);
    await db.startDatabase();
    const ids = [...acknowledged];
    const stored = await waitFor(
      'the database to answer after recovery',
      async () => Number((await db.records()).filter((r) => r.operation === 'durabilityProbe' && ids.includes(r.id)).length) || null,
      30_000,
      200,
    );
    console.log(`audit-db-faults durability: ${ids.length} acknowledged before the immediate stop, ${stored} found after the restart`);
    assert.equal(stored, ids.length, 'no acknowledged record was lost');
  });

  test('start-up check: a PostgreSQL without fsync is a warning, and in production a refusal to start', async () => {
    const fast = await postgresUp('adf-fast', { fast: true });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-adf-fast-'));
    try {
      const config = configFor([swarm]);
      const gateway = await spawnGateway(config, { DATABASE_URL: fast.url, GATEWAY_DATA_DIR: dataDir });
      const warning = await gateway.waitForLog(/cannot keep every acknowledged record/);
      await gateway.stop();
      assert.equal(warning.level, 40);
      assert.match(JSON.stringify(warning.problems), /synchronous_commit is off.*fsync is off.*full_page_writes is off/);
      await assert.rejects(spawnGateway(config, { DATABASE_URL: fast.url, GATEWAY_DATA_DIR: dataDir, NODE_ENV: 'production' }), /the audit database is not durable/);
    } finally {
      await fast.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
