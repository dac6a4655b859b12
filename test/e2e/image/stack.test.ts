// deploy/stack.yml on a 3-manager harness swarm with `docker stack deploy`: the gateway on
// every manager, its audit log in the stack's PostgreSQL. Images come from scripts/image.sh
// (no registry here): built on manager 1, loaded into the two others. The test machines'
// kernel has no IPVS, so the routing-mesh port does not answer here: each replica is asked
// inside its own container, on 127.0.0.1:4000.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { waitFor } from '../../support/gateway.ts';
import { dockerEnv, dockerOk, swarmDown, swarmUp, type SwarmNode } from '../../support/swarm.ts';

const SWARM = 'sgw-stack';
const BASE = 'swarm-gateway-base:local';
const IMAGE = 'swarm-gateway:stack-e2e';
const POSTGRES = 'swarm-gateway-postgres:local';
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const LONG_MS = 15 * 60_000;

type Run = { code: number | null; stdout: string; stderr: string };

/** A command with a node's docker environment plus `extra`; never rejects (check `code`). */
function runOn(node: SwarmNode, cmd: string, args: string[], opts: { extra?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: REPO, env: { ...dockerEnv(node), ...opts.extra }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), LONG_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}

async function ok(node: SwarmNode, cmd: string, args: string[], opts: { extra?: NodeJS.ProcessEnv; input?: string } = {}): Promise<string> {
  const r = await runOn(node, cmd, args, opts);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}:\n${r.stderr.split('\n').slice(-30).join('\n')}`);
  return r.stdout;
}

/** `docker save` on one engine piped into `docker load` on another. */
function copyImage(from: SwarmNode, to: SwarmNode, image: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const save = spawn('docker', ['save', image], { env: dockerEnv(from), stdio: ['ignore', 'pipe', 'inherit'] });
    const load = spawn('docker', ['load', '-q'], { env: dockerEnv(to), stdio: ['pipe', 'ignore', 'inherit'] });
    save.stdout.pipe(load.stdin);
    load.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker load of ${image} into ${to.hostname} exited ${code}`))));
  });
}

