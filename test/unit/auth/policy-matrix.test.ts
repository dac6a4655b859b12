// The policy matrix, generated from the policy table: every row with a sample (a row without
// one fails), each bad sample refused with its rule at the spec field, each good one passed,
// through the paths that send a stored or merged spec (update, force, scale, rollback), at
// the service (`input.id`). Every field of ServiceCreateInput and ServiceUpdateInput is named
// by a row (or is not part of the spec), so a new input field must be classified first. Only
// an unscoped admin skips the policy. (Create inputs are traced to their fields in
// policy.test.ts; the real swarm in test/e2e/services/policy.test.ts.)
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Kind, parse, type InputObjectTypeDefinitionNode } from 'graphql';
import { guardrailsSchema } from '../../../src/config/access-config.ts';
import {
  NOT_SPEC_INPUTS,
  POLICY_TABLE,
  policyViolations,
  traceStoredSpec,
  traceUpdateInput,
  withWorkerConstraint,
  type PolicyFacts,
  type PolicyRule,
  type SpecOrigin,
} from '../../../src/auth/policy/index.ts';
import { decide } from '../../../src/auth/access-decision.ts';
import { parseGrant } from '../../../src/grants/grant.ts';

const SETTINGS = guardrailsSchema.parse({});
const facts: PolicyFacts = {
  network: (id) => ({ backendid: { name: 'backend', driver: 'overlay' }, hostid: { name: 'host', driver: 'host' } })[id] ?? null,
  nodes: [],
};

type Case = unknown | { value: unknown; rule?: PolicyRule; with?: Record<string, unknown> };
interface Sample {
  good?: Case[];
  bad?: Case[];
}

const CS = 'TaskTemplate.ContainerSpec';
const M = `${CS}.Mounts[]`;
const networkSamples = (base: string): Record<string, Sample> => ({
  [`${base}[].Target`]: { good: ['backendid'], bad: ['hostid', { value: 'gone', rule: 'allowed-network-drivers' }] },
  [`${base}[].Aliases`]: { good: [['a']] },
  [`${base}[].DriverOpts`]: { bad: [{ x: 'y' }] },
});

