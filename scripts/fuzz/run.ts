// One fuzz run: a harness swarm (test/support/swarm.ts) and a gateway process on it (with
// an embedded audit database), then `requests` requests generated from the seed, each
// answer checked (checks.ts), the engine's state compared before and after every mutation
// the gateway refused, and the process watched: a crash is recorded with the request that
// caused it and the gateway is started again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configFor } from '../../test/support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../test/support/gateway-process.ts';
import { loadSchema } from '../../test/support/schema-requests.ts';
import { testAdminAuthorization } from '../../test/support/gateway.ts';
import { swarmDown, swarmUp } from '../../test/support/swarm.ts';
import { checkAnswer, mutationRefused, type Answer, type Finding } from './checks.ts';
import { engineFingerprint } from './engine-state.ts';
import { malformedRequest, type RawRequest } from './malformed-requests.ts';
import { Random } from './random.ts';
import { SchemaRequests } from './schema-requests.ts';

export interface FuzzOptions {
  seed: number;
  requests: number;
  /** Share of requests that are malformed HTTP or limit-shaped documents (the rest come from the schema). */
  malformedShare?: number;
  /** The harness swarm's name. */
  swarm?: string;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  durationMs: number;
  /** Requests per shape (root field or malformed kind). */
  shapes: Record<string, number>;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  crashes: number;
  /** Error-level lines in the gateway's log (for alerting they should be rare). */
  errorLogLines: number;
  findings: Finding[];
}

/** Root fields that would end the harness itself if a generated input happened to be valid: they get garbage targets only. */
const HARNESS_ENDING = new Set(['swarmLeave', 'swarmInit', 'swarmJoin', 'nodeDemote', 'nodeUpdate', 'swarmUpdate', 'nodeRemove']);

const REQUEST_TIMEOUT_MS = 30_000;

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {});
  const random = new Random(options.seed);
  const swarmName = options.swarm ?? 'fuzz';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sg-fuzz-'));
  const started = performance.now();
  const report: FuzzReport = { seed: options.seed, requests: 0, durationMs: 0, shapes: {}, statuses: {}, codes: {}, crashes: 0, errorLogLines: 0, findings: [] };
  const swarm = await swarmUp(swarmName);
  const socket = swarm.nodes[0]!.socket;
  const config = configFor([swarm]);
  const gatewayConfig = { ...config, limits: { ...config.limits, rateLimitRequests: 0, authFailuresPerAddress: 1_000_000 } };
  let gateway: GatewayProcess | undefined;
  const authorization = await testAdminAuthorization();
  const bearer = authorization.slice('Bearer '.length);
  const generator = new SchemaRequests(loadSchema());
  const malformedShare = options.malformedShare ?? 0.25;
  try {
    gateway = await spawnGateway(gatewayConfig, { GATEWAY_DATA_DIR: dataDir });
    for (let n = 0; n < options.requests; n++) {
      const malformed = random.chance(malformedShare);
      let raw: RawRequest;
      let mutation: string | undefined;
      if (malformed) raw = malformedRequest(random, n);
      else {
        const generated = generator.generate(random, n);
        if (HARNESS_ENDING.has(generated.field)) pointAtNothing(generated.field, generated.body.variables);
        raw = { shape: generated.shape, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify(generated.body) };
        if (generated.kind === 'mutation') mutation = generated.field;
      }
      report.requests++;
      report.shapes[raw.shape] = (report.shapes[raw.shape] ?? 0) + 1;
      const before = mutation ? await engineFingerprint(socket) : undefined;
      const requestText = describe(raw);
      let answer: Answer | undefined;
      try {
        answer = await send(gateway.port, raw, authorization);
      } catch (err) {
        if (gateway.child.exitCode !== null || gateway.child.signalCode !== null) {
          report.crashes++;
          report.findings.push({ kind: 'crash', shape: raw.shape, request: requestText, detail: `the gateway exited (${gateway.child.exitCode ?? gateway.child.signalCode}); last log: ${JSON.stringify(gateway.logs.slice(-3)).slice(0, 600)}` });
          log(`crash on ${raw.shape}; restarting the gateway`);
          report.errorLogLines += countErrorLines(gateway);
          gateway = await spawnGateway(gatewayConfig, { GATEWAY_DATA_DIR: dataDir });
        } else {
          report.findings.push({ kind: 'hang', shape: raw.shape, request: requestText, detail: String((err as Error).message) });
        }
        continue;
      }
      report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
      for (const code of codesOf(answer.text)) report.codes[code] = (report.codes[code] ?? 0) + 1;
      const sentText = raw.body === undefined ? raw.path : Buffer.isBuffer(raw.body) ? raw.path : `${raw.path} ${raw.body}`;
      for (const problem of checkAnswer(answer, [bearer], decodeURIComponentSafe(sentText))) report.findings.push({ ...problem, shape: raw.shape, request: requestText });
      if (mutation && before !== undefined) {
        const refused = mutationRefused(mutation, answer.text);
        const after = await engineFingerprint(socket);
        if (refused && after !== before) {
          report.findings.push({ kind: 'engine_changed', shape: raw.shape, request: requestText, detail: `refused (${answer.text.slice(0, 200)}) but the engine changed: ${diff(before, after)}` });
        }
        // A mutation that went through may leave the allocator working; let it settle before the next comparison.
        if (!refused) await new Promise((r) => setTimeout(r, 1_000));
      }
      if ((n + 1) % 250 === 0) log(`${n + 1}/${options.requests} requests, ${report.findings.length} findings`);
    }
  } finally {
    if (gateway) {
      report.errorLogLines += countErrorLines(gateway);
      await gateway.stop();
    }
    await swarmDown(swarmName);
    rmSync(dataDir, { recursive: true, force: true });
    report.durationMs = Math.round(performance.now() - started);
  }
  return report;
}

async function send(port: number, raw: RawRequest, authorization: string): Promise<Answer> {
  const headers = { authorization, ...raw.headers };
  const res = await fetch(`http://127.0.0.1:${port}${raw.path}`, {
    method: raw.method,
    headers,
    ...(raw.body !== undefined && raw.method !== 'GET' ? { body: raw.body } : {}),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The input names a cluster (and engine) the gateway does not know, so nothing can reach the harness. */
function pointAtNothing(field: string, variables: Record<string, unknown>): void {
  const input = variables.input !== null && typeof variables.input === 'object' ? (variables.input as Record<string, unknown>) : {};
  variables.input = { ...input, cluster: 'fuzz-nonexistent-cluster', ...(field.startsWith('swarm') && field !== 'swarmUpdate' ? { engine: 'fuzz-nonexistent-engine' } : {}) };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function codesOf(text: string): string[] {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    return (body.errors ?? []).map((e) => String(e.extensions?.code));
  } catch {
    return [];
  }
}

function countErrorLines(gateway: GatewayProcess): number {
  return gateway.logs.filter((l) => typeof l.level === 'number' && l.level >= 50).length;
}

function describe(raw: RawRequest): string {
  const body = raw.body === undefined ? '' : Buffer.isBuffer(raw.body) ? `<${raw.body.length} bytes>` : raw.body.length > 400 ? `${raw.body.slice(0, 400)}... (${raw.body.length} chars)` : raw.body;
  return `${raw.method} ${raw.path.slice(0, 200)} ${JSON.stringify(raw.headers)} ${body}`;
}

function diff(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, unknown>;
  const b = JSON.parse(after) as Record<string, unknown>;
  return Object.keys(b)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k}: ${JSON.stringify(a[k]).slice(0, 200)} -> ${JSON.stringify(b[k]).slice(0, 200)}`)
    .join('; ');
}
