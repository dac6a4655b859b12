// Guardrails against a real swarm (1 manager + 1 worker): for each rule, a deployer's
// serviceCreate is refused with the field and the rule named and nothing is created; the
// same spec from an admin is created as asked. Updates cannot bring in the host network,
// nor change a service an admin exempted. Results are checked with the docker CLI. Every
// service has 0 replicas: the harness's nodes share this machine's filesystem, so no task
// may actually mount the host's paths.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { guardrailsSchema } from '../../../src/config/access-config.ts';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'guard-e2e';
const IMAGE = 'sg-busybox:latest';
/** The one host path prefix deployers may bind-mount in this test's configuration. */
const ALLOWED = '/srv/sg-guardrails';

type Json = Record<string, any>;

describe('guardrails', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let deployer: string;

  const docker = (...args: string[]) => dockerOk(manager, args);
  const serviceNames = async () => (await docker('service', 'ls', '--format', '{{.Name}}')).split('\n').filter(Boolean);
  const containerSpec = async (name: string): Promise<Json> => JSON.parse(await docker('service', 'inspect', '--format', '{{json .Spec.TaskTemplate}}', name)) as Json;

  async function mutate(field: 'serviceCreate' | 'serviceUpdate', input: Json, token?: string): Promise<Json> {
    const type = field === 'serviceCreate' ? 'ServiceCreateInput' : 'ServiceUpdateInput';
    const res = await gw.gql(
      `mutation($input: ${type}!) { ${field}(input: $input) { service { id name version mounts { type source target readOnly } capabilityAdd constraints } userErrors { field code message } } }`,
      { input },
      token === undefined ? {} : { token },
    );
    return expectData(res)[field] as Json;
  }

  /** A deployer's create is refused at `field` by `rule`, and no service of that name exists. */
  async function refusedForDeployer(input: Json, field: string[], rule: string): Promise<void> {
    const payload = await mutate('serviceCreate', input, deployer);
    assert.equal(payload.service, null);
    assert.equal(payload.userErrors.length, 1, JSON.stringify(payload.userErrors));
    const [error] = payload.userErrors as Json[];
    assert.equal(error!.code, 'GUARDRAIL');
    assert.deepEqual(error!.field, field);
    assert.match(error!.message, new RegExp(`^Guardrail ${rule}: `));
    assert.ok(!(await serviceNames()).includes(input.name), `${input.name} must not exist`);
  }

  /** An admin's create of the same spec succeeds; returns the spec's TaskTemplate as the engine holds it. */
  async function createdForAdmin(input: Json): Promise<Json> {
    const payload = await mutate('serviceCreate', input);
    assert.deepEqual(payload.userErrors, []);
    assert.equal(payload.service.name, input.name);
    return containerSpec(input.name);
  }

  before(async () => {
    swarm = await swarmUp(SWARM, { workers: 1 });
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    // The local driver's bind options are allowed here, so that the socket rule is what refuses a bound socket.
    const allowedVolumeOptions = [{ key: 'type', pattern: 'none' }, { key: 'o', pattern: 'bind' }];
    gw = await startGateway({ ...configFor([swarm]), guardrails: guardrailsSchema.parse({ allowedBindPrefixes: [ALLOWED], allowedVolumeOptions }) });
    deployer = await tokenFor(['deployer']);
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('a network that does not exist is the same REFERENCE_NOT_FOUND userError for a deployer (guardrails checked) as for an admin', async () => {
    const input = { name: 'gr-no-net', image: IMAGE, replicas: 0, networks: [{ target: 'gr-no-such-network' }] };
    for (const token of [deployer, undefined]) {
      const payload = await mutate('serviceCreate', input, token);
      assert.equal(payload.service, null);
      assert.deepEqual(payload.userErrors.map((e: Json) => [e.field, e.code]), [[['input', 'networks', '0', 'target'], 'REFERENCE_NOT_FOUND']], JSON.stringify(payload.userErrors));
    }
    assert.ok(!(await serviceNames()).includes('gr-no-net'));
  });

  test('no-host-bind-mounts: a bind of /etc is refused for a deployer, created for an admin', async () => {
    const input = { name: 'gr-bind', image: IMAGE, replicas: 0, mounts: [{ type: 'BIND', source: '/etc', target: '/host-etc', readOnly: true }] };
    await refusedForDeployer(input, ['input', 'mounts', '0', 'source'], 'no-host-bind-mounts');
    const spec = await createdForAdmin(input);
    assert.deepEqual(spec.ContainerSpec.Mounts, [{ Type: 'bind', Source: '/etc', Target: '/host-etc', ReadOnly: true }]);
  });

  test('no-host-bind-mounts: a deployer may bind a path under an allowed prefix', async () => {
    const payload = await mutate('serviceCreate', { name: 'gr-allowed', image: IMAGE, replicas: 0, mounts: [{ type: 'BIND', source: `${ALLOWED}/data`, target: '/data' }] }, deployer);
    assert.deepEqual(payload.userErrors, []);
    assert.deepEqual(payload.service.mounts, [{ type: 'BIND', source: `${ALLOWED}/data`, target: '/data', readOnly: false }]);
    assert.deepEqual((await containerSpec('gr-allowed')).ContainerSpec.Mounts, [{ Type: 'bind', Source: `${ALLOWED}/data`, Target: '/data' }]);
  });

  test('no-docker-socket: the socket is refused for a deployer even under an allowed prefix, and as a bound volume; created for an admin', async () => {
    await refusedForDeployer(
      { name: 'gr-sock-allowed', image: IMAGE, replicas: 0, mounts: [{ type: 'BIND', source: `${ALLOWED}/docker.sock`, target: '/var/run/docker.sock' }] },
      ['input', 'mounts', '0', 'source'],
      'no-docker-socket',
    );
    const volume = {
      type: 'VOLUME',
      source: 'gr-sock',
      target: '/sock',
      volumeDriver: 'local',
      volumeOptions: [
        { key: 'type', value: 'none' },
        { key: 'o', value: 'bind' },
        { key: 'device', value: '/var/run/docker.sock' },
      ],
    };
    await refusedForDeployer({ name: 'gr-sock-volume', image: IMAGE, replicas: 0, mounts: [volume] }, ['input', 'mounts', '0', 'volumeOptions', '2', 'value'], 'no-docker-socket');
    const input = { name: 'gr-sock', image: IMAGE, replicas: 0, mounts: [{ type: 'BIND', source: '/var/run/docker.sock', target: '/var/run/docker.sock' }] };
    await refusedForDeployer(input, ['input', 'mounts', '0', 'source'], 'no-docker-socket');
    const spec = await createdForAdmin(input);
    assert.deepEqual(spec.ContainerSpec.Mounts, [{ Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock' }]);
  });

  test('no-added-capabilities: SYS_ADMIN is refused for a deployer, added for an admin', async () => {
    const input = { name: 'gr-caps', image: IMAGE, replicas: 0, capabilityAdd: ['SYS_ADMIN'], capabilityDrop: ['MKNOD'] };
    await refusedForDeployer(input, ['input', 'capabilityAdd', '0'], 'no-added-capabilities');
    const spec = await createdForAdmin(input);
    assert.deepEqual(spec.ContainerSpec.CapabilityAdd, ['CAP_SYS_ADMIN']);
    assert.deepEqual(spec.ContainerSpec.CapabilityDrop, ['CAP_MKNOD']);
  });

  test('no-host-network: the host network is refused for a deployer, attached for an admin', async () => {
    const input = { name: 'gr-hostnet', image: IMAGE, replicas: 0, networks: [{ target: 'host' }] };
    await refusedForDeployer(input, ['input', 'networks', '0', 'target'], 'no-host-network');
    const spec = await createdForAdmin(input);
    assert.equal(spec.Networks.length, 1);
    assert.equal((await docker('network', 'inspect', '--format', '{{.Name}} {{.Driver}}', spec.Networks[0].Target)).trim(), 'host host');
  });

  test('no-manager-placement: node.role==manager and the manager\'s hostname are refused for a deployer; an admin may', async () => {
    await refusedForDeployer({ name: 'gr-mgr-host', image: IMAGE, replicas: 0, constraints: [`node.hostname==${manager.hostname}`] }, ['input', 'constraints', '0'], 'no-manager-placement');
    const input = { name: 'gr-mgr', image: IMAGE, replicas: 0, constraints: ['node.role==worker', 'node.role==manager'] };
    await refusedForDeployer(input, ['input', 'constraints', '1'], 'no-manager-placement');
    const spec = await createdForAdmin(input);
    assert.deepEqual(spec.Placement.Constraints, ['node.role==worker', 'node.role==manager']);
  });

  test('serviceUpdate: a deployer cannot attach the host network, nor change a service an admin exempted; an admin can', async () => {
    const own = await mutate('serviceCreate', { name: 'gr-own', image: IMAGE, replicas: 0, constraints: ['node.role==worker'] }, deployer);
    assert.deepEqual(own.userErrors, []);

    const hostAdd = await mutate('serviceUpdate', { id: 'gr-own', networkAdd: [{ target: 'host' }] }, deployer);
    assert.deepEqual(hostAdd.userErrors.map((e: Json) => [e.code, e.field]), [['GUARDRAIL', ['input', 'networkAdd', '0', 'target']]]);
    assert.match(hostAdd.userErrors[0].message, /^Guardrail no-host-network: /);
    assert.equal((await containerSpec('gr-own')).Networks, undefined);

    const before = (await docker('service', 'inspect', '--format', '{{.Version.Index}}', 'gr-sock')).trim();
    const swap = await mutate('serviceUpdate', { id: 'gr-sock', image: 'sg-busybox:other', envAdd: ['X=1'] }, deployer);
    assert.deepEqual(swap.userErrors.map((e: Json) => [e.code, e.field]), [['GUARDRAIL', ['input', 'id']]]);
    assert.match(swap.userErrors[0].message, /^Guardrail no-docker-socket: the service's current spec breaks this rule/);
    assert.equal((await docker('service', 'inspect', '--format', '{{.Version.Index}}', 'gr-sock')).trim(), before, 'the service is unchanged');

    const byAdmin = await mutate('serviceUpdate', { id: 'gr-own', networkAdd: [{ target: 'host' }] });
    assert.deepEqual(byAdmin.userErrors, []);
    const networks = (await containerSpec('gr-own')).Networks as Json[];
    assert.equal((await docker('network', 'inspect', '--format', '{{.Name}}', networks[0]!.Target)).trim(), 'host');
  });
});
