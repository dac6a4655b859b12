// containerRun -> `POST /containers/create?name=`, as `docker run -d` builds the request
// (cli/command/container/opts.go parse, run.go): Config's fields at the top level of the body,
// HostConfig and NetworkingConfig beside them. What the mapping does, field by field:
// - Cmd, Entrypoint, Env (merged as the CLI merges `--env`), Labels: left out unless given;
// - HostConfig.NetworkMode: the first network's reference (`--network NAME`), the mode given
//   (`--network host`), or "default" as the CLI sends without `--network`;
// - NetworkingConfig.EndpointsConfig: EVERY network with its aliases and static address, so the
//   policy judges them all at once; the create itself sends only the first (the engine before
//   API 1.44 refuses more than one), the others are connected before the start
//   (createBodyForEngine, the resolver);
// - RestartPolicy always ({Name: "no"} unless given, as the CLI); NanoCpus, Memory, PidsLimit
//   only when given; capabilities normalized as the CLI does (service-mounts.ts);
// - the ways to the host (Privileged, PidMode, IpcMode, UTSMode, UsernsMode, CgroupParent,
//   Devices, SecurityOpt, Sysctls, Ulimits, Mounts, ReadonlyRootfs) exactly as given, so the
//   container policy sees them; `--volume` binds are not offered (mounts say the same, typed).
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, parseMemoryBytes, parseNanoCpus, validateEnv, validateImageRef, validateLabels, type FieldPath, type KeyValueLike } from '../../validate/index.ts';
import { q } from '../../validate/field.ts';
import { checked, toStringMap, type Checked } from './common.ts';
import { effectiveCapabilities, toMountBody, validateCapabilities, validateMounts, type MountOptions } from './service-mounts.ts';
import { mergeEnvLikeCli } from './service-spec.ts';
import type { ContainerCreateBody, ContainerHostConfig, DeviceMapping, EndpointSettingsRequest, Ulimit } from '../engine-api/container-create.ts';

/** One `--network NAME` with its `--network-alias`, `--ip` and `--ip6`. */
export interface ContainerNetworkOptions {
  network: string;
  aliases?: readonly string[] | null | undefined;
  ipv4Address?: string | null | undefined;
  ipv6Address?: string | null | undefined;
}

export type RestartPolicyName = 'NO' | 'ALWAYS' | 'UNLESS_STOPPED' | 'ON_FAILURE';

/** `docker run -d`'s flags, as far as the gateway offers them. */
export interface ContainerRunOptions {
  name: string;
  image: string;
  command?: readonly string[] | null | undefined;
  entrypoint?: readonly string[] | null | undefined;
  env?: readonly string[] | null | undefined;
  labels?: readonly KeyValueLike[] | null | undefined;
  networks?: readonly ContainerNetworkOptions[] | null | undefined;
  /** `--network host|none|bridge|container:X`, without a named network. */
  networkMode?: string | null | undefined;
  restartPolicy?: { name: RestartPolicyName; maxRetries?: number | null | undefined } | null | undefined;
  resources?: { cpus?: number | null | undefined; memory?: string | null | undefined; pidsLimit?: number | null | undefined } | null | undefined;
  privileged?: boolean | null | undefined;
  pidMode?: string | null | undefined;
  ipcMode?: string | null | undefined;
  utsMode?: string | null | undefined;
  usernsMode?: string | null | undefined;
  cgroupParent?: string | null | undefined;
  devices?: readonly { pathOnHost: string; pathInContainer?: string | null | undefined; cgroupPermissions?: string | null | undefined }[] | null | undefined;
  capAdd?: readonly string[] | null | undefined;
  capDrop?: readonly string[] | null | undefined;
  securityOpt?: readonly string[] | null | undefined;
  mounts?: readonly MountOptions[] | null | undefined;
  sysctls?: readonly KeyValueLike[] | null | undefined;
  ulimits?: readonly { name: string; soft: number; hard: number }[] | null | undefined;
  readonlyRootfs?: boolean | null | undefined;
}

/** A network as the engine is to be given it: the reference sent (a name, or an ID when a name is ambiguous). */
export interface ResolvedContainerNetwork {
  ref: string;
  aliases: readonly string[];
  ipv4Address: string | null;
  ipv6Address: string | null;
}

