// Three gateway processes on one PostgreSQL, as replicas behind a load balancer would run
// (no engine: the one cluster points at nothing, none of this needs one). What they must
// share, they share: a principal's rate budget is one budget across the three, a token
// revoked through one (or by the CLI) is refused by the others within a second, each
// background job runs in exactly one of them (the swarm_gateway_background_leader gauge on
// /metrics) and another takes it over when that one is killed, and the token and audit CLIs
// work beside them. PostgreSQL only: the embedded database belongs to one process.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { parseConfig } from '../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The rate budget of a principal: this many requests per window (an hour, so it never resets during the test). */
const BUDGET = 9;
/** README "Running several replicas": a revocation reaches every replica within this. */
const REVOCATION_BOUND_MS = 1_000;
const JOBS = ['audit-maintenance', 'webhook-delivery', 'rollout-tracking'] as const;
const WHOAMI = '{ whoami { id } }';
const REVOKE = 'mutation($id: ID!) { apiTokenRevoke(input: { id: $id }) { apiToken { id revokedAt } userErrors { code } } }';

const RAW_CONFIG = {
  clusters: [{ name: 'nowhere', managers: [{ url: 'unix:///nonexistent/nowhere.sock' }] }],
  engine: { timeoutMs: 500 },
  // Refused credentials are polled for below; their own budget is not what is tested here.
  limits: { rateLimitRequests: BUDGET, rateLimitWindowSeconds: 3600, authFailuresPerAddress: 0 },
  audit: { maintenanceIntervalMs: 500 },
};

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] };
}

