// The container policy on a real swarm's manager engine: EVERY escape of the container policy
// table (src/auth/policy/container-policy-table.ts) is refused for a deployer, with the rule at
// the input field, and the engine is unchanged after each refusal (no container, no volume:
// the docker CLI's lists are compared); the same input from an unscoped admin creates the
// container with that setting (docker inspect). A deployer's container within the limits runs.
// Two escapes are checked for the deployer only, because the harness's engines cannot honour
// them for the admin either: a volume driver that is not installed, and a Docker socket path.
// One runs for the admin but cannot start here: the harness's engines run without every
// capability, so runc cannot start a privileged container; the admin's privileged container is
// created (the policy let it through, the engine took it) and, its start failing, removed, as
// containerRun promises.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { guardrailsSchema } from '../../../src/config/access-config.ts';
import { configFor, expectData, startGateway, type TestGateway } from '../../support/gateway.ts';
import { tokenFor } from '../../support/identity.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const SWARM = 'ct-policy';
const IMAGE = 'sg-busybox:latest';
const SLEEP = ['sleep', '600'];

type Json = Record<string, any>;

const RUN = 'mutation($input: ContainerRunInput!) { containerRun(input: $input) { container { id name state } userErrors { field code message } } }';
const REMOVE = 'mutation($input: ContainerRemoveInput!) { containerRemove(input: $input) { removed { id } userErrors { code message } } }';

interface Escape {
  what: string;
  input: Json;
  /** The refusals: input field and rule. */
  refused: [string[], string][];
  /** What the admin's container shows in `docker inspect`; null: not run for the admin; 'created': created, its start failing on this harness (see the header). */
  shows: ((c: Json) => void) | null | 'created';
}

