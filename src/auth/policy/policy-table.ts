// THE policy table: every field of an Engine ServiceSpec (API 1.41) that a guarded caller's
// spec may hold, classified. The policy walks the final spec about to be sent (evaluate.ts):
// a field that is empty (absent, "", 0, false, [], {}) is not looked at; any other field is
// - `allowed`: passes as it is;
// - `limited`: passes when its check finds nothing (`check`, named by `rule`);
// - `refused`: never from a guarded caller (rule `refused-field`);
// - `by-field`: an object (or list of objects) whose own fields are classified below it;
// and a field the table does not hold is refused (rule `unclassified-field`). `create` and
// `update` name the GraphQL input fields that set it (ServiceCreateInput, ServiceUpdateInput):
// a unit test fails when the schema gains an input field that no row names. README's policy
// chapter is rendered from this table (`npm run docs:policy`).
import { checkCapabilityAdd } from './capabilities.ts';
import type { PolicyContext } from './facts.ts';
import { checkMountSource, checkMountType, checkPropagation, checkVolumeDriver, checkVolumeOptions } from './mounts.ts';
import { checkNetworkTarget } from './networks.ts';
import { checkConstraints } from './placement.ts';
import { finding, type Finding, type PolicyRule, type SpecPath } from './rules.ts';

export type Verdict = 'allowed' | 'limited' | 'refused' | 'by-field';

export type FieldCheck = (value: unknown, path: SpecPath, parent: Record<string, unknown>, ctx: PolicyContext) => Finding[];

export interface FieldPolicy {
  /** The field's place in a ServiceSpec; `[]` stands for every item of a list. */
  path: string;
  verdict: Verdict;
  rule?: PolicyRule;
  check?: FieldCheck;
  /** ServiceCreateInput fields that set it. */
  create?: readonly string[];
  /** ServiceUpdateInput fields that change it. */
  update?: readonly string[];
  /** One line for README. */
  note: string;
}

/** Fields of the service inputs that are not part of the spec (they select the cluster or the service, or say how long to follow the rollout). */
export const NOT_SPEC_INPUTS = { create: ['cluster', 'wait', 'deadline'], update: ['cluster', 'id', 'version', 'wait', 'deadline', 'planHash'] } as const;

const checkDefaultRuntime =
  (field: string, defaults: readonly string[]): FieldCheck =>
  (value, path) =>
    defaults.includes(String(value)) ? [] : [finding(path, 'default-runtime', `the ${field} ${JSON.stringify(value)} is not the default`, `Leave ${field} out.`)];

const allowed = (path: string, note: string, inputs: Pick<FieldPolicy, 'create' | 'update'> = {}): FieldPolicy => ({ path, verdict: 'allowed', note, ...inputs });
const refused = (path: string, note: string): FieldPolicy => ({ path, verdict: 'refused', rule: 'refused-field', note });
const byField = (path: string, note: string, inputs: Pick<FieldPolicy, 'create' | 'update'> = {}): FieldPolicy => ({ path, verdict: 'by-field', note, ...inputs });
const limited = (path: string, rule: PolicyRule, check: FieldCheck, note: string, inputs: Pick<FieldPolicy, 'create' | 'update'> = {}): FieldPolicy => ({ path, verdict: 'limited', rule, check, note, ...inputs });

const CS = 'TaskTemplate.ContainerSpec';
const MOUNT = `${CS}.Mounts[]`;

const networkRows = (base: string, inputs: Pick<FieldPolicy, 'create' | 'update'>): FieldPolicy[] => [
  byField(base, 'network attachments', inputs),
  limited(`${base}[].Target`, 'no-host-network', checkNetworkTarget, 'overlay networks only; never `host` (also rule `allowed-network-drivers`)'),
  allowed(`${base}[].Aliases`, 'DNS aliases on the network'),
  refused(`${base}[].DriverOpts`, 'per-attachment driver options'),
];

