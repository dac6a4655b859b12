// THE container policy table: every field of a `POST /containers/create` body that the
// mapping (src/docker/mapping/container-create.ts) can produce, classified. The policy walks
// the final body (Config's fields at the top, HostConfig, NetworkingConfig) about to be sent
// (container-evaluate.ts), for everyone but an unscoped admin. As in the service table
// (policy-table.ts): an empty field is not looked at; `allowed` passes; `limited` passes when
// its check finds nothing; `refused` never passes; `by-field` holds classified fields (`[]`
// for each item of a list); `by-key` is a map whose entries (`*`) are classified; and a field
// not in this table is refused (`unclassified-field`), so a field a later mapping adds cannot
// slip through. The mount, socket and capability checks ARE the service policy's (mounts.ts,
// capabilities.ts) over the same settings (`guardrails`). `input` names the ContainerRunInput
// fields that set the field; a unit test fails when the input gains a field no row names.
import { checkCapabilityAdd } from './capabilities.ts';
import { checkEndpointNetwork, checkIpcMode, checkNetworkMode, checkSecurityOpt, type ContainerPolicyContext } from './container-checks.ts';
import type { ContainerFinding, ContainerRule } from './container-rules.ts';
import type { PolicyContext } from './facts.ts';
import { checkMountSource, checkMountType, checkPropagation, checkVolumeDriver, checkVolumeOptions } from './mounts.ts';
import type { Finding, SpecPath } from './rules.ts';

export type ContainerVerdict = 'allowed' | 'limited' | 'refused' | 'by-field' | 'by-key';

export type ContainerFieldCheck = (value: unknown, path: SpecPath, parent: Record<string, unknown>, ctx: ContainerPolicyContext) => ContainerFinding[];

export interface ContainerFieldPolicy {
  /** The field's place in the create body; `[]` stands for every item of a list, `*` for every entry of a map. */
  path: string;
  verdict: ContainerVerdict;
  rule?: ContainerRule;
  check?: ContainerFieldCheck;
  /** ContainerRunInput fields that set it. */
  input?: readonly string[];
  /** One line for README. */
  note: string;
}

/** ContainerRunInput fields that are not part of the body (they select the cluster and the engine). */
export const CONTAINER_NOT_BODY_INPUTS = ['cluster', 'engine', 'name'] as const;

/** A service-policy check (mounts.ts, capabilities.ts) over the container policy's context. */
const shared =
  (check: (value: unknown, path: SpecPath, parent: Record<string, unknown>, ctx: PolicyContext) => Finding[]): ContainerFieldCheck =>
  (value, path, parent, ctx) =>
    check(value, path, parent, { settings: ctx.settings, facts: { network: ctx.network, nodes: [] } });

const allowed = (path: string, note: string, input?: readonly string[]): ContainerFieldPolicy => ({ path, verdict: 'allowed', note, ...(input ? { input } : {}) });
const refused = (path: string, note: string, input?: readonly string[]): ContainerFieldPolicy => ({ path, verdict: 'refused', rule: 'refused-field', note, ...(input ? { input } : {}) });
const byField = (path: string, note: string, input?: readonly string[]): ContainerFieldPolicy => ({ path, verdict: 'by-field', note, ...(input ? { input } : {}) });
const limited = (path: string, rule: ContainerRule, check: ContainerFieldCheck, note: string, input?: readonly string[]): ContainerFieldPolicy => ({
  path,
  verdict: 'limited',
  rule,
  check,
  note,
  ...(input ? { input } : {}),
});

const HC = 'HostConfig';
const MOUNT = `${HC}.Mounts[]`;
const ENDPOINT = 'NetworkingConfig.EndpointsConfig.*';

