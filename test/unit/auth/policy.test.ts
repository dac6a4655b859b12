// The service-spec policy (src/auth/policy) on Engine specs: each rule, its settings, the
// worker constraint, and the input field (or service) each refusal names. Specs for a create
// are built by the real mapping (toServiceSpec), so the policy judges what would be sent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { guardrailsSchema, type GuardrailSettings } from '../../../src/config/access-config.ts';
import {
  policyViolations,
  traceCreateInput,
  traceStoredSpec,
  traceUpdateInput,
  withWorkerConstraint,
  type NetworkFacts,
  type PolicyFacts,
  type SpecOrigin,
} from '../../../src/auth/policy/index.ts';
import { checkServiceCreateOptions, toServiceSpec as specOf } from '../../../src/docker/mapping/service-spec.ts';
import { applyServiceUpdate as updatedSpec, checkServiceUpdateOptions } from '../../../src/docker/mapping/service-update.ts';
import type { ServiceSpec } from '../../../src/docker/engine-api/index.ts';
import { serviceCreateOptions, serviceUpdateOptions } from '../../../src/graphql/services/service-options.ts';
import type { ConstraintNode } from '../../../src/validate/constraints.ts';
import type { MountInput, ServiceCreateInput, ServiceUpdateInput } from '../../../src/generated/graphql.ts';

// The inputs go the resolvers' way: GraphQL input -> engine options, checked, mapped.
const toServiceSpec = (input: ServiceCreateInput, ids: ReadonlyMap<string, string>) => specOf(checkServiceCreateOptions(serviceCreateOptions(input)), ids);
const applyServiceUpdate = (spec: ServiceSpec, input: ServiceUpdateInput, ids: ReadonlyMap<string, string>) => updatedSpec(spec, checkServiceUpdateOptions(serviceUpdateOptions(input)), ids);

const DEFAULTS = guardrailsSchema.parse({});
const settings = (s: Partial<GuardrailSettings>) => guardrailsSchema.parse(s);

const node = (id: string, hostname: string, manager: boolean): ConstraintNode => ({ id, hostname, manager, labels: {}, engineLabels: {}, os: 'linux', arch: 'x86_64' });
const SWARM = [node('mgr1id', 'prod-manager-1', true), node('wrk1id', 'prod-worker-1', false)];

const NETWORKS = new Map<string, NetworkFacts>([
  ['hostid', { name: 'host', driver: 'host' }],
  ['backendid', { name: 'backend', driver: 'overlay' }],
  ['bridgeid', { name: 'bridge', driver: 'bridge' }],
]);
const NETWORK_IDS = new Map([['host', 'hostid'], ['backend', 'backendid'], ['bridge', 'bridgeid']]);
const facts: PolicyFacts = { network: (id) => NETWORKS.get(id) ?? null, nodes: SWARM };

const base: ServiceCreateInput = { name: 'web', image: 'sg-busybox:latest' };
const summary = (vs: { field: string[]; rule: string }[]) => vs.map((v) => `${v.rule} @ ${v.field.join('.')}`);

/** The violations of serviceCreate(input), judged on the spec the gateway would send. */
function create(extra: Partial<ServiceCreateInput>, s: GuardrailSettings = DEFAULTS) {
  const input = { ...base, ...extra };
  const spec = withWorkerConstraint(toServiceSpec(input, NETWORK_IDS), s);
  const origin: SpecOrigin = { trace: traceCreateInput(input, NETWORK_IDS), subject: 'the spec', serviceField: ['input'] };
  return policyViolations(spec, { settings: s, facts }, origin);
}

const stored = (service: string, subject = "the service's current spec"): SpecOrigin => ({ trace: traceStoredSpec, service, subject, serviceField: ['input', 'id'] });
const bind = (source: string, target = '/data'): MountInput => ({ type: 'BIND', source, target });
const volume = (options: [string, string][], extra: Partial<MountInput> = {}): MountInput => ({
  type: 'VOLUME', source: 'vol', target: '/v', volumeOptions: options.map(([key, value]) => ({ key, value })), ...extra,
});