export const POLICY_TABLE: readonly FieldPolicy[] = [
  allowed('Name', 'the service name', { create: ['name'] }),
  allowed('Labels', 'service labels (a scoped grant\'s label is stamped and kept)', { create: ['labels'], update: ['labels'] }),
  allowed('Mode', 'replicated, global or job mode, replicas, a job\'s completions and concurrency', { create: ['mode', 'replicas', 'totalCompletions', 'maxConcurrent'], update: ['replicas'] }),
  allowed('UpdateConfig', 'update policy', { create: ['updateConfig'] }),
  allowed('RollbackConfig', 'rollback policy', { create: ['rollbackConfig'] }),
  allowed('EndpointSpec', 'endpoint mode and published ports', { create: ['publish', 'ports', 'endpointMode'], update: ['publishAdd', 'publishRemove'] }),
  ...networkRows('Networks', {}),
  byField('TaskTemplate', 'the task template'),
  byField(CS, 'the container'),
  allowed(`${CS}.Image`, 'image', { create: ['image'], update: ['image'] }),
  allowed(`${CS}.Labels`, 'container labels', { create: ['containerLabels'] }),
  allowed(`${CS}.Command`, 'command', { create: ['command'], update: ['command'] }),
  allowed(`${CS}.Args`, 'arguments', { create: ['args'], update: ['args'] }),
  allowed(`${CS}.Hostname`, 'container hostname', { create: ['hostname'] }),
  allowed(`${CS}.Env`, 'environment', { create: ['env'], update: ['envAdd', 'envRemove'] }),
  allowed(`${CS}.Dir`, 'working directory', { create: ['workdir'] }),
  allowed(`${CS}.User`, 'user (the image decides whether it runs as root; see README)', { create: ['user'] }),
  allowed(`${CS}.Groups`, 'additional groups'),
  refused(`${CS}.Privileges`, 'credential spec, SELinux context'),
  allowed(`${CS}.Init`, 'run an init process'),
  allowed(`${CS}.StopSignal`, 'stop signal'),
  allowed(`${CS}.StopGracePeriod`, 'stop grace period'),
  allowed(`${CS}.Healthcheck`, 'health check: its command runs inside the service\'s own container, with that container\'s rights, so it reaches nothing of the host', { create: ['healthcheck', 'noHealthcheck'], update: ['healthcheck', 'noHealthcheck'] }),
  allowed(`${CS}.Hosts`, 'extra /etc/hosts entries'),
  allowed(`${CS}.DNSConfig`, 'DNS servers, search domains, options'),
  allowed(`${CS}.Secrets`, 'swarm secrets as files: only those the caller may read (checked on the final spec, src/graphql/services/stored-refs.ts)', { create: ['secrets'], update: ['secretAdd', 'secretRemove'] }),
  allowed(`${CS}.Configs`, 'swarm configs as files: only those the caller may read (checked on the final spec, src/graphql/services/stored-refs.ts)', { create: ['configs'], update: ['configAdd', 'configRemove'] }),
  limited(`${CS}.Isolation`, 'default-runtime', checkDefaultRuntime('isolation', ['default']), 'only `default`'),
  refused(`${CS}.Sysctls`, 'kernel parameters'),
  limited(`${CS}.CapabilityAdd`, 'no-added-capabilities', checkCapabilityAdd, 'only `guardrails.allowedCapabilities`', { create: ['capabilityAdd'] }),
  allowed(`${CS}.CapabilityDrop`, 'dropped capabilities', { create: ['capabilityDrop'] }),
  refused(`${CS}.Ulimits`, 'resource limits of the process'),
  allowed(`${CS}.TTY`, 'allocate a TTY'),
  allowed(`${CS}.OpenStdin`, 'keep stdin open'),
  allowed(`${CS}.ReadOnly`, 'read-only root filesystem'),
  byField(`${CS}.Mounts`, 'mounts', { create: ['mounts'] }),
  limited(`${MOUNT}.Type`, 'allowed-mount-types', checkMountType, '`bind`, `volume`, `tmpfs`'),
  limited(`${MOUNT}.Source`, 'no-host-bind-mounts', checkMountSource, 'a bind source under `guardrails.allowedBindPrefixes`; never the Docker socket (also rule `no-docker-socket`)'),
  allowed(`${MOUNT}.Target`, 'the path in the container'),
  allowed(`${MOUNT}.ReadOnly`, 'read-only mount'),
  allowed(`${MOUNT}.Consistency`, 'consistency (ignored on Linux)'),
  byField(`${MOUNT}.BindOptions`, 'bind options'),
  limited(`${MOUNT}.BindOptions.Propagation`, 'no-mount-propagation', checkPropagation, '`private`, `rprivate`, `slave`, `rslave`'),
  allowed(`${MOUNT}.BindOptions.NonRecursive`, 'non-recursive bind'),
  byField(`${MOUNT}.VolumeOptions`, 'volume options'),
  allowed(`${MOUNT}.VolumeOptions.NoCopy`, 'do not copy the image\'s content into a new volume'),
  allowed(`${MOUNT}.VolumeOptions.Labels`, 'labels of a new volume'),
  byField(`${MOUNT}.VolumeOptions.DriverConfig`, 'volume driver and its options'),
  limited(`${MOUNT}.VolumeOptions.DriverConfig.Name`, 'allowed-volume-drivers', checkVolumeDriver, '`local`, or `guardrails.allowedVolumeDrivers`'),
  limited(`${MOUNT}.VolumeOptions.DriverConfig.Options`, 'allowed-volume-options', checkVolumeOptions, 'none, or those `guardrails.allowedVolumeOptions` allows; never the socket; a bound `device` under an allowed prefix'),
  allowed(`${MOUNT}.TmpfsOptions`, 'tmpfs size and mode'),
  refused('TaskTemplate.PluginSpec', 'plugin tasks'),
  refused('TaskTemplate.NetworkAttachmentSpec', 'network attachment tasks'),
  allowed('TaskTemplate.Resources', 'CPU, memory and PID limits and reservations', { create: ['resources'] }),
  allowed('TaskTemplate.RestartPolicy', 'restart policy (`on-failure` for jobs)', { create: ['mode'] }),
  byField('TaskTemplate.Placement', 'placement'),
  limited('TaskTemplate.Placement.Constraints', 'no-manager-placement', checkConstraints, 'the worker constraint is added; none may contradict it or name a manager', { create: ['constraints'] }),
  allowed('TaskTemplate.Placement.Preferences', 'spread preferences'),
  allowed('TaskTemplate.Placement.MaxReplicas', 'most replicas per node'),
  allowed('TaskTemplate.Placement.Platforms', 'platforms'),
  ...networkRows('TaskTemplate.Networks', { create: ['networks'], update: ['networkAdd', 'networkRemove'] }),
  refused('TaskTemplate.LogDriver', 'log driver and its options'),
  allowed('TaskTemplate.ForceUpdate', 'force a redeploy', { update: ['force'] }),
  limited('TaskTemplate.Runtime', 'default-runtime', checkDefaultRuntime('runtime', ['container']), 'only `container`'),
];

export const POLICY_BY_PATH: ReadonlyMap<string, FieldPolicy> = new Map(POLICY_TABLE.map((row) => [row.path, row]));
