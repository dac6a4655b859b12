// The gateway's image, built and run as a user would on a swarm manager (1 manager, 1 worker).
// No registry is reachable here, so scripts/image.sh makes the base image (Debian minbase and
// this machine's node) and builds the Dockerfile's `prebuilt` target on the manager's engine.
// The gateway then runs as a container of that engine: the manager's socket bind-mounted, the
// embedded database in a named volume, its port published on the node's address.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { waitFor } from '../../support/gateway.ts';
import { dockerEnv, dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'sgw-image';
const BASE = 'swarm-gateway-base:local';
const IMAGE = 'swarm-gateway:e2e';
const VOLUME = 'gateway-data';
const CONTAINER = 'gateway';
const PORT = 4000;
const IMAGE_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/image.sh');
const BUILD_TIMEOUT_MS = 15 * 60_000;

/** scripts/image.sh against one node's engine; its stdout, or a throw with its stderr's tail. */
function imageScript(node: SwarmNode, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [IMAGE_SCRIPT, ...args], { env: dockerEnv(node), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), BUILD_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`scripts/image.sh ${args.join(' ')} exited ${code}:\n${err.split('\n').slice(-30).join('\n')}`));
    });
  });
}

describe('the gateway image', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let imageBytes: number;
  let token: string;
  const url = (p: string) => `http://${manager.addr}:${PORT}${p}`;

  async function gql(query: string, bearer = token): Promise<{ data?: any; errors?: unknown[] }> {
    const res = await fetch(url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as { data?: any; errors?: unknown[] };
  }

  /** Starts the gateway container; resolves once /healthz answers on the node's address. */
  async function runGateway(): Promise<void> {
    await dockerOk(manager, [
      'run', '-d', '--name', CONTAINER, '-p', `${PORT}:4000`,
      // The node's dockerd shares this machine's mounts: the bind source is the manager's socket.
      '--mount', `type=bind,source=${manager.socket},target=/var/run/docker.sock`,
      '--mount', `type=volume,source=${VOLUME},target=/data`,
      IMAGE,
    ]);
    await waitFor('the gateway container to answer /healthz', async () => {
      const res = await fetch(url('/healthz'), { signal: AbortSignal.timeout(3_000) });
      return res.ok && ((await res.json()) as { status: string }).status === 'ok';
    }, 90_000);
  }

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    await imageScript(manager, ['base', BASE]);
    imageBytes = Number((await imageScript(manager, ['build', IMAGE, BASE])).trim());
    console.log(`gateway image ${IMAGE}: ${(imageBytes / 1e6).toFixed(0)} MB (base ${BASE} included)`);
  });

  after(async () => {
    await swarmDown(SWARM);
  });

  test('the image is built on the local base and runs the compiled dist/ with node', async () => {
    const [inspect] = JSON.parse(await dockerOk(manager, ['image', 'inspect', IMAGE]));
    assert.deepEqual(inspect.Config.Cmd, ['node', 'dist/main.js']);
    assert.equal(inspect.Size, imageBytes);
    const [base] = JSON.parse(await dockerOk(manager, ['image', 'inspect', BASE]));
    assert.equal(inspect.RootFS.Layers[0], base.RootFS.Layers[0], 'the first layer is the local base image');
    // No TypeScript runner is needed at run time: the entry point is compiled JavaScript.
    const listing = await dockerOk(manager, ['run', '--rm', '--entrypoint', 'ls', IMAGE, 'dist/main.js', 'dist/cli/tokens.js']);
    assert.match(listing, /dist\/main\.js/);
  });

  test('the first admin token, made by the one-shot tokens CLI in the data volume, is accepted by the running gateway', async () => {
    const created = await dockerOk(manager, [
      'run', '--rm', '--mount', `type=volume,source=${VOLUME},target=/data`,
      IMAGE, 'node', 'dist/cli/tokens.js', 'create', '--name', 'image-admin', '--grant', 'admin',
    ]);
    token = created.trim();
    assert.match(token, /^sgw_/);
    await runGateway();
    const res = await gql('{ whoami { kind name grants { role } } }');
    assert.equal(res.errors, undefined);
    assert.deepEqual(res.data.whoami, { kind: 'TOKEN', name: 'image-admin', grants: [{ role: 'ADMIN' }] });
    const wrong = await gql('{ whoami { name } }', 'sgw_wrong_token');
    assert.equal((wrong.errors?.[0] as { extensions?: { code?: string } })?.extensions?.code, 'UNAUTHENTICATED');
  });

  test('nodes answers the real swarm\'s nodes, as `docker node ls` lists them', async () => {
    const res = await gql('{ nodes { totalCount nodes { id hostname role } } }');
    assert.equal(res.errors, undefined);
    const cli = (await dockerOk(manager, ['node', 'ls', '--format', '{{.ID}} {{.Hostname}}'])).trim().split('\n')
      .map((line) => line.split(' ')).map(([id, hostname]) => ({ id, hostname })).sort((a, b) => a.hostname!.localeCompare(b.hostname!));
    assert.equal(res.data.nodes.totalCount, 2);
    assert.deepEqual(res.data.nodes.nodes.map((n: { id: string; hostname: string }) => ({ id: n.id, hostname: n.hostname })), cli);
    assert.deepEqual(res.data.nodes.nodes.map((n: { role: string }) => n.role).sort(), ['MANAGER', 'WORKER']);
  });

  test('a replaced container keeps the database: the token still works', async () => {
    await dockerOk(manager, ['rm', '-f', CONTAINER]);
    await runGateway();
    const res = await gql('{ whoami { name } }');
    assert.equal(res.errors, undefined);
    assert.deepEqual(res.data.whoami, { name: 'image-admin' });
  });
});