describe('the container policy on a real engine', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let gw: TestGateway;
  let engine: string;
  let deployer: string;
  let cgroupParent: string;

  const docker = (...args: string[]) => dockerOk(manager, args);
  const engineState = async () => `${await docker('ps', '-a', '-q', '--no-trunc')}|${await docker('volume', 'ls', '-q')}`;
  const inspect = async (ref: string): Promise<Json> => JSON.parse(await docker('container', 'inspect', ref))[0] as Json;
  const run = async (input: Json, token?: string): Promise<Json> =>
    expectData(await gw.gql<Json>(RUN, { input: { engine, image: IMAGE, command: SLEEP, ...input } }, token === undefined ? {} : { token })).containerRun as Json;

  const ESCAPES = (): Escape[] => [
    { what: 'privileged', input: { privileged: true }, refused: [[['input', 'privileged'], 'refused-field']], shows: 'created' },
    { what: 'host PID namespace', input: { pidMode: 'host' }, refused: [[['input', 'pidMode'], 'refused-field']], shows: (c) => assert.equal(c.HostConfig.PidMode, 'host') },
    { what: "another container's PID namespace", input: { pidMode: 'container:ct-anchor' }, refused: [[['input', 'pidMode'], 'refused-field']], shows: (c) => assert.match(c.HostConfig.PidMode, /^container:/) },
    { what: 'host IPC namespace', input: { ipcMode: 'host' }, refused: [[['input', 'ipcMode'], 'allowed-ipc-modes']], shows: (c) => assert.equal(c.HostConfig.IpcMode, 'host') },
    { what: 'shareable IPC namespace', input: { ipcMode: 'shareable' }, refused: [[['input', 'ipcMode'], 'allowed-ipc-modes']], shows: (c) => assert.equal(c.HostConfig.IpcMode, 'shareable') },
    { what: 'host UTS namespace', input: { utsMode: 'host' }, refused: [[['input', 'utsMode'], 'refused-field']], shows: (c) => assert.equal(c.HostConfig.UTSMode, 'host') },
    { what: 'host user namespace', input: { usernsMode: 'host' }, refused: [[['input', 'usernsMode'], 'refused-field']], shows: (c) => assert.equal(c.HostConfig.UsernsMode, 'host') },
    { what: 'cgroup parent', input: { cgroupParent }, refused: [[['input', 'cgroupParent'], 'refused-field']], shows: (c) => assert.equal(c.HostConfig.CgroupParent, cgroupParent) },
    {
      what: 'a host device',
      input: { devices: [{ pathOnHost: '/dev/null', pathInContainer: '/dev/ct-null' }] },
      refused: [[['input', 'devices'], 'refused-field']],
      shows: (c) => assert.deepEqual(c.HostConfig.Devices, [{ PathOnHost: '/dev/null', PathInContainer: '/dev/ct-null', CgroupPermissions: 'rwm' }]),
    },
    { what: 'an added capability', input: { capAdd: ['sys_admin'] }, refused: [[['input', 'capAdd', '0'], 'no-added-capabilities']], shows: (c) => assert.deepEqual(c.HostConfig.CapAdd, ['CAP_SYS_ADMIN']) },
    {
      what: 'a security option',
      input: { securityOpt: ['no-new-privileges', 'seccomp=unconfined'] },
      refused: [[['input', 'securityOpt', '1'], 'allowed-security-options']],
      shows: (c) => assert.deepEqual(c.HostConfig.SecurityOpt, ['no-new-privileges', 'seccomp=unconfined']),
    },
    { what: 'a sysctl', input: { sysctls: [{ key: 'net.ipv4.ip_forward', value: '1' }] }, refused: [[['input', 'sysctls'], 'refused-field']], shows: (c) => assert.deepEqual(c.HostConfig.Sysctls, { 'net.ipv4.ip_forward': '1' }) },
    {
      what: 'a ulimit',
      input: { ulimits: [{ name: 'nofile', soft: 1024, hard: 2048 }] },
      refused: [[['input', 'ulimits'], 'refused-field']],
      shows: (c) => assert.deepEqual(c.HostConfig.Ulimits, [{ Name: 'nofile', Soft: 1024, Hard: 2048 }]),
    },
    { what: 'the host network mode', input: { networkMode: 'host' }, refused: [[['input', 'networkMode'], 'allowed-network-modes']], shows: (c) => assert.equal(c.HostConfig.NetworkMode, 'host') },
    {
      what: 'the host network by name',
      input: { networks: [{ network: 'host' }] },
      refused: [
        [['input', 'networks', '0', 'network'], 'allowed-network-modes'],
        [['input', 'networks', '0', 'network'], 'allowed-network-modes'],
      ],
      shows: (c) => assert.equal(c.HostConfig.NetworkMode, 'host'),
    },
    { what: "another container's network namespace", input: { networkMode: 'container:ct-anchor' }, refused: [[['input', 'networkMode'], 'allowed-network-modes']], shows: (c) => assert.match(c.HostConfig.NetworkMode, /^container:/) },
    {
      what: 'a bind mount of a host path',
      input: { mounts: [{ type: 'BIND', source: '/etc', target: '/host-etc', readOnly: true }] },
      refused: [[['input', 'mounts', '0', 'source'], 'no-host-bind-mounts']],
      shows: (c) => assert.deepEqual([c.HostConfig.Mounts[0].Type, c.HostConfig.Mounts[0].Source], ['bind', '/etc']),
    },
    {
      what: 'volume driver options that mount the host',
      input: { mounts: [{ type: 'VOLUME', source: 'ct-optvol', target: '/v', volumeOptions: [{ key: 'device', value: 'tmpfs' }, { key: 'type', value: 'tmpfs' }] }] },
      refused: [
        [['input', 'mounts', '0', 'volumeOptions', '0', 'value'], 'allowed-volume-options'],
        [['input', 'mounts', '0', 'volumeOptions', '1', 'value'], 'allowed-volume-options'],
      ],
      shows: (c) => assert.deepEqual(c.HostConfig.Mounts[0].VolumeOptions.DriverConfig.Options, { device: 'tmpfs', type: 'tmpfs' }),
    },
    { what: 'the Docker socket', input: { mounts: [{ type: 'BIND', source: '/run/ct-none/docker.sock', target: '/s' }] }, refused: [[['input', 'mounts', '0', 'source'], 'no-docker-socket']], shows: null },
    { what: 'a volume driver', input: { mounts: [{ type: 'VOLUME', source: 'ct-drvvol', target: '/v', volumeDriver: 'ct-no-driver' }] }, refused: [[['input', 'mounts', '0', 'volumeDriver'], 'allowed-volume-drivers']], shows: null },
  ];

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes.find((n) => n.role === 'manager')!;
    engine = manager.hostname;
    gw = await startGateway({ ...configFor([swarm]), guardrails: guardrailsSchema.parse({}) });
    deployer = await tokenFor(['deployer']);
    cgroupParent = (await docker('info', '--format', '{{.CgroupDriver}}')).trim() === 'systemd' ? 'ct-test.slice' : '/ct-test';
    // The container the `container:` modes join.
    assert.deepEqual((await run({ name: 'ct-anchor' })).userErrors, []);
  });

  after(async () => {
    await gw?.stop();
    await swarmDown(SWARM);
  });

  test('a deployer runs a container within the limits: a bridge network, private IPC, no-new-privileges, dropped capabilities, a tmpfs and a named volume', async () => {
    const payload = await run(
      {
        name: 'ct-ok',
        networkMode: 'bridge',
        ipcMode: 'private',
        securityOpt: ['no-new-privileges'],
        capDrop: ['ALL'],
        readonlyRootfs: true,
        mounts: [
          { type: 'TMPFS', target: '/tmp' },
          { type: 'VOLUME', source: 'ct-data', target: '/data' },
        ],
      },
      deployer,
    );
    assert.deepEqual(payload.userErrors, []);
    const c = await inspect('ct-ok');
    assert.equal(c.State.Running, true);
    assert.deepEqual([c.HostConfig.IpcMode, c.HostConfig.SecurityOpt, c.HostConfig.CapDrop], ['private', ['no-new-privileges'], ['ALL']]);
  });

  test('every escape of the table: refused for a deployer at its field, the engine unchanged; an unscoped admin gets the container with that setting', async () => {
    for (const [i, escape] of ESCAPES().entries()) {
      const name = `ct-esc-${i}`;
      const before = await engineState();
      const refused = await run({ name, ...escape.input }, deployer);
      assert.equal(refused.container, null, escape.what);
      assert.deepEqual(
        (refused.userErrors as Json[]).map((e) => [e.field, e.message.match(/^Guardrail ([a-z-]+): /)?.[1] ?? e.code]),
        escape.refused,
        `${escape.what}: ${JSON.stringify(refused.userErrors)}`,
      );
      assert.ok((refused.userErrors as Json[]).every((e) => e.code === 'GUARDRAIL'), escape.what);
      assert.equal(await engineState(), before, `${escape.what}: nothing created on the engine`);
      if (!escape.shows) continue;

      const allowed = await run({ name, ...escape.input });
      if (escape.shows === 'created') {
        assert.deepEqual((allowed.userErrors as Json[]).map((e) => e.code), ['ENGINE_REJECTED'], escape.what);
        assert.match(allowed.userErrors[0].message, /^Container "ct-esc-\d+" \([0-9a-f]{12}\) was created on engine .* but its start failed: .*It has been removed; nothing is left on the engine\.$/s);
        assert.equal(await engineState(), before, `${escape.what}: the admin's container that could not start was removed`);
        continue;
      }
      assert.deepEqual(allowed.userErrors, [], `${escape.what} (admin)`);
      escape.shows(await inspect(name));
      const removed = expectData(await gw.gql<Json>(REMOVE, { input: { engine, container: name, force: true } })).containerRemove as Json;
      assert.deepEqual(removed.userErrors, [], escape.what);
    }
  });
});
