// The guardrail checker (src/auth/guardrails): every rule, its settings, and the input
// field each violation points at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { guardrailsSchema, type GuardrailSettings } from '../../src/config/access-config.ts';
import { checkServiceCreate, checkServiceUpdate, type GuardNode, type GuardrailFacts, type NetworkFacts } from '../../src/auth/guardrails/index.ts';
import type { EngineServiceSpec } from '../../src/docker/engine-json.ts';
import type { MountInput, ServiceCreateInput, ServiceUpdateInput } from '../../src/generated/graphql.ts';

const DEFAULTS = guardrailsSchema.parse({});
const settings = (s: Partial<GuardrailSettings>) => guardrailsSchema.parse(s);

function node(id: string, hostname: string, manager: boolean, labels: Record<string, string> = {}): GuardNode {
  return { id, hostname, manager, labels, engineLabels: {}, os: 'linux', arch: 'x86_64' };
}
const SWARM = [node('mgr1id', 'prod-manager-1', true, { tier: 'control' }), node('wrk1id', 'prod-worker-1', false, { zone: 'a' }), node('wrk2id', 'prod-worker-2', false)];

const NETWORKS = new Map<string, NetworkFacts>([
  ['host', { name: 'host', driver: 'host' }],
  ['04facc274993', { name: 'host', driver: 'host' }],
  ['pbrcbgnsdcmwl5s25ilf01u2i', { name: 'host', driver: 'host' }],
  ['backend', { name: 'backend', driver: 'overlay' }],
]);
const facts = (nodes: GuardNode[] = SWARM): GuardrailFacts => ({ network: (ref) => NETWORKS.get(ref), nodes });

const base: ServiceCreateInput = { name: 'web', image: 'sg-busybox:latest' };
const create = (extra: Partial<ServiceCreateInput>, s: GuardrailSettings = DEFAULTS, nodes?: GuardNode[]) => checkServiceCreate({ ...base, ...extra }, s, facts(nodes));
const bind = (source: string, target = '/data'): MountInput => ({ type: 'BIND', source, target });
const summary = (vs: { field: string[]; rule: string }[]) => vs.map((v) => `${v.rule} @ ${v.field.join('.')}`);

describe('guardrails: a plain spec', () => {
  test('a service with a named volume, a tmpfs, an overlay network and a worker constraint passes', () => {
    const violations = create({
      mounts: [{ type: 'VOLUME', source: 'data', target: '/data' }, { type: 'TMPFS', target: '/tmp' }],
      networks: [{ target: 'backend' }],
      constraints: ['node.role==worker'],
      capabilityDrop: ['ALL'],
    });
    assert.deepEqual(violations, []);
  });
});

