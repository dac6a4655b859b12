// deploy/stack.yml on a 3-manager harness swarm with `docker stack deploy`: the gateway on
// every manager, its audit log in the stack's PostgreSQL. Images come from scripts/image.sh
// (no registry here): built on manager 1, loaded into the two others. The test machines'
// kernel has no IPVS, so the routing-mesh port does not answer here: each replica is asked
// inside its own container, on 127.0.0.1:4000. Last, the stack is updated as an operator would
// (`docker service update --env-add`, start-first by the stack file) while clients keep sending
// mutations through every replica.
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

  /**
   * One networkCreate sent inside a running gateway container on `node`, as a client that
   * retries connection errors sees it: `refused` (it never reached a gateway: no container, or
   * the port closed), `succeeded` / `failed` (an answer), or `unknown` (sent, no answer read).
   */
  async function createNetworkOn(node: SwarmNode, name: string): Promise<'refused' | 'succeeded' | 'failed' | 'unknown'> {
    const ps = await runOn(node, 'docker', ['ps', '--filter', 'name=gw_gateway', '--filter', 'health=healthy', '--format', '{{.ID}}']);
    const container = ps.stdout.trim().split('\n').filter(Boolean)[0];
    if (!container) return 'refused';
    const query = `mutation { networkCreate(input: { name: "${name}", driver: "overlay" }) { network { id } userErrors { code } } }`;
    const script = 'fetch("http://127.0.0.1:4000/graphql",{method:"POST",headers:{"content-type":"application/json",authorization:"Bearer "+process.env.TOK},body:JSON.stringify({query:process.env.Q})}).then((r)=>r.text()).then((t)=>process.stdout.write(JSON.stringify({body:t})),(e)=>process.stdout.write(JSON.stringify({error:String(e.cause?.code??e.message)})))';
    const r = await runOn(node, 'docker', ['exec', '-e', `TOK=${token}`, '-e', `Q=${query}`, container, 'node', '-e', script]);
    if (r.code !== 0) return /is not running|No such container|is restarting|is paused/.test(r.stderr) ? 'refused' : 'unknown';
    let out: { body?: string; error?: string };
    try {
      out = JSON.parse(r.stdout);
    } catch {
      return 'unknown';
    }
    if (out.error) return out.error === 'ECONNREFUSED' ? 'refused' : 'unknown';
    const res = JSON.parse(out.body!) as { data?: any; errors?: unknown[] };
    return !res.errors && res.data?.networkCreate?.network?.id && res.data.networkCreate.userErrors.length === 0 ? 'succeeded' : 'failed';
  }

  /** Rows of a query run by psql in the database's container (tab-separated fields). */
  async function sqlRows(query: string): Promise<string[][]> {
    const m1 = managers[0]!;
    const db = (await dockerOk(m1, ['ps', '-q', '--filter', 'name=gw_db'])).trim().split('\n')[0]!;
    const out = await dockerOk(m1, ['exec', db, 'psql', '-U', 'gateway', '-d', 'gateway', '-AtF', '\t', '-c', query]);
    return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
  }

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

  test('a start-first update while clients send mutations through every replica: completed, every replica on the new spec, one verified chain, every answer true to the engine', async () => {
    const [m1] = managers as [SwarmNode, SwarmNode, SwarmNode];
    const started = Date.now();
    const seen: Record<string, 'refused' | 'succeeded' | 'failed' | 'unknown'> = {};
    let rolling = true;
    let n = 0;
    // One client per manager, each sending one mutation after the other (a new name each time,
    // so a retry of a refused request can never be taken for the first).
    const clients = managers.map(async (m, i) => {
      while (rolling) {
        const name = `roll-${i + 1}-${++n}`;
        seen[name] = await createNetworkOn(m, name);
        if (seen[name] === 'refused') await new Promise((r) => setTimeout(r, 250));
      }
    });
    try {
      await ok(m1, 'docker', ['service', 'update', '--detach', '--env-add', 'ROLL_MARK=2', 'gw_gateway']);
      await waitFor('the update of gw_gateway to conclude', async () => {
        const [svc] = JSON.parse(await dockerOk(m1, ['service', 'inspect', 'gw_gateway']));
        const state = svc.UpdateStatus?.State as string | undefined;
        return state && !['updating', 'rollback_started'].includes(state) ? state : undefined;
      }, 400_000, 2_000).then((state) => assert.equal(state, 'completed'));
      // A few more after it, so that the new tasks are asked too.
      const after = n + 6;
      await waitFor('mutations after the update', async () => n >= after || undefined, 120_000, 500);
    } finally {
      rolling = false;
      await Promise.all(clients);
    }
    const rolled = Math.round((Date.now() - started) / 1000);
    const [svc] = JSON.parse(await dockerOk(m1, ['service', 'inspect', 'gw_gateway']));
    assert.equal(svc.UpdateStatus.State, 'completed');
    assert.ok(svc.Spec.TaskTemplate.ContainerSpec.Env.includes('ROLL_MARK=2'));
    // Every running task, one per manager, runs the new spec.
    const taskIds = (await dockerOk(m1, ['service', 'ps', '-q', '--filter', 'desired-state=running', 'gw_gateway'])).trim().split('\n');
    const tasks = JSON.parse(await dockerOk(m1, ['inspect', ...taskIds])) as { NodeID: string; Status: { State: string }; Spec: { ContainerSpec: { Env: string[] } } }[];
    assert.equal(tasks.length, managers.length);
    assert.equal(new Set(tasks.map((t) => t.NodeID)).size, managers.length);
    for (const t of tasks) {
      assert.equal(t.Status.State, 'running');
      assert.deepEqual(t.Spec.ContainerSpec.Env, svc.Spec.TaskTemplate.ContainerSpec.Env);
    }
    const verify = await runOn(m1, 'docker', ['exec', await gatewayContainer(m1), 'node', 'dist/cli/audit.js', 'verify']);
    assert.equal(verify.code, 0, verify.stderr);
    const [[count]] = (await sqlRows('SELECT count(*) FROM audit_records')) as [[string]];
    assert.match(verify.stdout + verify.stderr, new RegExp(`OK: ${count} records verified, seq 1 to ${count}\\b`));
    // What the audit log says of each networkCreate, against what the engine has.
    const audited = new Map((await sqlRows(
      "SELECT i.target, coalesce(o.outcome, '') FROM audit_records i LEFT JOIN audit_records o ON o.kind = 'outcome' AND o.intent_id = i.id WHERE i.kind = 'intent' AND i.operation = 'networkCreate'",
    )).map(([target, outcome]) => [target!, outcome!]));
    const networks = new Set((await dockerOk(m1, ['network', 'ls', '--format', '{{.Name}}'])).trim().split('\n'));
    const tally = { refused: 0, succeeded: 0, failed: 0, unknown: 0 };
    for (const [name, answer] of Object.entries(seen)) {
      tally[answer]++;
      if (answer === 'succeeded') assert.equal(audited.get(name), 'succeeded', `${name}: answered succeeded, audited ${audited.get(name)}`);
      if (answer === 'refused') assert.equal(audited.has(name), false, `${name} never reached a gateway, yet was audited`);
    }
    for (const [name, outcome] of audited) {
      if (outcome === 'succeeded') assert.ok(networks.has(name), `${name} audited succeeded but not in the engine`);
      if (outcome === 'failed') assert.ok(!networks.has(name), `${name} audited failed but made`);
    }
    for (const name of networks) if (name.startsWith('roll-')) assert.equal(audited.get(name), 'succeeded', `${name} is in the engine, audited ${audited.get(name) || 'without outcome'}`);
    console.log(`stack-update: rolled in ${rolled} s; ${Object.keys(seen).length} mutations: ${JSON.stringify(tally)}; audited ${audited.size}`);
    assert.ok(tally.succeeded > 0);
  });
});