/** A good and/or bad value for every row that is not `by-field`. */
const SAMPLES: Record<string, Sample> = {
  Name: { good: ['web2'] },
  Labels: { good: [{ a: 'b' }] },
  Mode: { good: [{ Global: {} }, { ReplicatedJob: { TotalCompletions: 1 } }, { GlobalJob: {} }] },
  UpdateConfig: { good: [{ Parallelism: 2 }] },
  RollbackConfig: { good: [{ Parallelism: 2 }] },
  EndpointSpec: { good: [{ Mode: 'dnsrr' }, { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }] }] },
  ...networkSamples('Networks'),
  ...networkSamples('TaskTemplate.Networks'),
  [`${CS}.Image`]: { good: ['y'] },
  [`${CS}.Labels`]: { good: [{ a: 'b' }] },
  [`${CS}.Command`]: { good: [['sh']] },
  [`${CS}.Args`]: { good: [['-c', 'true']] },
  [`${CS}.Hostname`]: { good: ['h'] },
  [`${CS}.Env`]: { good: [['A=1']] },
  [`${CS}.Dir`]: { good: ['/w'] },
  [`${CS}.User`]: { good: ['nobody'] },
  [`${CS}.Groups`]: { good: [['users']] },
  [`${CS}.Privileges`]: { bad: [{ SELinuxContext: { Disable: true } }, { CredentialSpec: { File: 'x' } }] },
  [`${CS}.Init`]: { good: [true] },
  [`${CS}.StopSignal`]: { good: ['SIGINT'] },
  [`${CS}.StopGracePeriod`]: { good: [1e9] },
  [`${CS}.Healthcheck`]: { good: [{ Test: ['NONE'] }] },
  [`${CS}.Hosts`]: { good: [['10.0.0.1 db']] },
  [`${CS}.DNSConfig`]: { good: [{ Nameservers: ['10.0.0.53'] }] },
  // The policy lets references through; which secrets and configs a caller may reference is
  // the resolvers' check (test/unit/graphql/secrets/service-references.test.ts).
  [`${CS}.Secrets`]: { good: [[{ SecretID: 's', SecretName: 's', File: { Name: 's', UID: '0', GID: '0', Mode: 292 } }]] },
  [`${CS}.Configs`]: { good: [[{ ConfigID: 'c', ConfigName: 'c', File: { Name: 'c', UID: '0', GID: '0', Mode: 292 } }]] },
  [`${CS}.Isolation`]: { good: ['default'], bad: ['hyperv', 'process'] },
  [`${CS}.Sysctls`]: { bad: [{ 'net.ipv4.ip_forward': '1' }] },
  [`${CS}.CapabilityAdd`]: { bad: [['CAP_SYS_ADMIN'], ['ALL'], ['CAP_NET_ADMIN']] },
  [`${CS}.CapabilityDrop`]: { good: [['ALL']] },
  [`${CS}.Ulimits`]: { bad: [[{ Name: 'nofile', Soft: 1, Hard: 1 }]] },
  [`${CS}.TTY`]: { good: [true] },
  [`${CS}.OpenStdin`]: { good: [true] },
  [`${CS}.ReadOnly`]: { good: [true] },
  [`${M}.Type`]: { good: ['tmpfs', 'volume'], bad: ['npipe', 'cluster', 'image', 'proc'] },
  [`${M}.Source`]: {
    good: ['vol2'],
    bad: [{ value: '/etc', with: { Type: 'bind' } }, { value: '/', with: { Type: 'bind' }, rule: 'no-docker-socket' }, { value: '/var/run/docker.sock', with: { Type: 'bind' }, rule: 'no-docker-socket' }, { value: 'docker.sock', rule: 'no-docker-socket' }],
  },
  [`${M}.Target`]: { good: ['/x'] },
  [`${M}.ReadOnly`]: { good: [true] },
  [`${M}.Consistency`]: { good: ['cached'] },
  [`${M}.BindOptions.Propagation`]: { good: ['rprivate', 'rslave'], bad: ['rshared', 'shared'] },
  [`${M}.BindOptions.NonRecursive`]: { good: [true] },
  [`${M}.VolumeOptions.NoCopy`]: { good: [true] },
  [`${M}.VolumeOptions.Labels`]: { good: [{ a: 'b' }] },
  [`${M}.VolumeOptions.DriverConfig.Name`]: { good: ['local'], bad: ['rexray', 'local-persist'] },
  // Every family of local-driver options: proc, sysfs, overlay, bind, devices, tmpfs, nfs/cifs, sizes; the socket.
  [`${M}.VolumeOptions.DriverConfig.Options`]: {
    bad: [
      { type: 'proc' }, { device: 'proc' }, { type: 'sysfs' }, { type: 'overlay' }, { o: 'lowerdir=/' }, { o: 'bind' }, { device: '/etc' },
      { device: '/dev/sda1' }, { type: 'tmpfs' }, { type: 'nfs' }, { o: 'addr=10.0.0.1' }, { device: '//fs/share' }, { size: '1g' },
      { value: { device: '/var/run/docker.sock' }, rule: 'no-docker-socket' },
    ],
  },
  [`${M}.TmpfsOptions`]: { good: [{ SizeBytes: 1024 }] },
  'TaskTemplate.PluginSpec': { bad: [{ Name: 'p', Remote: 'x' }] },
  'TaskTemplate.NetworkAttachmentSpec': { bad: [{ ContainerID: 'c' }] },
  'TaskTemplate.Resources': { good: [{ Limits: { NanoCPUs: 1e9, Pids: 10 } }] },
  'TaskTemplate.RestartPolicy': { good: [{ Condition: 'any' }] },
  'TaskTemplate.Placement.Constraints': {
    good: [['node.role==worker', 'node.labels.zone==a']],
    bad: [['node.role==worker', 'node.role==manager'], ['node.role==worker', 'node.role!=worker'], ['node.role==worker', 'node.labels.==x']],
  },
  'TaskTemplate.Placement.Preferences': { good: [[{ Spread: { SpreadDescriptor: 'node.labels.zone' } }]] },
  'TaskTemplate.Placement.MaxReplicas': { good: [2] },
  'TaskTemplate.Placement.Platforms': { good: [[{ OS: 'linux', Architecture: 'amd64' }]] },
  'TaskTemplate.LogDriver': { bad: [{ Name: 'syslog', Options: { 'syslog-address': 'tcp://10.0.0.1:514' } }] },
  'TaskTemplate.ForceUpdate': { good: [3] },
  'TaskTemplate.Runtime': { good: ['container'], bad: ['plugin', 'attachment'] },
};

