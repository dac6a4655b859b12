// A gateway process killed between the engine call and the outcome write of a containerRun
// (on a worker's own engine), a secretCreate and a stackRemove (on the swarm), and of a
// containerRun the engine refused (its image is not there: nothing was made): the next start on the same
// database reconciles them from the engines' state and events. The window is made
// deterministic with the TEST-ONLY GATEWAY_TEST_PAUSE_AFTER_ENGINE hook (the process hangs
// those operations right before their outcome, whatever it is). Real swarm, embedded PGlite.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { verifyChain } from '../../../src/audit/hash-chain.ts';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor, waitFor } from '../../support/gateway.ts';
import { spawnGateway } from '../../support/gateway-process.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'arcc-swarm';

describe('reconciling container, secret and stack intents left by a killed gateway', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let config: GatewayConfig;
  let db: AuditDb;

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    worker = swarm.nodes.find((n) => n.role === 'worker')!;
    config = configFor([swarm]);
    db = await openAuditDb('pglite', 'arcc');
    // A stack of a service and a config, on a network of its own outside the stack (so that
    // its removal has no network to wait for), deployed with the docker CLI.
    await dockerOk(manager, ['network', 'create', '--driver', 'overlay', 'arcc-ext']);
    const dir = await mkdtemp(join(tmpdir(), 'arcc-'));
    try {
      await writeFile(join(dir, 'motd'), 'hello\n');
      await writeFile(
        join(dir, 'stack.yml'),
        ['version: "3.8"', 'services:', '  web:', '    image: sg-busybox:latest', '    command: ["sleep", "600"]', '    networks: [ext]', '    configs: [motd]',
          'networks:', '  ext:', '    external: true', '    name: arcc-ext', 'configs:', '  motd:', `    file: ${join(dir, 'motd')}`, ''].join('\n'),
      );
      await dockerOk(manager, ['stack', 'deploy', '--resolve-image', 'never', '-c', join(dir, 'stack.yml'), 'arccs']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  after(async () => {
    await db?.close();
    await swarmDown(SWARM);
  });

  test('SIGKILL after the engine call: the next start records succeeded with the container\'s, the secret\'s and the stack\'s IDs, and failed for the refused run', async () => {
    const stackIds = [
      (await dockerOk(manager, ['service', 'inspect', '--format', '{{.ID}}', 'arccs_web'])).trim(),
      (await dockerOk(manager, ['config', 'inspect', '--format', '{{.ID}}', 'arccs_motd'])).trim(),
    ];
    await db.release();
    const first = await spawnGateway(config, { ...db.env(), GATEWAY_TEST_PAUSE_AFTER_ENGINE: 'containerRun,secretCreate,stackRemove' });
    try {
      const run = 'mutation($i: ContainerRunInput!) { containerRun(input: $i) { container { id } userErrors { code } } }';
      // None of these answers: each hangs right before its outcome.
      void first.gql(run, { i: { engine: worker.hostname, name: 'arcc-web', image: 'sg-busybox:latest', command: ['sleep', '600'] } }).catch(() => {});
      void first.gql(run, { i: { engine: worker.hostname, name: 'arcc-noimage', image: 'arcc-absent:latest', command: ['sleep', '600'] } }).catch(() => {});
      void first.gql('mutation($i: SecretCreateInput!) { secretCreate(input: $i) { secret { id } userErrors { code } } }', { i: { name: 'arcc-secret', data: 'hunter2' } }).catch(() => {});
      void first.gql('mutation($i: StackRemoveInput!) { stackRemove(input: $i) { removed { id } userErrors { code } } }', { i: { name: 'arccs' } }).catch(() => {});
      const paused = () => first.logs.filter((l) => /TEST-ONLY pause/.test(String(l.msg))).length;
      await waitFor('all four to pause before their outcome', async () => paused() === 4, 60_000, 100);
    } finally {
      await first.kill();
    }

    // What the engines hold, read directly: the container runs on the worker, the secret is on the swarm.
    const container = JSON.parse(await dockerOk(worker, ['container', 'inspect', 'arcc-web']))[0] as { Id: string; State: { Running: boolean } };
    assert.equal(container.State.Running, true);
    const secretId = JSON.parse(await dockerOk(manager, ['secret', 'inspect', 'arcc-secret']))[0].ID as string;
    assert.equal((await dockerOk(worker, ['ps', '-aq', '--filter', 'name=arcc-noimage'])).trim(), '');
    assert.equal((await dockerOk(manager, ['ps', '-aq', '--filter', 'name=arcc-web'])).trim(), '', 'the container is on the worker, not the manager');
    assert.equal((await dockerOk(manager, ['service', 'ls', '-q', '--filter', 'label=com.docker.stack.namespace=arccs'])).trim(), '');
    assert.equal((await dockerOk(manager, ['config', 'ls', '-q', '--filter', 'label=com.docker.stack.namespace=arccs'])).trim(), '');

    await db.reacquire();
    const left = await db.records();
    assert.equal(left.filter((r) => r.kind === 'intent').length, 4);
    assert.equal(left.filter((r) => r.kind === 'outcome').length, 0, 'killed before any outcome was written');

    await db.release();
    // The killed process's writer session is gone, so its intents are decided at start-up.
    const second = await spawnGateway(config, db.env());
    const reconciledLogs = () => second.logs.filter((l) => /reconciled an audit intent/.test(String(l.msg)));
    await waitFor('the four intents reconciled', async () => reconciledLogs().length >= 4, 60_000, 100).catch(() => undefined);
    const warnings = second.logs.filter((l) => Number(l.level) >= 40);
    assert.equal(await second.stop(), 0);
    assert.equal(reconciledLogs().length, 4, JSON.stringify(warnings));

    await db.reacquire();
    const records = await db.records();
    const outcomeOf = (operation: string, target: string) => {
      const intent = records.find((r) => r.kind === 'intent' && r.operation === operation && r.target === target)!;
      const outcomes = records.filter((r) => r.kind === 'outcome' && r.intentId === intent.id);
      assert.equal(outcomes.length, 1, `${operation} ${target}: one outcome`);
      return { ...outcomes[0]!, reason: (outcomes[0]!.input as { reconciled: string }).reconciled };
    };
    const ran = outcomeOf('containerRun', 'arcc-web');
    assert.equal(ran.outcome, 'succeeded', ran.reason);
    assert.deepEqual(ran.objectIds, [container.Id]);
    assert.match(ran.reason, new RegExp(`container arcc-web created \\(${container.Id}\\) after the intent; it exists; it was started after the intent`));
    const secret = outcomeOf('secretCreate', 'arcc-secret');
    assert.equal(secret.outcome, 'succeeded', secret.reason);
    assert.deepEqual(secret.objectIds, [secretId]);
    assert.match(secret.reason, new RegExp(`secret arcc-secret created \\(${secretId}\\) after the intent; it exists`));
    // The engine made nothing, and the worker's event history reaches back to the intent.
    const refused = outcomeOf('containerRun', 'arcc-noimage');
    assert.equal(refused.outcome, 'failed', refused.reason);
    assert.deepEqual(refused.objectIds, []);
    assert.match(refused.reason, /no container named arcc-noimage exists, and the engine's events since the intent show none created/);
    // Nothing labelled with the namespace is left, and the swarm's events show both removed.
    const stack = outcomeOf('stackRemove', 'arccs');
    assert.equal(stack.outcome, 'succeeded', stack.reason);
    assert.deepEqual([...stack.objectIds].sort(), [...stackIds].sort());
    assert.match(stack.reason, /nothing labelled com.docker.stack.namespace=arccs is left, and the engine's events show 2 of its objects removed/);
    assert.equal((await verifyChain(records)).ok, true);
  });
});