describe('deploy/stack.yml', () => {
  let managers: SwarmNode[];
  let socketDir: string;
  let token: string;

  /** The running gateway container on a node (one per manager: the service is global). */
  async function gatewayContainer(node: SwarmNode): Promise<string> {
    return waitFor(`a healthy gateway task on ${node.hostname}`, async () => {
      const lines = (await dockerOk(node, ['ps', '--filter', 'name=gw_gateway', '--format', '{{.ID}} {{.Status}}'])).trim().split('\n');
      return lines.find((l) => l.includes('(healthy)'))?.split(' ')[0];
    }, 180_000, 2_000);
  }

  /** A GraphQL request sent from inside the gateway container on `node` to its own port. */
  async function gqlOn(node: SwarmNode, query: string): Promise<{ data?: any; errors?: unknown[] }> {
    const container = await gatewayContainer(node);
    const script = 'fetch("http://127.0.0.1:4000/graphql",{method:"POST",headers:{"content-type":"application/json",authorization:"Bearer "+process.env.TOK},body:JSON.stringify({query:process.env.Q})}).then((r)=>r.text()).then((t)=>process.stdout.write(t))';
    const out = await dockerOk(node, ['exec', '-e', `TOK=${token}`, '-e', `Q=${query}`, container, 'node', '-e', script]);
    return JSON.parse(out) as { data?: any; errors?: unknown[] };
  }

  async function createTokenOn(node: SwarmNode, name: string): Promise<void> {
    const res = await gqlOn(node, `mutation { apiTokenCreate(input: { name: "${name}", grants: [{ role: VIEWER }] }) { apiToken { name } userErrors { code } } }`);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.deepEqual(res.data.apiTokenCreate, { apiToken: { name }, userErrors: [] });
  }

  before(async () => {
    const swarm = await swarmUp(SWARM, { managers: 3 });
    managers = swarm.nodes;
    const [m1, m2, m3] = managers as [SwarmNode, SwarmNode, SwarmNode];
    await ok(m1, 'bash', ['scripts/image.sh', 'base', BASE]);
    await ok(m1, 'bash', ['scripts/image.sh', 'build', IMAGE, BASE]);
    await ok(m1, 'bash', ['scripts/image.sh', 'postgres', POSTGRES]);
    await Promise.all([copyImage(m1, m2, IMAGE), copyImage(m1, m3, IMAGE)]);
    // Every node's socket has its own path here: one symlink per hostname, and the stack's
    // DOCKER_SOCKET names them with the {{.Node.Hostname}} template.
    socketDir = mkdtempSync(path.join(tmpdir(), 'sg-stack-sockets-'));
    for (const m of managers) symlinkSync(m.socket, path.join(socketDir, `${m.hostname}.sock`));
    await dockerOk(m1, ['node', 'update', '--label-add', 'gateway-db=true', m1.hostname]);
    const password = `pw${process.pid}x${Date.now()}`;
    await ok(m1, 'docker', ['secret', 'create', 'gateway-db-password', '-'], { input: password });
    await ok(m1, 'docker', ['secret', 'create', 'gateway-database-url', '-'], { input: `postgresql://gateway:${password}@db:5432/gateway` });
    await ok(m1, 'docker', ['stack', 'deploy', '--resolve-image', 'never', '-c', 'deploy/stack.yml', 'gw'], {
      extra: { GATEWAY_IMAGE: IMAGE, POSTGRES_IMAGE: POSTGRES, DOCKER_SOCKET: `${socketDir}/{{.Node.Hostname}}.sock` },
    });
    for (const m of managers) await gatewayContainer(m);
    token = (await dockerOk(m1, ['exec', await gatewayContainer(m1), 'node', 'dist/cli/tokens.js', 'create', '--name', 'ops-admin', '--grant', 'admin'])).trim();
  });

  after(async () => {
    await swarmDown(SWARM);
    if (socketDir) rmSync(socketDir, { recursive: true, force: true });
  });

  test('the stack runs one gateway per manager and the database, as the service spec says', async () => {
    const m1 = managers[0]!;
    const [gateway] = JSON.parse(await dockerOk(m1, ['service', 'inspect', 'gw_gateway']));
    assert.equal(gateway.Spec.UpdateConfig.Order, 'start-first');
    assert.ok(gateway.Spec.TaskTemplate.ContainerSpec.Healthcheck.Test.length > 0);
    assert.deepEqual(gateway.Spec.TaskTemplate.ContainerSpec.Env.filter((e: string) => e.startsWith('DATABASE_URL')), ['DATABASE_URL_FILE=/run/secrets/gateway-database-url']);
    const hosts = (await dockerOk(m1, ['service', 'ps', 'gw_gateway', '--filter', 'desired-state=running', '--format', '{{.Node}}'])).trim().split('\n').sort();
    assert.deepEqual(hosts, managers.map((m) => m.hostname).sort());
    const db = (await dockerOk(m1, ['service', 'ps', 'gw_db', '--filter', 'desired-state=running', '--format', '{{.Node}}'])).trim();
    assert.equal(db, m1.hostname);
  });

  test('a mutation through every replica lands in the one shared database', async () => {
    for (const [i, m] of managers.entries()) await createTokenOn(m, `via-replica-${i + 1}`);
    for (const m of managers) {
      const res = await gqlOn(m, '{ apiTokens { nodes { name } } }');
      const names = res.data.apiTokens.nodes.map((t: { name: string }) => t.name);
      for (const i of [1, 2, 3]) assert.ok(names.includes(`via-replica-${i}`), `${m.hostname} lists via-replica-${i}`);
    }
  });

  test('with one replica killed the others take mutations, its replacement too, and the audit chain verifies', async () => {
    const [m1, m2, m3] = managers as [SwarmNode, SwarmNode, SwarmNode];
    const killed = await gatewayContainer(m2);
    await dockerOk(m2, ['kill', '-s', 'KILL', killed]);
    await createTokenOn(m1, 'after-kill-1');
    await createTokenOn(m3, 'after-kill-3');
    await waitFor('a new gateway task on manager 2', async () => (await gatewayContainer(m2)) !== killed, 180_000, 2_000);
    await createTokenOn(m2, 'after-restart-2');
    const verify = await runOn(m3, 'docker', ['exec', await gatewayContainer(m3), 'node', 'dist/cli/audit.js', 'verify']);
    assert.equal(verify.code, 0, verify.stderr);
    // token:create's intent and outcome, then an intent and an outcome per mutation above.
    assert.match(verify.stdout + verify.stderr, /OK: 14 records verified, seq 1 to 14/);
  });
});