/** moby's container name pattern (daemon/names.go RestrictedNamePattern). */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** A network alias: what Docker's embedded DNS can answer for. */
const ALIAS = /^[A-Za-z0-9_]([A-Za-z0-9_.-]{0,253}[A-Za-z0-9_])?$/;
const NETWORK_MODES = ['default', 'bridge', 'none', 'host'];
const NAMESPACE_MODES: Record<'pidMode' | 'ipcMode' | 'utsMode' | 'usernsMode', readonly string[]> = {
  pidMode: ['host'],
  ipcMode: ['none', 'private', 'shareable', 'host'],
  utsMode: ['host'],
  usernsMode: ['host'],
};
const JOINS_CONTAINER: Record<string, boolean> = { pidMode: true, ipcMode: true, networkMode: true };
const RESTART: Record<RestartPolicyName, ContainerHostConfig['RestartPolicy'] & object> = {
  NO: { Name: 'no' },
  ALWAYS: { Name: 'always' },
  UNLESS_STOPPED: { Name: 'unless-stopped' },
  ON_FAILURE: { Name: 'on-failure' },
};
const SWARM_LABEL_PREFIX = 'com.docker.swarm.';
const SECURITY_OPT = /^[a-z][a-z-]*([=:]\S.*)?$/;
const SYSCTL_KEY = /^[a-z0-9_]+(\.[a-z0-9_-]+)+$/i;
const ULIMIT_NAME = /^[a-z]+$/;
const CGROUP_PERMISSIONS = /^[rwm]{1,3}$/;