describe('policy: a plain spec', () => {
  test('a named volume, a tmpfs, an overlay network, dropped capabilities and the added worker constraint pass', () => {
    assert.deepEqual(create({ mounts: [{ type: 'VOLUME', source: 'data', target: '/data' }, { type: 'TMPFS', target: '/tmp' }], networks: [{ target: 'backend' }], capabilityDrop: ['ALL'] }), []);
  });

  test('the worker constraint is added once, whatever the mode; not when it is there, nor with allowManagerPlacement', () => {
    const spec = (input: ServiceCreateInput, s = DEFAULTS) => withWorkerConstraint(toServiceSpec(input, NETWORK_IDS), s).TaskTemplate.Placement?.Constraints;
    assert.deepEqual(spec(base), ['node.role==worker']);
    assert.deepEqual(spec({ ...base, mode: 'GLOBAL' }), ['node.role==worker']);
    assert.deepEqual(spec({ ...base, constraints: ['node.labels.zone==a'] }), ['node.labels.zone==a', 'node.role==worker']);
    assert.deepEqual(spec({ ...base, constraints: ['NODE.ROLE == Worker'] }), ['NODE.ROLE == Worker']);
    assert.deepEqual(spec(base, settings({ workerConstraint: 'node.labels.pool==apps' })), ['node.labels.pool==apps']);
    assert.equal(spec(base, settings({ allowManagerPlacement: true })), undefined);
    const job = { Name: 'j', TaskTemplate: { ContainerSpec: { Image: 'x' } }, Mode: { GlobalJob: {} } };
    assert.deepEqual(withWorkerConstraint(job, DEFAULTS).TaskTemplate, { ContainerSpec: { Image: 'x' }, Placement: { Constraints: ['node.role==worker'] } });
    assert.deepEqual(job.TaskTemplate, { ContainerSpec: { Image: 'x' } }, 'the given spec is not changed');
  });
});

describe('policy: mounts', () => {
  test('a bind of a host path is refused by default, at the mount source; allowed under a prefix; .. resolved', () => {
    const [v, ...rest] = create({ mounts: [{ type: 'VOLUME', source: 'ok', target: '/ok' }, bind('/etc')] });
    assert.equal(rest.length, 0);
    assert.deepEqual(v!.field, ['input', 'mounts', '1', 'source']);
    assert.match(v!.message, /^Guardrail no-host-bind-mounts: the bind source "\/etc"/);
    const s = settings({ allowedBindPrefixes: ['/srv/data'] });
    assert.deepEqual(create({ mounts: [bind('/srv/data'), bind('/srv/data/team/x', '/x')] }, s), []);
    assert.deepEqual(summary(create({ mounts: [bind('/srv/database'), bind('/srv/data/../../etc', '/e')] }, s)), [
      'no-host-bind-mounts @ input.mounts.0.source',
      'no-host-bind-mounts @ input.mounts.1.source',
    ]);
  });

  test('the Docker socket, or a directory holding it, is refused even under an allowed prefix', () => {
    const s = settings({ allowedBindPrefixes: ['/'] });
    assert.deepEqual(summary(create({ mounts: [bind('/var/run/docker.sock'), bind('/', '/r'), bind('/run/containerd/containerd.sock', '/c')] }, s)), [
      'no-docker-socket @ input.mounts.0.source',
      'no-docker-socket @ input.mounts.1.source',
      'no-docker-socket @ input.mounts.2.source',
    ]);
    assert.deepEqual(create({ mounts: [bind('/var/lib/app')] }, s), []);
  });

  test('the issue\'s escapes: proc, sysfs and overlay driver options are refused, at the option', () => {
    const violations = create({
      mounts: [
        volume([['type', 'proc'], ['device', 'proc']], { source: 'ppp', target: '/p' }),
        volume([['type', 'sysfs'], ['device', 'sysfs']], { source: 'sss', target: '/s' }),
        volume([['type', 'overlay'], ['o', 'lowerdir=/'], ['device', 'overlay']], { source: 'ooo', target: '/o' }),
      ],
    });
    assert.deepEqual(summary(violations), [
      'allowed-volume-options @ input.mounts.0.volumeOptions.1.value',
      'allowed-volume-options @ input.mounts.0.volumeOptions.0.value',
      'allowed-volume-options @ input.mounts.1.volumeOptions.1.value',
      'allowed-volume-options @ input.mounts.1.volumeOptions.0.value',
      'allowed-volume-options @ input.mounts.2.volumeOptions.2.value',
      'allowed-volume-options @ input.mounts.2.volumeOptions.1.value',
      'allowed-volume-options @ input.mounts.2.volumeOptions.0.value',
    ]);
    assert.match(violations[0]!.message, /^Guardrail allowed-volume-options: the local volume option "device=proc" is not allowed/);
  });

  test('allowedVolumeOptions lets a key through when the whole value matches; a bound device still needs an allowed prefix', () => {
    const s = settings({ allowedVolumeOptions: [{ driver: 'local', key: 'type', pattern: 'nfs' }, { driver: 'local', key: 'o', pattern: 'addr=10\\.0\\.0\\.1(,ro)?' }, { driver: 'local', key: 'device', pattern: ':/exports/.*|/srv/.*' }] });
    assert.deepEqual(create({ mounts: [volume([['type', 'nfs'], ['o', 'addr=10.0.0.1,ro'], ['device', ':/exports/n']])] }, s), []);
    assert.deepEqual(summary(create({ mounts: [volume([['type', 'nfsx'], ['o', 'addr=10.0.0.1,rw']])] }, s)), [
      'allowed-volume-options @ input.mounts.0.volumeOptions.1.value',
      'allowed-volume-options @ input.mounts.0.volumeOptions.0.value',
    ]);
    assert.deepEqual(summary(create({ mounts: [volume([['device', '/srv/x']])] }, s)), ['no-host-bind-mounts @ input.mounts.0.volumeOptions.0.value']);
    assert.deepEqual(summary(create({ mounts: [volume([['device', '/var/run/docker.sock']])] }, s)), ['no-docker-socket @ input.mounts.0.volumeOptions.0.value']);
  });

  test('volume drivers: local (named or not) passes; another only when allowed', () => {
    assert.deepEqual(create({ mounts: [{ type: 'VOLUME', source: 'aa', target: '/a', volumeDriver: 'local' }] }), []);
    assert.deepEqual(summary(create({ mounts: [{ type: 'VOLUME', source: 'aa', target: '/a', volumeDriver: 'rexray' }] })), ['allowed-volume-drivers @ input.mounts.0.volumeDriver']);
    assert.deepEqual(create({ mounts: [{ type: 'VOLUME', source: 'aa', target: '/a', volumeDriver: 'rexray' }] }, settings({ allowedVolumeDrivers: ['rexray'] })), []);
  });
});

