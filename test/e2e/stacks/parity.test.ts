// Parity with `docker stack deploy` on a real swarm (one manager): each compose file in
// fixtures/ is deployed by the Docker CLI under one stack name and by stackDeploy under
// another; both are read straight from the Engine API and must be equal once IDs, versions,
// timestamps, the stack name and the allocator's values are normalized (test/support/
// stack-parity.ts). The gateway runs as an unscoped admin, so it adds nothing of its own
// (no worker constraint, no scope label). The two deploys of one file run one after the
// other (the CLI's removed first), since some files publish ingress ports. One test redeploys
// with prune (the CLI's --prune) and compares what remains; the last keeps both stacks up at
// once: `docker stack ls` lists both, `docker stack services/ps` list the gateway's stack, and
// `docker stack rm` and stackRemove each leave nothing labelled.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { configFor, expectData, startGateway, waitFor, type TestGateway } from '../../support/gateway.ts';
import { jsonDiff, normalizeStack, objectCount, readAllocatedStack, readStack } from '../../support/stack-parity.ts';
import { dockerEnv, dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'pe-parity';
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const TOKEN = 'stack-token-Lq3vNb8';

type Json = Record<string, any>;

/** One compose file as the CLI deploys it and as stackDeploy does (the same file unless the data's source differs). */
interface Fixture {
  cli: string;
  gateway?: string;
  /** Files the CLI's compose file names (`file: ./x`), written next to it. */
  files?: Record<string, string>;
  /** The interpolation variables: the CLI's environment, stackDeploy's `variables`. */
  variables?: Record<string, string>;
}

const SECRET_CONFIG: Fixture = {
  cli: 'secret-config.cli.yml',
  gateway: 'secret-config.gateway.yml',
  files: { 'token.txt': TOKEN, 'app.conf': 'listen 80;' },
  variables: { TOKEN_DATA: TOKEN },
};

const CASES: Record<string, Fixture> = {
  "the overlay guide's nginx example": { cli: 'nginx.yml' },
  'endpoint_mode dnsrr with an alias': { cli: 'dnsrr.yml' },
  'host-mode ports (long syntax) next to an ingress port': { cli: 'host-ports.yml' },
  'a secret and a config (files for the CLI, a variable and content for the gateway)': SECRET_CONFIG,
  'update_config, rollback_config and restart_policy': { cli: 'update-rollback.yml' },
  'placement: constraints, preferences, max_replicas_per_node': { cli: 'placement.yml' },
  'resources: limits and reservations': { cli: 'resources.yml' },
  'a health check, and one disabled': { cli: 'healthcheck.yml' },
  'a named volume and an overlay network with options': { cli: 'volume-network.yml' },
  'labels, environment with interpolation, entrypoint and command': { cli: 'labels-env.yml', variables: { GREETING: 'hello from the test' } },
  'extension fields, merge keys, a string command, a port range, container options, a job': { cli: 'extras.yml' },
};

describe('stack parity with docker stack deploy on a real swarm', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let work: string;
  let n = 0;

  /** `docker stack deploy` (with `options`, e.g. `--prune`) from a temp dir holding the compose file and the files it names, the variables in its environment. */
  async function cliDeploy(fixture: Fixture, stack: string, options: string[] = []): Promise<string> {
    const dir = path.join(work, stack);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    const compose = await readFile(path.join(FIXTURES, fixture.cli), 'utf8');
    await writeFile(path.join(dir, 'compose.yml'), compose);
    for (const [name, data] of Object.entries(fixture.files ?? {})) await writeFile(path.join(dir, name), data);
    const env = { ...dockerEnv(manager), ...(fixture.variables ?? {}) };
    delete env.LEVEL; // labels-env.yml's default must apply, as it does for the gateway
    // --resolve-image never: the gateway does not ask a registry for digests, and the harness has none to ask.
    const args = ['stack', 'deploy', '--resolve-image', 'never', ...options, '-c', path.join(dir, 'compose.yml'), stack];
    await new Promise<void>((resolve, reject) =>
      execFile(process.env.SG_DOCKER_CLI || 'docker', args, { env, cwd: dir, timeout: 120_000 }, (err, _out, stderr) =>
        err ? reject(new Error(`docker ${args.join(' ')}: ${err.message} ${stderr}`)) : resolve()),
    );
    return compose;
  }

  async function gatewayDeploy(fixture: Fixture, stack: string, options: Json = {}): Promise<string> {
    const compose = await readFile(path.join(FIXTURES, fixture.gateway ?? fixture.cli), 'utf8');
    const variables = Object.entries(fixture.variables ?? {}).map(([name, value]) => ({ name, value }));
    const res = expectData(await gw.gql(
      'mutation($i: StackDeployInput!) { stackDeploy(input: $i) { stack { name } warnings userErrors { field code message } } }',
      { i: { name: stack, compose, variables, ...options } },
    )).stackDeploy;
    assert.deepEqual(res.userErrors, [], `stackDeploy ${fixture.gateway ?? fixture.cli}: ${JSON.stringify(res.userErrors)}`);
    assert.equal(res.stack.name, stack);
    return compose;
  }

  async function gatewayRemove(stack: string): Promise<Json> {
    const res = expectData(await gw.gql(
      'mutation($i: StackRemoveInput!) { stackRemove(input: $i) { removed { id name } userErrors { field code message } } }',
      { i: { name: stack } },
    )).stackRemove;
    assert.deepEqual(res.userErrors, []);
    return res;
  }

  async function waitGone(stack: string): Promise<void> {
    await waitFor(`nothing labelled ${stack}`, async () => objectCount(await readStack(manager, stack)) === 0, 180_000); // task shutdown before the network can go: slow on a loaded machine
  }

  /** Fails with one line per difference between the two normalized stacks. */
  function assertSame(cliStack: Json, gwStack: Json, what: string): void {
    const diff = jsonDiff(cliStack, gwStack);
    assert.equal(diff.length, 0, `${what}: the gateway's stack differs from the CLI's (CLI -> gateway):\n  ${diff.join('\n  ')}`);
  }

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes.find((node) => node.role === 'manager')!;
    gw = await startGateway(configFor([swarm]));
    work = await mkdtemp(path.join(tmpdir(), 'sg-stack-parity-'));
  });

  after(async () => {
    await gw?.stop();
    if (work) await rm(work, { recursive: true, force: true });
    await swarmDown(SWARM);
  });

  for (const [what, fixture] of Object.entries(CASES)) {
    test(`parity: ${what} (${fixture.cli})`, async () => {
      n += 1;
      const [cliName, gwName] = [`pcli${n}`, `pgw${n}`];
      const cliCompose = await cliDeploy(fixture, cliName);
      const cliRead = await readAllocatedStack(manager, cliName);
      assert.ok(cliRead.services.length > 0, `the CLI deployed no service for ${fixture.cli}`);
      await dockerOk(manager, ['stack', 'rm', cliName]);
      await waitGone(cliName);

      const gwCompose = await gatewayDeploy(fixture, gwName);
      const gwRead = await readAllocatedStack(manager, gwName);
      assertSame(normalizeStack(cliRead, cliCompose), normalizeStack(gwRead, gwCompose), fixture.cli);

      await gatewayRemove(gwName);
      await waitGone(gwName);
    });
  }

  test('parity: a redeploy with prune removes the services the file no longer names, as docker stack deploy --prune does (prune-before.yml, prune-after.yml)', async () => {
    const [first, second] = [{ cli: 'prune-before.yml' }, { cli: 'prune-after.yml' }];
    const [cliName, gwName] = ['prune-cli', 'prune-gw'];
    // The update's progress (state, times) is the swarm's, not what was sent: left out.
    const comparable = (r: Awaited<ReturnType<typeof readAllocatedStack>>, compose: string) => {
      const doc = normalizeStack(r, compose);
      for (const s of Object.values(doc.services) as Json[]) delete s.UpdateStatus;
      return doc;
    };
    await cliDeploy(first, cliName);
    await readAllocatedStack(manager, cliName);
    const cliCompose = await cliDeploy(second, cliName, ['--prune']);
    const cliRead = await readAllocatedStack(manager, cliName);
    assert.deepEqual(cliRead.services.map((s) => s.Spec.Name), [`${cliName}_web`]);
    await dockerOk(manager, ['stack', 'rm', cliName]);
    await waitGone(cliName);

    await gatewayDeploy(first, gwName);
    await readAllocatedStack(manager, gwName);
    const gwCompose = await gatewayDeploy(second, gwName, { prune: true });
    const gwRead = await readAllocatedStack(manager, gwName);
    assertSame(comparable(cliRead, cliCompose), comparable(gwRead, gwCompose), 'prune');

    await gatewayRemove(gwName);
    await waitGone(gwName);
  });

  test('both stacks at once: docker stack ls lists both, stack services/ps list the gateway\'s, rm and stackRemove leave nothing labelled', async () => {
    const [cliName, gwName] = ['both-cli', 'both-gw'];
    await cliDeploy(SECRET_CONFIG, cliName);
    await gatewayDeploy(SECRET_CONFIG, gwName);

    const stacks = (await dockerOk(manager, ['stack', 'ls', '--format', '{{.Name}}'])).trim().split('\n');
    assert.ok(stacks.includes(cliName) && stacks.includes(gwName), `docker stack ls: ${stacks.join(', ')}`);
    const services = (await dockerOk(manager, ['stack', 'services', gwName, '--format', '{{.Name}}'])).trim().split('\n');
    assert.deepEqual(services, [`${gwName}_app`]);
    const tasks = await waitFor(`a task of ${gwName} in docker stack ps`, async () => {
      const names = (await dockerOk(manager, ['stack', 'ps', gwName, '--format', '{{.Name}}'])).trim().split('\n').filter(Boolean);
      return names.length ? names : null;
    });
    assert.deepEqual(tasks, [`${gwName}_app.1`]);
    const listed = expectData(await gw.gql('query { stacks { nodes { name services { name } } } }')).stacks.nodes;
    assert.deepEqual(listed.filter((s: Json) => [cliName, gwName].includes(s.name)).sort((a: Json, b: Json) => a.name.localeCompare(b.name)).map((s: Json) => [s.name, s.services.map((x: Json) => x.name)]),
      [[cliName, [`${cliName}_app`]], [gwName, [`${gwName}_app`]]]);

    // stackRemove removes what `docker stack rm` removes, in its order ("Removing service x", ...: services, secrets, configs, networks).
    const cliRemoved = (await dockerOk(manager, ['stack', 'rm', cliName])).trim().split('\n').map((line) => line.replace(/^Removing \w+ /, '').replace(cliName, '<stack>'));
    const removed = await gatewayRemove(gwName);
    assert.deepEqual(removed.removed.map((o: Json) => o.name.replace(gwName, '<stack>')), cliRemoved);
    assert.deepEqual(cliRemoved, ['<stack>_app', '<stack>_token', '<stack>_app_conf', '<stack>_default']);
    await waitGone(cliName);
    await waitGone(gwName);
  });
});