function modeErrors(kind: keyof typeof NAMESPACE_MODES | 'networkMode', value: string | null | undefined, field: FieldPath): UserErrorInit[] {
  if (value == null || value === '') return [];
  const modes = kind === 'networkMode' ? NETWORK_MODES : NAMESPACE_MODES[kind];
  if (modes.includes(value)) return [];
  if (JOINS_CONTAINER[kind] && /^container:[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(value)) return [];
  const joins = JOINS_CONTAINER[kind] ? ', or container:<name|id>' : '';
  const named = kind === 'networkMode' ? ' For a named network, use networks.' : '';
  return [userError([...field], 'INVALID_VALUE', `${q(value)} is not a ${kind}: use ${modes.join(', ')}${joins}.${named}`)];
}

function networkErrors(networks: readonly ContainerNetworkOptions[], field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  const seen = new Set<string>();
  networks.forEach((n, i) => {
    if (n.network === '') errors.push(userError(at(field, i, 'network'), 'INVALID_VALUE', 'A network reference is required.'));
    else if (seen.has(n.network)) errors.push(userError(at(field, i, 'network'), 'INVALID_VALUE', `The network ${q(n.network)} is given twice; attach each network once.`));
    seen.add(n.network);
    (n.aliases ?? []).forEach((alias, j) => {
      if (!ALIAS.test(alias)) errors.push(userError(at(field, i, 'aliases', j), 'INVALID_VALUE', `The alias ${q(alias)} is not valid: use letters, digits, "_", "." and "-", without blanks.`));
    });
  });
  return errors;
}

function resourceErrors(r: NonNullable<ContainerRunOptions['resources']>, field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  if (r.cpus != null) {
    const parsed = parseNanoCpus(r.cpus, at(field, 'cpus'));
    if ('errors' in parsed) errors.push(...parsed.errors);
  }
  if (r.memory != null) {
    const parsed = parseMemoryBytes(r.memory, at(field, 'memory'));
    if ('errors' in parsed) errors.push(...parsed.errors);
    // The engine's minimum (daemon/daemon_unix.go linuxMinMemory).
    else if (parsed.bytes > 0 && parsed.bytes < 6 * 1024 * 1024) errors.push(userError(at(field, 'memory'), 'INVALID_VALUE', `The memory limit ${q(r.memory)} is below the engine's minimum of 6MB.`));
  }
  if (r.pidsLimit != null && (!Number.isInteger(r.pidsLimit) || r.pidsLimit < -1)) {
    errors.push(userError(at(field, 'pidsLimit'), 'INVALID_VALUE', `${r.pidsLimit} is not a PID limit; give a whole number, -1 for unlimited.`));
  }
  return errors;
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateContainerRunOptions(o: ContainerRunOptions): UserErrorInit[] {
  const errors: UserErrorInit[] = [...validateImageRef(o.image, ['image'])];
  if (!CONTAINER_NAME.test(o.name)) {
    errors.push(userError(['name'], 'INVALID_VALUE', `The container name ${q(o.name)} is not valid: use letters, digits, "_", "." and "-", at least two characters, starting with a letter or digit.`));
  }
  errors.push(...validateEnv(o.env ?? [], ['env']));
  errors.push(...validateLabels(o.labels ?? [], ['labels']));
  (o.labels ?? []).forEach((l, i) => {
    // Swarm marks its task containers with these; a standalone container carrying them would
    // pass for a task (left out of the standalone list, read as in scope with its service).
    if (l.key.startsWith(SWARM_LABEL_PREFIX)) {
      errors.push(userError(['labels', String(i), 'key'], 'INVALID_VALUE', `Labels under ${q(SWARM_LABEL_PREFIX)} are swarm's own, on its task containers; choose another key.`));
    }
  });
  errors.push(...networkErrors(o.networks ?? [], ['networks']));
  errors.push(...modeErrors('networkMode', o.networkMode, ['networkMode']));
  if ((o.networks?.length ?? 0) > 0 && o.networkMode != null && o.networkMode !== '') {
    errors.push(userError(['networkMode'], 'INVALID_VALUE', 'Give either networks or a networkMode, not both (as `docker run` refuses `--network host` beside a named network).'));
  }
  for (const kind of ['pidMode', 'ipcMode', 'utsMode', 'usernsMode'] as const) errors.push(...modeErrors(kind, o[kind], [kind]));
  const restart = o.restartPolicy;
  if (restart?.maxRetries != null) {
    if (restart.name !== 'ON_FAILURE') errors.push(userError(['restartPolicy', 'maxRetries'], 'INVALID_VALUE', 'A maximum retry count only applies to the ON_FAILURE restart policy.'));
    else if (!Number.isInteger(restart.maxRetries) || restart.maxRetries < 0) errors.push(userError(['restartPolicy', 'maxRetries'], 'INVALID_VALUE', `${restart.maxRetries} is not a retry count; give 0 or more.`));
  }
  if (o.resources) errors.push(...resourceErrors(o.resources, ['resources']));
  if (o.cgroupParent != null && /\s/.test(o.cgroupParent)) errors.push(userError(['cgroupParent'], 'INVALID_VALUE', `The cgroup parent ${q(o.cgroupParent)} has blanks.`));
  (o.devices ?? []).forEach((d, i) => {
    if (!d.pathOnHost.startsWith('/')) errors.push(userError(['devices', String(i), 'pathOnHost'], 'INVALID_VALUE', `The device ${q(d.pathOnHost)} is not an absolute path.`));
    if (d.pathInContainer != null && d.pathInContainer !== '' && !d.pathInContainer.startsWith('/')) {
      errors.push(userError(['devices', String(i), 'pathInContainer'], 'INVALID_VALUE', `The device path ${q(d.pathInContainer)} is not an absolute path.`));
    }
    if (d.cgroupPermissions != null && !CGROUP_PERMISSIONS.test(d.cgroupPermissions)) {
      errors.push(userError(['devices', String(i), 'cgroupPermissions'], 'INVALID_VALUE', `${q(d.cgroupPermissions)} is not a device permission: use r, w and m (e.g. rwm).`));
    }
  });
  errors.push(...validateCapabilities(o.capAdd ?? [], ['capAdd']));
  errors.push(...validateCapabilities(o.capDrop ?? [], ['capDrop']));
  (o.securityOpt ?? []).forEach((opt, i) => {
    if (!SECURITY_OPT.test(opt)) errors.push(userError(['securityOpt', String(i)], 'INVALID_VALUE', `${q(opt)} is not a security option; write NAME, NAME=VALUE or NAME:VALUE (e.g. no-new-privileges).`));
  });
  errors.push(...validateMounts(o.mounts ?? [], ['mounts']));
  (o.sysctls ?? []).forEach((s, i) => {
    if (!SYSCTL_KEY.test(s.key)) errors.push(userError(['sysctls', String(i), 'key'], 'INVALID_VALUE', `${q(s.key)} is not a kernel parameter name (e.g. net.ipv4.ip_forward).`));
  });
  (o.ulimits ?? []).forEach((u, i) => {
    const field = ['ulimits', String(i)];
    if (!ULIMIT_NAME.test(u.name)) errors.push(userError([...field, 'name'], 'INVALID_VALUE', `${q(u.name)} is not a ulimit name (e.g. nofile, nproc).`));
    for (const k of ['soft', 'hard'] as const) {
      if (!Number.isInteger(u[k]) || u[k] < -1) errors.push(userError([...field, k], 'INVALID_VALUE', `${u[k]} is not a limit; give a whole number, -1 for unlimited.`));
    }
    if (u.soft > u.hard && u.hard !== -1) errors.push(userError([...field, 'soft'], 'INVALID_VALUE', `The soft limit ${u.soft} is above the hard limit ${u.hard}.`));
  });
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkContainerRunOptions(options: ContainerRunOptions): Checked<ContainerRunOptions> {
  return checked(options, validateContainerRunOptions(options));
}

function endpoint(n: ResolvedContainerNetwork): EndpointSettingsRequest {
  const ipam = { ...(n.ipv4Address ? { IPv4Address: n.ipv4Address } : {}), ...(n.ipv6Address ? { IPv6Address: n.ipv6Address } : {}) };
  return { ...(Object.keys(ipam).length > 0 ? { IPAMConfig: ipam } : {}), ...(n.aliases.length > 0 ? { Aliases: [...n.aliases] } : {}) };
}

function hostConfig(o: Checked<ContainerRunOptions>, networks: readonly ResolvedContainerNetwork[]): ContainerHostConfig {
  const r = o.resources;
  const memory = r?.memory != null ? parseMemoryBytes(r.memory, []) : null;
  const caps = effectiveCapabilities(o.capAdd ?? [], o.capDrop ?? []);
  const restart = o.restartPolicy;
  const devices: DeviceMapping[] = (o.devices ?? []).map((d) => ({
    PathOnHost: d.pathOnHost,
    PathInContainer: d.pathInContainer || d.pathOnHost,
    CgroupPermissions: d.cgroupPermissions || 'rwm',
  }));
  const ulimits: Ulimit[] = (o.ulimits ?? []).map((u) => ({ Name: u.name, Soft: u.soft, Hard: u.hard }));
  return {
    NetworkMode: networks[0]?.ref ?? (o.networkMode || 'default'),
    RestartPolicy: restart ? { ...RESTART[restart.name], ...(restart.maxRetries ? { MaximumRetryCount: restart.maxRetries } : {}) } : RESTART.NO,
    ...(r?.cpus ? { NanoCpus: (parseNanoCpus(r.cpus, []) as { nanoCpus: number }).nanoCpus } : {}),
    ...(memory && 'bytes' in memory && memory.bytes > 0 ? { Memory: memory.bytes } : {}),
    ...(r?.pidsLimit ? { PidsLimit: r.pidsLimit } : {}),
    ...(o.privileged ? { Privileged: true } : {}),
    ...(o.pidMode ? { PidMode: o.pidMode } : {}),
    ...(o.ipcMode ? { IpcMode: o.ipcMode } : {}),
    ...(o.utsMode ? { UTSMode: o.utsMode } : {}),
    ...(o.usernsMode ? { UsernsMode: o.usernsMode } : {}),
    ...(o.cgroupParent ? { CgroupParent: o.cgroupParent } : {}),
    ...(devices.length > 0 ? { Devices: devices } : {}),
    ...(caps.add.length > 0 ? { CapAdd: caps.add } : {}),
    ...(caps.drop.length > 0 ? { CapDrop: caps.drop } : {}),
    ...((o.securityOpt?.length ?? 0) > 0 ? { SecurityOpt: [...o.securityOpt!] } : {}),
    ...((o.mounts?.length ?? 0) > 0 ? { Mounts: o.mounts!.map(toMountBody) } : {}),
    ...((o.sysctls?.length ?? 0) > 0 ? { Sysctls: toStringMap(o.sysctls) } : {}),
    ...(ulimits.length > 0 ? { Ulimits: ulimits } : {}),
    ...(o.readonlyRootfs ? { ReadonlyRootfs: true } : {}),
  };
}

/**
 * The whole create request, every network in EndpointsConfig: the body the policy judges.
 * `networks` are `o.networks` resolved on the container's engine, in the same order.
 */
export function toContainerCreateBody(o: Checked<ContainerRunOptions>, networks: readonly ResolvedContainerNetwork[]): ContainerCreateBody {
  const env = mergeEnvLikeCli(o.env ?? []);
  return {
    Image: o.image,
    ...((o.command?.length ?? 0) > 0 ? { Cmd: [...o.command!] } : {}),
    ...((o.entrypoint?.length ?? 0) > 0 ? { Entrypoint: [...o.entrypoint!] } : {}),
    ...(env.length > 0 ? { Env: env } : {}),
    ...((o.labels?.length ?? 0) > 0 ? { Labels: toStringMap(o.labels) } : {}),
    HostConfig: hostConfig(o, networks),
    ...(networks.length > 0 ? { NetworkingConfig: { EndpointsConfig: Object.fromEntries(networks.map((n) => [n.ref, endpoint(n)])) } } : {}),
  };
}

/**
 * The judged body split as the CLI sends it to an engine before API 1.44: the create with the
 * first network only, and the other networks to connect (`POST /networks/{id}/connect`) before
 * the start.
 */
export function splitCreateBody(body: ContainerCreateBody): { create: ContainerCreateBody; connectLater: [string, EndpointSettingsRequest][] } {
  const entries = Object.entries(body.NetworkingConfig?.EndpointsConfig ?? {});
  if (entries.length <= 1) return { create: body, connectLater: [] };
  const [first, ...rest] = entries;
  return { create: { ...body, NetworkingConfig: { EndpointsConfig: Object.fromEntries([first!]) } }, connectLater: rest };
}