export const CONTAINER_POLICY_TABLE: readonly ContainerFieldPolicy[] = [
  allowed('Image', 'image (present on the engine: nothing is pulled)', ['image']),
  allowed('Cmd', 'command', ['command']),
  allowed('Entrypoint', 'entrypoint', ['entrypoint']),
  allowed('Env', 'environment', ['env']),
  allowed('Labels', 'container labels (a scoped grant\'s label is stamped)', ['labels']),
  byField(HC, 'how the container runs on its host'),
  limited(`${HC}.NetworkMode`, 'allowed-network-modes', checkNetworkMode, '`default`, `bridge`, `none`, or a bridge or overlay network; never `host` (unless `guardrails.allowHostNetwork`) nor `container:<id>`', ['networks', 'networkMode']),
  allowed(`${HC}.RestartPolicy`, 'restart policy', ['restartPolicy']),
  allowed(`${HC}.NanoCpus`, 'CPU limit', ['resources']),
  allowed(`${HC}.Memory`, 'memory limit', ['resources']),
  allowed(`${HC}.PidsLimit`, 'PID limit', ['resources']),
  refused(`${HC}.Privileged`, 'every device and capability of the host', ['privileged']),
  refused(`${HC}.PidMode`, 'the host\'s (or another container\'s) process namespace', ['pidMode']),
  limited(`${HC}.IpcMode`, 'allowed-ipc-modes', checkIpcMode, 'only `private` or `none`', ['ipcMode']),
  refused(`${HC}.UTSMode`, 'the host\'s hostname namespace', ['utsMode']),
  refused(`${HC}.UsernsMode`, 'the host\'s user namespace (turns off the daemon\'s user remapping)', ['usernsMode']),
  refused(`${HC}.CgroupParent`, 'a cgroup outside the engine\'s own', ['cgroupParent']),
  refused(`${HC}.Devices`, 'host devices', ['devices']),
  limited(`${HC}.CapAdd`, 'no-added-capabilities', shared(checkCapabilityAdd), 'only `guardrails.allowedCapabilities`', ['capAdd']),
  allowed(`${HC}.CapDrop`, 'dropped capabilities', ['capDrop']),
  limited(`${HC}.SecurityOpt`, 'allowed-security-options', checkSecurityOpt, 'only `no-new-privileges`', ['securityOpt']),
  refused(`${HC}.Sysctls`, 'kernel parameters', ['sysctls']),
  refused(`${HC}.Ulimits`, 'resource limits of the process', ['ulimits']),
  allowed(`${HC}.ReadonlyRootfs`, 'read-only root filesystem', ['readonlyRootfs']),
  refused(`${HC}.Binds`, '`--volume` host paths: not offered (mounts are), refused should a body hold them'),
  byField(`${HC}.Mounts`, 'mounts, under the service policy\'s mount rules', ['mounts']),
  limited(`${MOUNT}.Type`, 'allowed-mount-types', shared(checkMountType), '`bind`, `volume`, `tmpfs`'),
  limited(`${MOUNT}.Source`, 'no-host-bind-mounts', shared(checkMountSource), 'a bind source under `guardrails.allowedBindPrefixes`; never the Docker socket (also rule `no-docker-socket`)'),
  allowed(`${MOUNT}.Target`, 'the path in the container'),
  allowed(`${MOUNT}.ReadOnly`, 'read-only mount'),
  byField(`${MOUNT}.BindOptions`, 'bind options'),
  limited(`${MOUNT}.BindOptions.Propagation`, 'no-mount-propagation', shared(checkPropagation), '`private`, `rprivate`, `slave`, `rslave`'),
  byField(`${MOUNT}.VolumeOptions`, 'volume options'),
  allowed(`${MOUNT}.VolumeOptions.NoCopy`, 'do not copy the image\'s content into a new volume'),
  allowed(`${MOUNT}.VolumeOptions.Labels`, 'labels of a new volume'),
  byField(`${MOUNT}.VolumeOptions.DriverConfig`, 'volume driver and its options'),
  limited(`${MOUNT}.VolumeOptions.DriverConfig.Name`, 'allowed-volume-drivers', shared(checkVolumeDriver), '`local`, or `guardrails.allowedVolumeDrivers`'),
  limited(`${MOUNT}.VolumeOptions.DriverConfig.Options`, 'allowed-volume-options', shared(checkVolumeOptions), 'none, or those `guardrails.allowedVolumeOptions` allows; never the socket; a bound `device` under an allowed prefix'),
  allowed(`${MOUNT}.TmpfsOptions`, 'tmpfs size and mode'),
  byField('NetworkingConfig', 'the networks'),
  { path: 'NetworkingConfig.EndpointsConfig', verdict: 'by-key', note: 'one entry per network, keyed by the network reference', input: ['networks'] },
  limited(ENDPOINT, 'allowed-network-modes', checkEndpointNetwork, 'a bridge or overlay network on the container\'s engine'),
  allowed(`${ENDPOINT}.Aliases`, 'DNS aliases on the network'),
  allowed(`${ENDPOINT}.IPAMConfig`, 'static IPv4/IPv6 address on the network'),
];

export const CONTAINER_POLICY_BY_PATH: ReadonlyMap<string, ContainerFieldPolicy> = new Map(CONTAINER_POLICY_TABLE.map((row) => [row.path, row]));
