// The service-spec policy on a real swarm (1 manager + 1 worker), through the HTTP API, checked
// with the docker CLI against the engine: the escapes (proc/sysfs/overlay volume
// options from a team deployer; an operator's rollback restoring the host network and an /etc
// bind an admin had removed; a scale running such a spec; a global or unconstrained service
// (or a job) from a deployer running on a manager; a team admin skipping the policy), then each path
// (create, update, force, scale, rollback) refused for a deployer, an operator and a team
// admin, the engine unchanged, and allowed for an unscoped admin. Services that would mount
// host paths have 0 replicas: the harness's nodes share this machine's filesystem.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { guardrailsSchema } from '../../../src/config/access-config.ts';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'policy-e2e';
const IMAGE = 'sg-busybox:latest';
const IDLE = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'];
const TEAM = [{ key: 'team', value: 'payments' }];

type Json = Record<string, any>;

const MUTATIONS = {
  serviceCreate: 'ServiceCreateInput',
  serviceUpdate: 'ServiceUpdateInput',
  serviceScale: 'ServiceScaleInput',
  serviceRollback: 'ServiceRollbackInput',
} as const;
type Field = keyof typeof MUTATIONS;

describe('policy', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let worker: SwarmNode;
  let gw: TestGateway;
  const tokens: Record<string, string> = {};

  const docker = (...args: string[]) => dockerOk(manager, args);
  const serviceNames = async () => (await docker('service', 'ls', '--format', '{{.Name}}')).split('\n').filter(Boolean);
  const inspect = async (name: string): Promise<Json> => JSON.parse(await docker('service', 'inspect', name)) [0] as Json;

  async function mutate(field: Field, input: Json, token?: string): Promise<Json> {
    const res = await gw.gql(`mutation($input: ${MUTATIONS[field]}!) { ${field}(input: $input) { service { id name } userErrors { field code message } } }`, { input }, token === undefined ? {} : { token });
    return expectData(res)[field] as Json;
  }

  /** The mutation is refused with GUARDRAIL errors of `rules` at `fields`, and the engine's services are as before. */
  async function refused(field: Field, input: Json, token: string, expected: [string[], string][]): Promise<Json[]> {
    const before = await docker('service', 'ls', '-q');
    const versionsOf = async (ids: string) => (ids === '' ? '' : docker('service', 'inspect', '--format', '{{.Spec.Name}} {{.Version.Index}}', ...ids.split('\n').filter(Boolean)));
    const versions = await versionsOf(before);
    const payload = await mutate(field, input, token);
    assert.equal(payload.service, null);
    const got = (payload.userErrors as Json[]).map((e) => [e.field, e.message.match(/^Guardrail ([a-z-]+): /)?.[1] ?? e.code]);
    assert.deepEqual(got, expected, JSON.stringify(payload.userErrors));
    assert.ok((payload.userErrors as Json[]).every((e) => e.code === 'GUARDRAIL'));
    assert.equal(await docker('service', 'ls', '-q'), before, 'no service was created or removed');
    assert.equal(await versionsOf(before), versions, 'no service changed');
    return payload.userErrors as Json[];
  }

  async function allowed(field: Field, input: Json, token?: string): Promise<void> {
    const payload = await mutate(field, input, token);
    assert.deepEqual(payload.userErrors, []);
  }

  /** The nodes running tasks of the service, once `count` tasks run (polled with a deadline). */
  async function runningOn(name: string, count: number): Promise<string[]> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const lines = (await docker('service', 'ps', name, '--filter', 'desired-state=running', '--format', '{{.Node}} {{.CurrentState}}')).split('\n').filter(Boolean);
      const running = lines.filter((l) => l.split(' ')[1] === 'Running');
      if (running.length >= count) return running.map((l) => l.split(' ')[0]!).sort();
      if (Date.now() > deadline) assert.fail(`${name}: ${count} tasks did not start: ${lines.join('; ')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    worker = swarm.nodes.find((n) => n.role === 'worker')!;
    gw = await startGateway({ ...configFor([swarm]), guardrails: guardrailsSchema.parse({}) });
    for (const grant of ['deployer', 'deployer:team=payments', 'operator:team=payments', 'admin:team=payments']) tokens[grant] = await tokenFor([grant]);
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('a team deployer cannot mount host /proc, /sys or / through local volume options (type=proc, sysfs, overlay)', async () => {
    const volume = (source: string, options: [string, string][]) => ({ type: 'VOLUME', source, target: `/${source}`, volumeOptions: options.map(([key, value]) => ({ key, value })) });
    const input = {
      name: 'pol-escape',
      image: IMAGE,
      replicas: 0,
      mounts: [volume('hproc', [['type', 'proc'], ['device', 'proc']]), volume('hsys', [['type', 'sysfs'], ['device', 'sysfs']]), volume('hroot', [['type', 'overlay'], ['o', 'lowerdir=/'], ['device', 'overlay']])],
    };
    const at = (i: number, j: number): [string[], string] => [['input', 'mounts', String(i), 'volumeOptions', String(j), 'value'], 'allowed-volume-options'];
    const errors = await refused('serviceCreate', input, tokens['deployer:team=payments']!, [at(0, 1), at(0, 0), at(1, 1), at(1, 0), at(2, 2), at(2, 1), at(2, 0)]);
    assert.match(errors[6]!.message, /the local volume option "type=overlay" is not allowed/);
    assert.ok(!(await serviceNames()).includes('pol-escape'));
  });

  test('a team admin is guarded like a deployer: a bind of /etc is refused; an unscoped admin creates it', async () => {
    const input = { name: 'pol-etc', image: IMAGE, replicas: 0, labels: TEAM, mounts: [{ type: 'BIND', source: '/etc', target: '/host-etc', readOnly: true }] };
    await refused('serviceCreate', input, tokens['admin:team=payments']!, [[['input', 'mounts', '0', 'source'], 'no-host-bind-mounts']]);
    await allowed('serviceCreate', input);
    const spec = (await inspect('pol-etc')).Spec;
    assert.deepEqual(spec.TaskTemplate.ContainerSpec.Mounts, [{ Type: 'bind', Source: '/etc', Target: '/host-etc', ReadOnly: true }]);
    assert.equal(spec.TaskTemplate.Placement.Constraints, undefined, 'an unscoped admin\'s spec is sent as given');
  });

  test('a deployer\'s global service, and one without constraints, run on the worker only (the worker constraint is added)', async () => {
    await allowed('serviceCreate', { name: 'pol-global', image: IMAGE, mode: 'GLOBAL', args: IDLE }, tokens['deployer:team=payments']);
    await allowed('serviceCreate', { name: 'pol-spread', image: IMAGE, replicas: 2, args: IDLE }, tokens['deployer:team=payments']);
    for (const name of ['pol-global', 'pol-spread']) {
      assert.deepEqual((await inspect(name)).Spec.TaskTemplate.Placement.Constraints, ['node.role==worker'], name);
    }
    assert.deepEqual(await runningOn('pol-global', 1), [worker.hostname]);
    assert.deepEqual(await runningOn('pol-spread', 2), [worker.hostname, worker.hostname]);
    // An update keeps the constraint; scaling too.
    await allowed('serviceUpdate', { id: 'pol-spread', envAdd: ['X=1'] }, tokens['operator:team=payments']);
    await allowed('serviceScale', { id: 'pol-spread', replicas: 1 }, tokens['operator:team=payments']);
    assert.deepEqual((await inspect('pol-spread')).Spec.TaskTemplate.Placement.Constraints, ['node.role==worker']);
    await docker('service', 'rm', 'pol-global', 'pol-spread');

    // A job an admin made with the CLI, without constraints: a team operator's force redeploy
    // adds the worker constraint; rolling back to the spec without it is refused.
    await docker('service', 'create', '-d', '--no-resolve-image', '--name', 'pol-job', '--mode', 'global-job', '--label', 'team=payments', IMAGE, 'true');
    await allowed('serviceUpdate', { id: 'pol-job', force: true }, tokens['operator:team=payments']);
    const job = (await inspect('pol-job')).Spec;
    assert.deepEqual([Object.keys(job.Mode), job.TaskTemplate.Placement.Constraints], [['GlobalJob'], ['node.role==worker']]);
    await refused('serviceRollback', { id: 'pol-job' }, tokens['operator:team=payments']!, [[['input', 'id'], 'no-manager-placement']]);
  });

  test('a team operator cannot roll back to the host network and /etc bind an admin removed, nor scale a spec that holds them; an admin can', async () => {
    await allowed('serviceCreate', { name: 'pol-rb', image: IMAGE, replicas: 0, labels: TEAM, networks: [{ target: 'host' }], mounts: [{ type: 'BIND', source: '/etc', target: '/host-etc' }] });
    // The admin takes the host network and the bind away again (the CLI can remove mounts).
    await docker('service', 'update', '-d', '--network-rm', 'host', '--mount-rm', '/host-etc', '--constraint-add', 'node.role==worker', 'pol-rb');
    const previous = (await inspect('pol-rb')).PreviousSpec;
    assert.equal(previous.TaskTemplate.ContainerSpec.Mounts[0].Source, '/etc');

    const errors = await refused('serviceRollback', { id: 'pol-rb' }, tokens['operator:team=payments']!, [
      [['input', 'id'], 'no-host-bind-mounts'],
      [['input', 'id'], 'no-host-network'],
      [['input', 'id'], 'no-manager-placement'],
    ]);
    assert.match(errors[0]!.message, /^Guardrail no-host-bind-mounts: the spec the rollback would restore breaks this rule \(service "pol-rb", TaskTemplate\.ContainerSpec\.Mounts\[0\]\.Source: /);

    await allowed('serviceCreate', { name: 'pol-scale', image: IMAGE, replicas: 0, labels: TEAM, networks: [{ target: 'host' }], mounts: [{ type: 'BIND', source: '/etc', target: '/host-etc' }] });
    await refused('serviceScale', { id: 'pol-scale', replicas: 1 }, tokens['operator:team=payments']!, [
      [['input', 'id'], 'no-host-bind-mounts'],
      [['input', 'id'], 'no-host-network'],
    ]);
    await refused('serviceUpdate', { id: 'pol-scale', force: true }, tokens['operator:team=payments']!, [
      [['input', 'id'], 'no-host-bind-mounts'],
      [['input', 'id'], 'no-host-network'],
    ]);

    await allowed('serviceRollback', { id: 'pol-rb' });
    assert.equal((await inspect('pol-rb')).Spec.TaskTemplate.ContainerSpec.Mounts[0].Source, '/etc', 'the admin\'s rollback restored it');
    await allowed('serviceScale', { id: 'pol-scale', replicas: 0 });
  });

  test('each path, for a deployer, an operator and a team admin: refused with field and rule, the engine unchanged; allowed for an unscoped admin', async () => {
    // A clean team service, made by the team's deployer (so it holds the worker constraint), updated once (so it has a previous spec).
    await allowed('serviceCreate', { name: 'pol-clean', image: IMAGE, replicas: 0 }, tokens['deployer:team=payments']);
    await allowed('serviceUpdate', { id: 'pol-clean', envAdd: ['A=1'] }, tokens['deployer:team=payments']);
    // A team service an admin gave an added capability (and no worker constraint), changed once by the CLI.
    await allowed('serviceCreate', { name: 'pol-caps', image: IMAGE, replicas: 0, labels: TEAM, capabilityAdd: ['SYS_ADMIN'] });
    await docker('service', 'update', '-d', '--env-add', 'B=1', 'pol-caps');

    for (const grant of ['deployer:team=payments', 'admin:team=payments']) {
      const token = tokens[grant]!;
      await refused('serviceCreate', { name: 'pol-x', image: IMAGE, replicas: 0, capabilityAdd: ['NET_ADMIN'] }, token, [[['input', 'capabilityAdd', '0'], 'no-added-capabilities']]);
      await refused('serviceCreate', { name: 'pol-x', image: IMAGE, replicas: 0, mounts: [{ type: 'VOLUME', source: 'vx', target: '/x', volumeDriver: 'rexray' }] }, token, [[['input', 'mounts', '0', 'volumeDriver'], 'allowed-volume-drivers']]);
      await refused('serviceCreate', { name: 'pol-x', image: IMAGE, mode: 'GLOBAL', constraints: ['node.role==manager'] }, token, [[['input', 'constraints', '0'], 'no-manager-placement']]);
    }
    // The host network carries no team label, so a team grant cannot even name it (REFERENCE_NOT_FOUND); an unscoped deployer meets the policy.
    await refused('serviceUpdate', { id: 'pol-clean', networkAdd: [{ target: 'host' }] }, tokens.deployer!, [[['input', 'networkAdd', '0', 'target'], 'no-host-network']]);
    for (const grant of ['deployer:team=payments', 'operator:team=payments', 'admin:team=payments']) {
      const token = tokens[grant]!;
      const atService: [string[], string][] = [[['input', 'id'], 'no-added-capabilities']];
      await refused('serviceUpdate', { id: 'pol-caps', image: 'sg-busybox:other' }, token, atService);
      await refused('serviceUpdate', { id: 'pol-caps', force: true }, token, atService);
      await refused('serviceScale', { id: 'pol-caps', replicas: 0 }, token, atService);
      await refused('serviceRollback', { id: 'pol-caps' }, token, [...atService, [['input', 'id'], 'no-manager-placement']]);
      // The clean service goes every path.
      await allowed('serviceUpdate', { id: 'pol-clean', force: true }, token);
      await allowed('serviceScale', { id: 'pol-clean', replicas: 0 }, token);
      await allowed('serviceRollback', { id: 'pol-clean' }, token);
    }
    assert.deepEqual((await inspect('pol-clean')).Spec.TaskTemplate.Placement.Constraints, ['node.role==worker']);

    // An unscoped admin: every path allowed.
    await allowed('serviceCreate', { name: 'pol-admin', image: IMAGE, replicas: 0, labels: TEAM, capabilityAdd: ['NET_ADMIN'], constraints: ['node.role==manager'] });
    await allowed('serviceUpdate', { id: 'pol-caps', networkAdd: [{ target: 'host' }] });
    await allowed('serviceUpdate', { id: 'pol-caps', force: true });
    await allowed('serviceScale', { id: 'pol-caps', replicas: 0 });
    await allowed('serviceRollback', { id: 'pol-caps' });
    const caps = (await inspect('pol-admin')).Spec;
    assert.deepEqual(caps.TaskTemplate.ContainerSpec.CapabilityAdd, ['CAP_NET_ADMIN']);
    assert.deepEqual(caps.TaskTemplate.Placement.Constraints, ['node.role==manager']);
  });
});