describe('guardrails: no-host-bind-mounts', () => {
  test('a bind mount of a host path is refused by default, at the mount source', () => {
    const [v, ...rest] = create({ mounts: [{ type: 'VOLUME', source: 'ok', target: '/ok' }, bind('/etc')] });
    assert.equal(rest.length, 0);
    assert.deepEqual(v!.field, ['input', 'mounts', '1', 'source']);
    assert.equal(v!.rule, 'no-host-bind-mounts');
    assert.match(v!.message, /^Guardrail no-host-bind-mounts: /);
    assert.match(v!.message, /"\/etc"/);
  });

  test('paths under an allowed prefix pass; neighbours and escapes by .. do not', () => {
    const s = settings({ allowedBindPrefixes: ['/srv/data'] });
    assert.deepEqual(create({ mounts: [bind('/srv/data'), bind('/srv/data/team/x', '/x'), bind('/srv/data/', '/y')] }, s), []);
    assert.deepEqual(summary(create({ mounts: [bind('/srv/database'), bind('/srv/data/../../etc', '/e'), bind('/srv', '/s')] }, s)), [
      'no-host-bind-mounts @ input.mounts.0.source',
      'no-host-bind-mounts @ input.mounts.1.source',
      'no-host-bind-mounts @ input.mounts.2.source',
    ]);
    assert.match(create({ mounts: [bind('/opt')] }, s)[0]!.message, /\/srv\/data/, 'the message says where binds may go');
  });

  test('a volume whose driver options bind a host directory is a bind mount', () => {
    const volume: MountInput = {
      type: 'VOLUME',
      source: 'etc',
      target: '/etc-host',
      volumeDriver: 'local',
      volumeOptions: [
        { key: 'type', value: 'none' },
        { key: 'o', value: 'bind' },
        { key: 'device', value: '/etc' },
      ],
    };
    assert.deepEqual(summary(create({ mounts: [volume] })), ['no-host-bind-mounts @ input.mounts.0.volumeOptions.2.value']);
    const allowed = { ...volume, volumeOptions: [{ key: 'device', value: '/srv/data/etc' }, { key: 'o', value: 'bind,ro' }] };
    assert.deepEqual(create({ mounts: [allowed] }, settings({ allowedBindPrefixes: ['/srv/data'] })), []);
  });

  test('a local volume of a host block device is refused; NFS and CIFS devices are remote', () => {
    const disk: MountInput = { type: 'VOLUME', source: 'disk', target: '/d', volumeOptions: [{ key: 'type', value: 'ext4' }, { key: 'device', value: '/dev/sda1' }] };
    assert.deepEqual(summary(create({ mounts: [disk] })), ['no-host-bind-mounts @ input.mounts.0.volumeOptions.1.value']);
    const nfs: MountInput = { type: 'VOLUME', source: 'n', target: '/n', volumeOptions: [{ key: 'type', value: 'nfs' }, { key: 'o', value: 'addr=10.0.0.1' }, { key: 'device', value: ':/exports/n' }] };
    const cifs: MountInput = { type: 'VOLUME', source: 'c', target: '/c', volumeOptions: [{ key: 'type', value: 'cifs' }, { key: 'device', value: '//fs/share' }] };
    assert.deepEqual(create({ mounts: [nfs, cifs] }), []);
  });

  test('every bind is allowed with the prefix "/" (except the Docker socket)', () => {
    assert.deepEqual(create({ mounts: [bind('/etc'), bind('/home/x', '/h')] }, settings({ allowedBindPrefixes: ['/'] })), []);
  });
});

describe('guardrails: no-docker-socket', () => {
  test('the Docker socket is refused even under an allowed prefix', () => {
    const s = settings({ allowedBindPrefixes: ['/var/run', '/run'] });
    const violations = create({ mounts: [bind('/var/run/docker.sock', '/var/run/docker.sock'), bind('/run/docker.sock', '/s'), bind('/run/user/docker.sock', '/t')] }, s);
    assert.deepEqual(summary(violations), [
      'no-docker-socket @ input.mounts.0.source',
      'no-docker-socket @ input.mounts.1.source',
      'no-docker-socket @ input.mounts.2.source',
    ]);
    assert.match(violations[0]!.message, /^Guardrail no-docker-socket: /);
  });

  test('a directory that holds the socket is the socket too, and "/" allows neither', () => {
    const s = settings({ allowedBindPrefixes: ['/'] });
    assert.deepEqual(summary(create({ mounts: [bind('/'), bind('/var/run', '/r'), bind('/run/', '/r2'), bind('/var', '/v')] }, s)), [
      'no-docker-socket @ input.mounts.0.source',
      'no-docker-socket @ input.mounts.1.source',
      'no-docker-socket @ input.mounts.2.source',
      'no-docker-socket @ input.mounts.3.source',
    ]);
    assert.deepEqual(create({ mounts: [bind('/var/lib/app')] }, s), []);
  });

  test('the containerd socket counts as the Docker socket', () => {
    assert.deepEqual(summary(create({ mounts: [bind('/run/containerd/containerd.sock')] }, settings({ allowedBindPrefixes: ['/run/containerd'] }))), [
      'no-docker-socket @ input.mounts.0.source',
    ]);
  });

  test('a volume binding the socket through driver options is refused, even under an allowed prefix', () => {
    const s = settings({ allowedBindPrefixes: ['/var/run'] });
    const volume: MountInput = {
      type: 'VOLUME',
      source: 'sock',
      target: '/sock',
      volumeDriver: 'local',
      volumeOptions: [
        { key: 'type', value: 'none' },
        { key: 'device', value: '/var/run/docker.sock' },
        { key: 'o', value: 'bind' },
      ],
    };
    assert.deepEqual(summary(create({ mounts: [volume] }, s)), ['no-docker-socket @ input.mounts.0.volumeOptions.1.value']);
  });

  test('docker.sock anywhere in a volume name or another driver option is refused', () => {
    const named: MountInput = { type: 'VOLUME', source: 'docker.sock', target: '/a' };
    const plugin: MountInput = { type: 'VOLUME', source: 'p', target: '/b', volumeDriver: 'local-persist', volumeOptions: [{ key: 'mountpoint', value: '/var/run/docker.sock' }] };
    assert.deepEqual(summary(create({ mounts: [named, plugin] })), ['no-docker-socket @ input.mounts.0.source', 'no-docker-socket @ input.mounts.1.volumeOptions.0.value']);
  });
});