/** A stored spec that passes: the engine's own empty fields, one volume, one overlay, the worker constraint. */
function baseSpec(): Record<string, any> {
  return {
    Name: 'web',
    Labels: {},
    TaskTemplate: {
      ContainerSpec: { Image: 'x', Init: false, DNSConfig: {}, Isolation: 'default', Mounts: [{ Type: 'volume', Source: 'vol', Target: '/v' }] },
      Resources: { Limits: {}, Reservations: {} },
      Placement: { Constraints: ['node.role==worker'] },
      Networks: [{ Target: 'backendid' }],
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: { Replicated: { Replicas: 1 } },
    Networks: [{ Target: 'backendid' }],
    EndpointSpec: { Mode: 'vip' },
  };
}

/** The base spec with `value` at the row's path (item 0 of each list), and `with` merged into the value's parent. */
function specWith(path: string, value: unknown, extra: Record<string, unknown> = {}): Record<string, any> {
  const spec = baseSpec();
  const keys = path.replace(/\[\]/g, '.0').split('.');
  let at: any = spec;
  keys.slice(0, -1).forEach((k) => { at[k] ??= {}; at = at[k]; });
  Object.assign(at, extra, { [keys.at(-1)!]: value });
  return spec;
}

const asCase = (c: Case) => (typeof c === 'object' && c !== null && 'value' in c ? (c as { value: unknown; rule?: PolicyRule; with?: Record<string, unknown> }) : { value: c });

const ORIGINS: { name: string; amend: boolean; origin: SpecOrigin }[] = [
  { name: 'update', amend: true, origin: { trace: traceUpdateInput({ image: 'z' }, new Map()), service: 'web', subject: "the service's current spec", serviceField: ['input', 'id'] } },
  { name: 'force', amend: true, origin: { trace: traceUpdateInput({ force: true }, new Map()), service: 'web', subject: "the service's current spec", serviceField: ['input', 'id'] } },
  { name: 'scale', amend: true, origin: { trace: traceStoredSpec, service: 'web', subject: "the service's current spec", serviceField: ['input', 'id'] } },
  { name: 'rollback', amend: false, origin: { trace: traceStoredSpec, service: 'web', subject: 'the spec the rollback would restore', serviceField: ['input', 'id'] } },
];

function judge(spec: object, amend: boolean, origin: SpecOrigin) {
  return policyViolations(amend ? withWorkerConstraint(spec, SETTINGS) : spec, { settings: SETTINGS, facts }, origin);
}

describe('policy matrix (from the policy table)', () => {
  test('every row that is not by-field has samples: a refused row a bad one, an allowed row a good one, a limited row a bad one', () => {
    const missing = POLICY_TABLE.filter((row) => {
      if (row.verdict === 'by-field') return false;
      const s = SAMPLES[row.path];
      if (!s) return true;
      return (row.verdict !== 'allowed' && !s.bad?.length) || (row.verdict === 'allowed' && !s.good?.length);
    });
    assert.deepEqual(missing.map((r) => r.path), [], 'add samples to SAMPLES for these policy rows');
    assert.deepEqual(Object.keys(SAMPLES).filter((p) => !POLICY_TABLE.some((r) => r.path === p)), [], 'samples for rows that no longer exist');
  });

  test('the base spec passes on every path', () => {
    for (const o of ORIGINS) assert.deepEqual(judge(baseSpec(), o.amend, o.origin), [], o.name);
  });

  for (const row of POLICY_TABLE) {
    const samples = SAMPLES[row.path];
    if (!samples) continue;
    for (const c of (samples.bad ?? []).map(asCase)) {
      const rule = c.rule ?? row.rule!;
      test(`${row.path} = ${JSON.stringify(c.value)}: ${rule} on update, force, scale and rollback, at input.id`, () => {
        for (const o of ORIGINS) {
          const violations = judge(specWith(row.path, c.value, c.with), o.amend, o.origin);
          assert.equal(violations.length, 1, `${o.name}: ${JSON.stringify(violations)}`);
          const [v] = violations;
          assert.equal(v!.rule, rule, o.name);
          assert.deepEqual(v!.field, ['input', 'id'], o.name);
          assert.ok(v!.specField.startsWith(row.path.replace(/\[\]/g, '[0]')), `${o.name}: ${v!.specField}`);
          assert.ok(v!.message.startsWith(`Guardrail ${rule}: ${o.origin.subject} breaks this rule (service "web", ${v!.specField}: `), v!.message);
        }
      });
    }
    for (const c of (samples.good ?? []).map(asCase)) {
      test(`${row.path} = ${JSON.stringify(c.value)}: allowed on every path`, () => {
        for (const o of ORIGINS) assert.deepEqual(judge(specWith(row.path, c.value, c.with), o.amend, o.origin), [], o.name);
      });
    }
  }

  test('a field the table does not classify is refused, at every level', () => {
    for (const path of ['Unknown', 'TaskTemplate.Unknown', `${CS}.Privileged`, `${M}.Unknown`, 'TaskTemplate.Placement.Unknown', 'TaskTemplate.Networks[].Unknown', `${M}.VolumeOptions.DriverConfig.Unknown`]) {
      for (const o of ORIGINS) {
        const violations = judge(specWith(path, 'x'), o.amend, o.origin);
        assert.deepEqual(violations.map((v) => [v.rule, v.specField]), [['unclassified-field', path.replace(/\[\]/g, '[0]')]], `${path} via ${o.name}`);
      }
    }
  });

  test('placement: a spec without the worker constraint is amended on update, force and scale, and refused on rollback, in every mode', () => {
    for (const Mode of [{ Replicated: { Replicas: 1 } }, { Global: {} }, { ReplicatedJob: {} }, { GlobalJob: {} }]) {
      const spec = { ...baseSpec(), Mode, TaskTemplate: { ...baseSpec().TaskTemplate, Placement: {} } };
      for (const o of ORIGINS) {
        assert.deepEqual(judge(spec, o.amend, o.origin).map((v) => v.rule), o.amend ? [] : ['no-manager-placement'], `${JSON.stringify(Mode)} via ${o.name}`);
      }
    }
  });
});

describe('every spec field the schema exposes is classified in the policy table', () => {
  const doc = parse(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
  const fieldsOf = (name: string) =>
    (doc.definitions.find((d): d is InputObjectTypeDefinitionNode => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && d.name.value === name)?.fields ?? []).map((f) => f.name.value);

  for (const [input, kind] of [['ServiceCreateInput', 'create'], ['ServiceUpdateInput', 'update']] as const) {
    test(`${input}: each field is named by a row's \`${kind}\` (or is not part of the spec), and each name is a field`, () => {
      const fields = fieldsOf(input);
      assert.ok(fields.length > 5, `${input} found in schema.graphql`);
      const named = new Set([...POLICY_TABLE.flatMap((row) => row[kind] ?? []), ...NOT_SPEC_INPUTS[kind]]);
      assert.deepEqual(fields.filter((f) => !named.has(f)), [], `classify these ${input} fields in src/auth/policy/policy-table.ts`);
      assert.deepEqual([...named].filter((n) => !fields.includes(n)), [], 'rows name input fields that do not exist');
    });
  }
});

describe('who is guarded', () => {
  const guarded = (grants: string[]) => !decide({ id: 't', kind: 'token', grants: grants.map(parseGrant), clientAddress: undefined }, 'Capability.unguarded', 'prod').allowed;
  test('deployers, operators and every label-scoped grant (a team admin too) are guarded; an unscoped admin is not', () => {
    for (const g of ['deployer', 'operator', 'deployer:team=payments', 'operator:team=payments', 'admin:team=payments', 'admin@other']) assert.equal(guarded([g]), true, g);
    assert.equal(guarded(['admin']), false);
    assert.equal(guarded(['admin@prod']), false);
    assert.equal(guarded(['admin:team=payments', 'admin@prod']), false);
  });
});