async function asToken(g: GatewayProcess, token: string, query = WHOAMI): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${g.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** Each job's gauge value on this process's /metrics. */
async function leaderGauges(g: GatewayProcess): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${g.port}/metrics`)).text();
  const gauges: Record<string, number> = {};
  for (const m of text.matchAll(/^swarm_gateway_background_leader\{job="([^"]+)"\} (\d+)$/gm)) gauges[m[1]!] = Number(m[2]);
  return gauges;
}

/** Polls until every job has exactly one leader among `gateways` (at most `timeoutMs`); the leader's index per job. */
async function oneLeaderEach(gateways: GatewayProcess[], timeoutMs = 30_000): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gauges = await Promise.all(gateways.map(leaderGauges));
    const leaders: Record<string, number[]> = {};
    for (const job of JOBS) leaders[job] = gauges.flatMap((g, i) => (g[job] === 1 ? [i] : []));
    // Every process reports every job, 1 or 0.
    for (const g of gauges) assert.deepEqual(Object.keys(g).sort(), [...JOBS].sort());
    if (JOBS.every((job) => leaders[job]!.length === 1)) return Object.fromEntries(JOBS.map((job) => [job, leaders[job]![0]!]));
    // Two leaders of one job is never right, not even for a moment.
    for (const job of JOBS) assert.ok(leaders[job]!.length <= 1, `${job} led by ${leaders[job]!.length} processes at once`);
    if (Date.now() > deadline) assert.fail(`no single leader for every job within ${timeoutMs} ms: ${JSON.stringify(leaders)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('three gateway processes on one PostgreSQL', () => {
  let db: AuditDb;
  let tmp: string;
  let gateways: GatewayProcess[] = [];

  const npm = (script: string, args: string[] = []) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env, ...db.env(), GATEWAY_CONFIG: path.join(tmp, 'config.json') };
      execFile('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env, timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      });
    });
  const cliToken = async (name: string): Promise<{ token: string; prefix: string }> => {
    const r = await npm('token:create', ['--name', name, '--grant', 'viewer']);
    assert.equal(r.code, 0, r.stderr);
    const token = r.stdout.trim();
    return { token, prefix: token.split('_')[1]! };
  };

  before(async () => {
    tmp = mkdtempSync(path.join(tmpdir(), 'sg-replicas-'));
    writeFileSync(path.join(tmp, 'config.json'), JSON.stringify(RAW_CONFIG));
    db = await openAuditDb('postgres', 'replicas');
    const config = parseConfig(RAW_CONFIG);
    const env = db.env();
    // Each its own data dir (its own audit spool); the database is shared.
    gateways = await Promise.all([0, 1, 2].map((i) => spawnGateway(config, { ...env, GATEWAY_DATA_DIR: `${env.GATEWAY_DATA_DIR}/gw${i}` })));
  });
  after(async () => {
    for (const g of gateways) await g.stop().catch(() => undefined);
    await db?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('a token created by `npm run token:create` while they run works on every replica, and the CLI audited it', async () => {
    const { token, prefix } = await cliToken('replicas-cli');
    for (const g of gateways) {
      const r = await asToken(g, token);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.data.whoami.id.startsWith('token:'), true);
    }
    const row = await db.database.prisma.apiToken.findUniqueOrThrow({ where: { prefix } });
    const audited = await db.database.prisma.auditRecord.findMany({
      where: { operation: 'apiTokenCreate', principal: 'cli' },
      orderBy: { seq: 'asc' },
      select: { kind: true, target: true, outcome: true, objectIds: true },
    });
    assert.ok(audited.some((r) => r.kind === 'intent' && r.target === 'replicas-cli'), JSON.stringify(audited));
    assert.ok(audited.some((r) => r.kind === 'outcome' && r.outcome === 'succeeded' && r.objectIds.includes(row.id)), JSON.stringify(audited));
  });

  test(`a principal allowed ${BUDGET} requests per window gets ${BUDGET} in total across the three, the rest 429 RATE_LIMITED`, async () => {
    const { token } = await cliToken('replicas-budget');
    const answers = await Promise.all(Array.from({ length: 3 * BUDGET }, (_, i) => asToken(gateways[i % 3]!, token)));
    const served = answers.filter((a) => a.status === 200);
    const limited = answers.filter((a) => a.status === 429);
    assert.equal(served.length, BUDGET, JSON.stringify(answers.map((a) => a.status)));
    assert.equal(limited.length, 2 * BUDGET);
    for (const a of limited) assert.equal(a.body.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
    // Every replica refuses it now, including one whose own count would still allow it.
    for (const g of gateways) assert.equal((await asToken(g, token)).status, 429);
  });

  test(`a token revoked through replica A is refused by B and C within ${REVOCATION_BOUND_MS} ms, though they had just verified it`, async () => {
    const { token, prefix } = await cliToken('replicas-revoke-gql');
    // Verified on every replica: each now holds it in its token cache (auth.tokenCacheMs, 30 s by default).
    for (const g of gateways) assert.equal((await asToken(g, token)).status, 200);
    const revoked = await gateways[0]!.gql(REVOKE, { id: prefix });
    assert.equal(revoked.errors, undefined, JSON.stringify(revoked));
    assert.deepEqual(revoked.data.apiTokenRevoke.userErrors, []);
    await refusedEverywhere(gateways, token);
  });

  test(`a token revoked by \`npm run token:revoke\` is refused by every replica within ${REVOCATION_BOUND_MS} ms`, async () => {
    const { token, prefix } = await cliToken('replicas-revoke-cli');
    for (const g of gateways) assert.equal((await asToken(g, token)).status, 200);
    const r = await npm('token:revoke', [prefix]);
    assert.equal(r.code, 0, r.stderr);
    await refusedEverywhere(gateways, token);
  });

  test('each background job runs in exactly one replica; killing it hands the job to another', async () => {
    const leaders = await oneLeaderEach(gateways);
    const victim = leaders['audit-maintenance']!;
    await gateways[victim]!.kill();
    const rest = gateways.filter((_, i) => i !== victim);
    const after = await oneLeaderEach(rest);
    // The one that took it over says so in its log.
    const heir = rest[after['audit-maintenance']!]!;
    assert.ok(heir.logs.some((l) => l.msg === 'this process now runs a background job' && l.job === 'audit-maintenance'));
    // The audit log the replicas and the CLI wrote together is one valid chain.
    const verify = await npm('audit:verify');
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    gateways = rest;
  });

  test('while PostgreSQL is stopped no replica runs a background job and a cached token is still served (counted in memory); once it is back each job has one replica again', async () => {
    const { token } = await cliToken('replicas-outage');
    for (const g of gateways) assert.equal((await asToken(g, token)).status, 200);
    await db.stopDatabase('fast');
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const gauges = await Promise.all(gateways.map(leaderGauges));
        if (gauges.every((g) => JOBS.every((job) => g[job] === 0))) break;
        if (Date.now() > deadline) assert.fail(`a replica still runs a job with the database stopped: ${JSON.stringify(gauges)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const g of gateways) {
        const r = await asToken(g, token);
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
    } finally {
      await db.startDatabase();
    }
    await oneLeaderEach(gateways);
  });
});

/** Polls every replica until each refuses `token` with 401 revoked_token, at most REVOCATION_BOUND_MS after the revocation returned. */
async function refusedEverywhere(gateways: GatewayProcess[], token: string): Promise<void> {
  const deadline = Date.now() + REVOCATION_BOUND_MS;
  const pending = new Set(gateways.map((_, i) => i));
  while (pending.size > 0) {
    for (const i of [...pending]) {
      const r = await asToken(gateways[i]!, token);
      if (r.status === 401) {
        assert.equal(r.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
        pending.delete(i);
        // Still accepted: served, or authenticated and then over its rate budget (the polls count).
      } else assert.ok(r.status === 200 || r.status === 429, JSON.stringify(r.body));
    }
    if (pending.size > 0 && Date.now() > deadline) assert.fail(`replicas ${[...pending].join(', ')} still accept the revoked token ${REVOCATION_BOUND_MS} ms after its revocation`);
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 20));
  }
}