describe('guardrails: no-added-capabilities', () => {
  test('adding a capability is refused by default, at its list item', () => {
    const violations = create({ capabilityAdd: ['NET_ADMIN'], capabilityDrop: ['MKNOD'] });
    assert.deepEqual(summary(violations), ['no-added-capabilities @ input.capabilityAdd.0']);
    assert.match(violations[0]!.message, /^Guardrail no-added-capabilities: adding CAP_NET_ADMIN/);
  });

  test('allowed capabilities pass however they are spelled; others and ALL do not', () => {
    const s = settings({ allowedCapabilities: ['NET_ADMIN', 'CAP_SYS_TIME'] });
    assert.deepEqual(create({ capabilityAdd: ['net_admin', 'CAP_NET_ADMIN', ' sys_time '] }, s), []);
    assert.deepEqual(summary(create({ capabilityAdd: ['NET_ADMIN', 'SYS_ADMIN', 'ALL'] }, s)), ['no-added-capabilities @ input.capabilityAdd.1', 'no-added-capabilities @ input.capabilityAdd.2']);
    assert.deepEqual(create({ capabilityAdd: ['all'] }, settings({ allowedCapabilities: ['ALL'] })), []);
  });
});

describe('guardrails: no-host-network', () => {
  test('attaching to the host network is refused, by name or by ID', () => {
    const violations = create({ networks: [{ target: 'backend' }, { target: 'host' }, { target: '04facc274993' }] });
    assert.deepEqual(summary(violations), ['no-host-network @ input.networks.1.target', 'no-host-network @ input.networks.2.target']);
    assert.match(violations[0]!.message, /^Guardrail no-host-network: /);
  });

  test('"host" is refused even when the caller cannot see the network', () => {
    const blind: GuardrailFacts = { network: () => undefined, nodes: SWARM };
    assert.deepEqual(summary(checkServiceCreate({ ...base, networks: [{ target: 'host' }] }, DEFAULTS, blind)), ['no-host-network @ input.networks.0.target']);
  });

  test('allowHostNetwork lets it through', () => {
    assert.deepEqual(create({ networks: [{ target: 'host' }] }, settings({ allowHostNetwork: true })), []);
  });
});

describe('guardrails: no-manager-placement', () => {
  test('constraints that name managers are refused, each at its item', () => {
    const violations = create({
      constraints: ['node.role==manager', 'node.role != worker', 'NODE.ROLE==Manager', 'node.hostname==prod-manager-1', 'node.id==mgr1id'],
    });
    assert.deepEqual(summary(violations), [0, 1, 2, 3, 4].map((i) => `no-manager-placement @ input.constraints.${i}`));
    assert.match(violations[3]!.message, /^Guardrail no-manager-placement: .*names the manager node prod-manager-1/);
  });

  test('constraints on workers, or on nothing in particular, pass', () => {
    assert.deepEqual(create({ constraints: ['node.role==worker'] }), []);
    assert.deepEqual(create({ constraints: ['node.role!=manager', 'node.hostname==prod-worker-1'] }), []);
    assert.deepEqual(create({ constraints: ['node.platform.os==linux'] }), []);
    assert.deepEqual(create({ constraints: ['node.hostname!=prod-worker-2'] }), [], 'prod-worker-1 still meets it');
  });

  test('a constraint only managers meet is refused', () => {
    assert.deepEqual(summary(create({ constraints: ['node.labels.tier==control'] })), ['no-manager-placement @ input.constraints.0']);
    const oneWorker = [SWARM[0]!, SWARM[1]!];
    const [v] = create({ constraints: ['node.hostname!=prod-worker-1'] }, DEFAULTS, oneWorker);
    assert.deepEqual(v!.field, ['input', 'constraints', '0']);
    assert.match(v!.message, /only prod-manager-1 meet/);
  });

  test('constraints only managers meet together are refused at the list', () => {
    const violations = create({ constraints: ['node.hostname!=prod-worker-1', 'node.hostname!=prod-worker-2'] });
    assert.deepEqual(summary(violations), ['no-manager-placement @ input.constraints']);
  });

  test('in a swarm of managers only, constraints do not steer onto managers (the explicit ones still count)', () => {
    const managers = [node('m1', 'a-manager-1', true, { zone: 'a' }), node('m2', 'a-manager-2', true)];
    assert.deepEqual(create({ constraints: ['node.labels.zone==a'] }, DEFAULTS, managers), []);
    assert.deepEqual(summary(create({ constraints: ['node.role==manager'] }, DEFAULTS, managers)), ['no-manager-placement @ input.constraints.0']);
  });

  test('allowManagerPlacement lets it through', () => {
    assert.deepEqual(create({ constraints: ['node.role==manager', 'node.hostname==prod-manager-1'] }, settings({ allowManagerPlacement: true })), []);
  });
});