describe('policy: capabilities, networks', () => {
  test('adding a capability is refused by default at its item; allowed ones pass however spelled', () => {
    assert.deepEqual(summary(create({ capabilityAdd: ['NET_ADMIN'], capabilityDrop: ['MKNOD'] })), ['no-added-capabilities @ input.capabilityAdd.0']);
    const s = settings({ allowedCapabilities: ['NET_ADMIN'] });
    assert.deepEqual(create({ capabilityAdd: ['net_admin'] }, s), []);
    assert.deepEqual(summary(create({ capabilityAdd: ['net_admin', 'sys_admin'] }, s)), ['no-added-capabilities @ input.capabilityAdd.1']);
  });

  test('the host network and non-overlay networks are refused at the attachment', () => {
    assert.deepEqual(summary(create({ networks: [{ target: 'backend' }, { target: 'host' }, { target: 'bridge' }] })).sort(), [
      'allowed-network-drivers @ input.networks.2.target',
      'no-host-network @ input.networks.1.target',
    ]);
    assert.deepEqual(create({ networks: [{ target: 'host' }] }, settings({ allowHostNetwork: true })), []);
  });
});

describe('policy: placement', () => {
  test('constraints that contradict the worker constraint or name a manager are refused, each at its item', () => {
    const violations = create({ constraints: ['node.role==manager', 'node.role != worker', 'NODE.ROLE==Manager', 'node.hostname==prod-manager-1', 'node.id==mgr1id'] });
    assert.deepEqual(summary(violations), [0, 1, 2, 3, 4].map((i) => `no-manager-placement @ input.constraints.${i}`));
    assert.match(violations[3]!.message, /names the manager node prod-manager-1/);
    assert.deepEqual(create({ constraints: ['node.role!=manager', 'node.hostname==prod-worker-1', 'node.platform.os==linux'] }), []);
    assert.deepEqual(create({ constraints: ['node.role==manager'] }, settings({ allowManagerPlacement: true })), []);
  });

  test('a stored spec without the worker constraint (global, replicated or job) is refused at the service when it cannot be amended', () => {
    for (const Mode of [{ Global: {} }, { Replicated: { Replicas: 1 } }, { ReplicatedJob: {} }, { GlobalJob: {} }]) {
      const spec = { Name: 'g', TaskTemplate: { ContainerSpec: { Image: 'x' } }, Mode };
      const [v, ...rest] = policyViolations(spec, { settings: DEFAULTS, facts }, stored('g', 'the spec the rollback would restore'));
      assert.equal(rest.length, 0);
      assert.deepEqual(v!.field, ['input', 'id']);
      assert.equal(v!.rule, 'no-manager-placement');
      assert.match(v!.message, /^Guardrail no-manager-placement: the spec the rollback would restore breaks this rule \(service "g", TaskTemplate\.Placement\.Constraints: the spec lacks the worker constraint node\.role==worker/);
      assert.deepEqual(policyViolations(withWorkerConstraint(spec, DEFAULTS), { settings: DEFAULTS, facts }, stored('g')), []);
    }
  });
});

describe('policy: settings', () => {
  test('a worker constraint outside swarmkit\'s grammar and a volume option pattern that is no regular expression are refused at start-up', () => {
    assert.equal(guardrailsSchema.safeParse({ workerConstraint: 'node.labels.==x' }).success, false);
    assert.equal(guardrailsSchema.safeParse({ workerConstraint: 'node.role=worker' }).success, false);
    assert.equal(guardrailsSchema.safeParse({ allowedVolumeOptions: [{ key: 'type', pattern: '(' }] }).success, false);
    assert.deepEqual(guardrailsSchema.parse({ allowedVolumeOptions: [{ key: 'type', pattern: 'nfs' }] }).allowedVolumeOptions, [{ driver: 'local', key: 'type', pattern: 'nfs' }]);
    assert.equal(DEFAULTS.workerConstraint, 'node.role==worker');
  });
});

describe('policy: updates and stored specs', () => {
  const current = withWorkerConstraint(toServiceSpec({ name: 'web', image: 'x', networks: [{ target: 'backend' }] }, NETWORK_IDS), DEFAULTS);
  const update = (input: Partial<ServiceUpdateInput>, spec: ServiceSpec = current) => {
    const full = { id: 'web', ...input };
    const merged = withWorkerConstraint(applyServiceUpdate(spec, full, NETWORK_IDS), DEFAULTS);
    return policyViolations(merged, { settings: DEFAULTS, facts }, { trace: traceUpdateInput(full, NETWORK_IDS), service: 'web', subject: "the service's current spec", serviceField: ['input', 'id'] });
  };

  test('networkAdd of the host network is refused at its item; a clean update passes', () => {
    assert.deepEqual(update({ image: 'y', force: true }), []);
    assert.deepEqual(summary(update({ networkAdd: [{ target: 'host' }] })), ['no-host-network @ input.networkAdd.0.target']);
  });

  test('a current spec that breaks the policy refuses every update, scale or force, at input.id naming the service and the spec field', () => {
    const spec = structuredClone(current);
    spec.TaskTemplate.ContainerSpec!.Mounts = [{ Type: 'bind', Source: '/etc', Target: '/etc' }];
    spec.TaskTemplate.Networks = [{ Target: 'hostid' }];
    const violations = update({ force: true }, spec);
    assert.deepEqual(summary(violations), ['no-host-bind-mounts @ input.id', 'no-host-network @ input.id']);
    assert.match(violations[0]!.message, /^Guardrail no-host-bind-mounts: the service's current spec breaks this rule \(service "web", TaskTemplate\.ContainerSpec\.Mounts\[0\]\.Source: the bind source "\/etc"/);
  });

  test('empty values the engine adds (Init false, DNSConfig {}, Isolation default, Runtime container) pass', () => {
    const engine = { ...current, TaskTemplate: { ...current.TaskTemplate, ContainerSpec: { ...current.TaskTemplate.ContainerSpec!, Isolation: 'default', Privileges: { CredentialSpec: null, SELinuxContext: null } }, Runtime: 'container' } };
    assert.deepEqual(policyViolations(engine, { settings: DEFAULTS, facts }, stored('web')), []);
    const odd = { ...engine, TaskTemplate: { ...engine.TaskTemplate, Runtime: 'plugin', Unknown: { x: 1 } } };
    assert.deepEqual(policyViolations(odd, { settings: DEFAULTS, facts }, stored('web')).map((v) => [v.rule, v.specField]), [
      ['default-runtime', 'TaskTemplate.Runtime'],
      ['unclassified-field', 'TaskTemplate.Unknown'],
    ]);
  });
});