describe('guardrails: several rules at once', () => {
  test('every violation is reported, in input order by rule', () => {
    const violations = create({ mounts: [bind('/var/run/docker.sock')], capabilityAdd: ['SYS_ADMIN'], networks: [{ target: 'host' }], constraints: ['node.role==manager'] });
    assert.deepEqual(
      violations.map((v) => v.rule),
      ['no-docker-socket', 'no-added-capabilities', 'no-host-network', 'no-manager-placement'],
    );
  });
});

describe('guardrails: serviceUpdate', () => {
  const clean: EngineServiceSpec = {
    Name: 'web',
    TaskTemplate: { ContainerSpec: { Image: 'sg-busybox:latest', Mounts: [{ Type: 'volume', Source: 'data', Target: '/data' }] }, Networks: [{ Target: 'backend' }] },
  };
  const update = (input: Partial<ServiceUpdateInput>, current: EngineServiceSpec = clean, s: GuardrailSettings = DEFAULTS) =>
    checkServiceUpdate({ id: 'web', ...input }, current, s, facts());

  test('an update of a service within the guardrails passes', () => {
    assert.deepEqual(update({ image: 'sg-busybox:2', networkAdd: [{ target: 'backend' }] }), []);
  });

  test('networkAdd of the host network is refused at its item', () => {
    assert.deepEqual(summary(update({ networkAdd: [{ target: 'backend' }, { target: 'host' }] })), ['no-host-network @ input.networkAdd.1.target']);
  });

  test('a service whose current spec breaks a guardrail cannot be updated, whatever the update', () => {
    const privileged: EngineServiceSpec = {
      Name: 'agent',
      TaskTemplate: {
        ContainerSpec: { Image: 'agent', Mounts: [{ Type: 'bind', Source: '/var/run/docker.sock', Target: '/var/run/docker.sock' }], CapabilityAdd: ['CAP_SYS_ADMIN'] },
        Networks: [{ Target: 'pbrcbgnsdcmwl5s25ilf01u2i' }],
        Placement: { Constraints: ['node.role==manager'] },
      },
    };
    const violations = update({ image: 'evil' }, privileged);
    assert.deepEqual(summary(violations), ['no-docker-socket @ input.id', 'no-added-capabilities @ input.id', 'no-host-network @ input.id', 'no-manager-placement @ input.id']);
    assert.match(violations[0]!.message, /^Guardrail no-docker-socket: the service's current spec breaks this rule \(.*docker\.sock.*\), so only an admin can update it\.$/);
  });

  test('a current spec the settings allow does not block updates', () => {
    const spec: EngineServiceSpec = {
      Name: 'tool',
      TaskTemplate: { ContainerSpec: { Image: 'x', Mounts: [{ Type: 'bind', Source: '/srv/data/x', Target: '/x' }], CapabilityAdd: ['CAP_NET_ADMIN'] } },
    };
    assert.equal(update({ force: true }, spec).length, 2);
    assert.deepEqual(update({ force: true }, spec, settings({ allowedBindPrefixes: ['/srv/data'], allowedCapabilities: ['NET_ADMIN'] })), []);
  });
});
