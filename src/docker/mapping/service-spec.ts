// serviceCreate -> `POST /services/create`, as `docker service create` (cli/command/service/
// opts.go, ToService) builds the ServiceSpec. Checked against the 20.10 CLI's requests:
// - always sent: Labels {}, ContainerSpec.Init false and DNSConfig {}, Resources with empty
//   Limits/Reservations, Placement {}, ForceUpdate 0, EndpointSpec.Mode;
// - left out unless given: Command, Args, Env, container Labels, Hostname, Dir, User,
//   Networks, Ports, UpdateConfig, RollbackConfig (then filled from swarmkit's defaults),
//   RestartPolicy (set to on-failure for jobs, service-mode.ts); Mode.Replicated.Replicas
//   (the engine stores 1); Mounts, CapabilityAdd and CapabilityDrop (built in
//   service-mounts.ts); Healthcheck (service-healthcheck.ts);
// - not sent at all: Isolation "default" and Runtime "container" (the engine adds them);
// - network targets are resolved IDs, sorted by ID.
import { InvalidOptionsError, rejectIfAny } from '../../errors/gateway-error.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import {
  at,
  envKey,
  hasUpdatePolicy,
  parsePublishSpec,
  parseResources,
  parseUpdatePolicy,
  portConfigFromInput,
  validateConstraints,
  validateEnv,
  validateImageRef,
  validateLabels,
  validatePortConfig,
  validateServiceName,
  validateServicePorts,
  validateReference,
  hasHealthCheck,
  noHealthcheckConflict,
  parseHealthCheck,
  type FieldPath,
  type HealthCheckOptions,
  type KeyValueLike,
  type ParsedResources,
  type PortConfigLike,
  type PortConfigOptions,
  type ResourcesOptions,
  type UpdatePolicyOptions,
} from '../../validate/index.ts';
import { checked, compareText, toPortConfigBody, toStringMap, type Checked } from './common.ts';
import { effectiveCapabilities, toMountBody, validateCapabilities, validateMounts, type MountOptions } from './service-mounts.ts';
import { jobRestartPolicy, toServiceMode, validateServiceMode, type ServiceModeOption } from './service-mode.ts';
import { toHealthConfig } from './service-healthcheck.ts';
import type { NetworkAttachmentConfig, ResourceRequirements, ServiceSpec, UpdateConfig } from '../engine-api/index.ts';

/** One `--network` attachment: a network name or ID, and the service's aliases on it. */
export interface ServiceNetworkOptions {
  target: string;
  aliases?: readonly string[] | null | undefined;
}

/** `docker service create`'s flags, as far as the gateway offers them; unset ones take the CLI's defaults. */
export interface ServiceCreateOptions {
  name: string;
  image: string;
  mode?: ServiceModeOption | null | undefined;
  /** For a replicated job: its TotalCompletions, as the CLI's `--replicas`. */
  replicas?: number | null | undefined;
  totalCompletions?: number | null | undefined;
  maxConcurrent?: number | null | undefined;
  healthcheck?: HealthCheckOptions | null | undefined;
  noHealthcheck?: boolean | null | undefined;
  command?: readonly string[] | null | undefined;
  args?: readonly string[] | null | undefined;
  env?: readonly string[] | null | undefined;
  workdir?: string | null | undefined;
  user?: string | null | undefined;
  hostname?: string | null | undefined;
  labels?: readonly KeyValueLike[] | null | undefined;
  containerLabels?: readonly KeyValueLike[] | null | undefined;
  constraints?: readonly string[] | null | undefined;
  networks?: readonly ServiceNetworkOptions[] | null | undefined;
  endpointMode?: 'VIP' | 'DNSRR' | null | undefined;
  publish?: readonly string[] | null | undefined;
  ports?: readonly PortConfigOptions[] | null | undefined;
  mounts?: readonly MountOptions[] | null | undefined;
  capabilityAdd?: readonly string[] | null | undefined;
  capabilityDrop?: readonly string[] | null | undefined;
  resources?: ResourcesOptions | null | undefined;
  updateConfig?: UpdatePolicyOptions | null | undefined;
  rollbackConfig?: UpdatePolicyOptions | null | undefined;
}

/** swarmkit's defaults for UpdateConfig and RollbackConfig (api/defaults), as the CLI fills them in. */
const DEFAULT_POLICY = { parallelism: 1, delayNanos: 0, failureAction: 'pause', monitorNanos: 5_000_000_000, maxFailureRatio: 0, order: 'stop-first' } as const;

const BLANK = /\s/;
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/])/;

/**
 * The ports of `publish` (Docker's strings) and then `ports` (structured), parsed.
 * `field` is the path of the object holding both (`[]`: the options).
 */
export function servicePortsFromInput(
  publish: readonly string[] | null | undefined,
  ports: readonly PortConfigOptions[] | null | undefined,
  field: FieldPath = [],
): { ports: PortConfigLike[] } | { errors: UserErrorInit[] } {
  const result: PortConfigLike[] = [];
  const errors: UserErrorInit[] = [];
  (publish ?? []).forEach((spec, i) => {
    const parsed = parsePublishSpec(spec, at(field, 'publish', i));
    if ('errors' in parsed) errors.push(...parsed.errors);
    else result.push(...parsed.ports);
  });
  (ports ?? []).forEach((port, i) => {
    const portErrors = validatePortConfig(port, at(field, 'ports', i));
    if (portErrors.length > 0) errors.push(...portErrors);
    else result.push(portConfigFromInput(port));
  });
  return errors.length > 0 ? { errors } : { ports: result };
}

/** Network attachments: a target each, aliases without blanks, no network twice. */
export function validateServiceNetworks(networks: readonly ServiceNetworkOptions[], field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  const seen = new Set<string>();
  networks.forEach((n, i) => {
    const invalid = validateReference('network', n.target, at(field, i, 'target'));
    if (invalid.length) errors.push(...invalid);
    else if (seen.has(n.target)) errors.push(userError(at(field, i, 'target'), 'INVALID_VALUE', `The network ${JSON.stringify(n.target)} is given twice; attach each network once.`));
    seen.add(n.target);
    (n.aliases ?? []).forEach((alias, j) => {
      if (alias === '' || BLANK.test(alias)) {
        errors.push(userError(at(field, i, 'aliases', j), 'INVALID_VALUE', `The alias ${JSON.stringify(alias)} is not valid; an alias is a name without blanks.`));
      }
    });
  });
  return errors;
}

/** Where problems of the ports taken together are reported: the list the caller used. */
function portsField(input: ServiceCreateOptions): string[] {
  return [input.publish?.length ? 'publish' : 'ports'];
}

function policyErrors(policy: UpdatePolicyOptions | null | undefined, kind: 'update' | 'rollback', field: string[]): UserErrorInit[] {
  if (!hasUpdatePolicy(policy)) return [];
  const parsed = parseUpdatePolicy(policy, kind, field);
  return 'errors' in parsed ? parsed.errors : [];
}

/** A health check and `noHealthcheck` (shared with serviceUpdate); `field` holds both. */
export function healthCheckErrors(check: HealthCheckOptions | null | undefined, noHealthcheck: boolean | null | undefined, field: FieldPath): UserErrorInit[] {
  const conflict = noHealthcheckConflict(check, noHealthcheck, at(field, 'noHealthcheck'));
  if (conflict.length > 0 || !hasHealthCheck(check)) return conflict;
  const parsed = parseHealthCheck(check, at(field, 'healthcheck'));
  return 'errors' in parsed ? parsed.errors : [];
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateServiceCreateOptions(input: ServiceCreateOptions): UserErrorInit[] {
  const field: string[] = [];
  const errors = [...validateServiceName(input.name, at(field, 'name')), ...validateImageRef(input.image, at(field, 'image'))];
  errors.push(...validateServiceMode(input, field));
  errors.push(...healthCheckErrors(input.healthcheck, input.noHealthcheck, field));
  errors.push(...validateServiceNetworks(input.networks ?? [], at(field, 'networks')));
  const ports = servicePortsFromInput(input.publish, input.ports, field);
  if ('errors' in ports) errors.push(...ports.errors);
  else errors.push(...validateServicePorts(ports.ports, input.endpointMode ?? 'VIP', portsField(input)));
  errors.push(...validateEnv(input.env ?? [], at(field, 'env')));
  errors.push(...validateLabels(input.labels ?? [], at(field, 'labels')));
  errors.push(...validateLabels(input.containerLabels ?? [], at(field, 'containerLabels')));
  errors.push(...validateConstraints(input.constraints ?? [], at(field, 'constraints')));
  errors.push(...validateMounts(input.mounts ?? [], at(field, 'mounts')));
  errors.push(...validateCapabilities(input.capabilityAdd ?? [], at(field, 'capabilityAdd')));
  errors.push(...validateCapabilities(input.capabilityDrop ?? [], at(field, 'capabilityDrop')));
  if (input.resources) {
    const resources = parseResources(input.resources, at(field, 'resources'));
    if ('errors' in resources) errors.push(...resources.errors);
  }
  errors.push(...policyErrors(input.updateConfig, 'update', at(field, 'updateConfig')));
  errors.push(...policyErrors(input.rollbackConfig, 'rollback', at(field, 'rollbackConfig')));
  if (input.workdir != null && input.workdir !== '' && !ABSOLUTE_PATH.test(input.workdir)) {
    errors.push(userError(at(field, 'workdir'), 'INVALID_VALUE', `The working directory ${JSON.stringify(input.workdir)} is not an absolute path; start it with "/".`));
  }
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkServiceCreateOptions(options: ServiceCreateOptions): Checked<ServiceCreateOptions> {
  return checked(options, validateServiceCreateOptions(options));
}

/**
 * `--env` as ToService merges it: a later entry for a key replaces an earlier one and moves
 * to the end. (An identical repeat is kept twice, as the CLI keeps it.)
 */
export function mergeEnvLikeCli(entries: readonly string[]): string[] {
  let current: string[] = [];
  for (const entry of entries) {
    const key = envKey(entry);
    current = current.filter((c) => c === entry || envKey(c) !== key);
    current.push(entry);
  }
  return current;
}

/** An update or rollback policy (checked already): swarmkit's defaults with the given fields over them. */
export function toUpdateConfig(policy: UpdatePolicyOptions | null | undefined, kind: 'update' | 'rollback'): UpdateConfig | undefined {
  if (!hasUpdatePolicy(policy)) return undefined;
  const parsed = parseUpdatePolicy(policy, kind, []);
  rejectIfAny('errors' in parsed ? parsed.errors : [], InvalidOptionsError);
  if ('errors' in parsed) return undefined;
  const p = { ...DEFAULT_POLICY, ...parsed.policy };
  // Delay and Monitor are `omitempty`: a zero duration is left out, as the CLI's JSON does.
  return {
    Parallelism: p.parallelism,
    ...(p.delayNanos !== 0 ? { Delay: p.delayNanos } : {}),
    FailureAction: p.failureAction,
    ...(p.monitorNanos !== 0 ? { Monitor: p.monitorNanos } : {}),
    MaxFailureRatio: p.maxFailureRatio,
    Order: p.order,
  };
}

/** The ports of checked options (their parse cannot fail). */
function parsedPorts(input: Checked<ServiceCreateOptions>): PortConfigLike[] {
  const parsed = servicePortsFromInput(input.publish, input.ports);
  rejectIfAny('errors' in parsed ? parsed.errors : [], InvalidOptionsError);
  return 'ports' in parsed ? parsed.ports : [];
}

function toResources(r: ParsedResources | null): ResourceRequirements {
  return {
    Limits: { ...(r?.limitNanoCpus ? { NanoCPUs: r.limitNanoCpus } : {}), ...(r?.limitMemoryBytes ? { MemoryBytes: r.limitMemoryBytes } : {}) },
    Reservations: { ...(r?.reserveNanoCpus ? { NanoCPUs: r.reserveNanoCpus } : {}), ...(r?.reserveMemoryBytes ? { MemoryBytes: r.reserveMemoryBytes } : {}) },
  };
}

/**
 * Network attachments with targets resolved through `networkIds` (name-or-ID as given ->
 * network ID), sorted by ID as the CLI sorts them. Throws InvalidOptionsError for a target the
 * caller could not resolve, or two targets that are the same network.
 */
export function toNetworkAttachments(networks: readonly ServiceNetworkOptions[], networkIds: ReadonlyMap<string, string>, field: FieldPath): NetworkAttachmentConfig[] {
  const errors: UserErrorInit[] = [];
  const byId = new Map<string, number>();
  const attachments: NetworkAttachmentConfig[] = [];
  networks.forEach((n, i) => {
    const id = networkIds.get(n.target);
    if (id === undefined) {
      errors.push(userError(at(field, i, 'target'), 'REFERENCE_NOT_FOUND', `The network ${JSON.stringify(n.target)} does not exist.`));
      return;
    }
    const earlier = byId.get(id);
    if (earlier !== undefined) {
      errors.push(userError(at(field, i, 'target'), 'INVALID_VALUE', `The network ${JSON.stringify(n.target)} is the same network as ${JSON.stringify(networks[earlier]!.target)}; attach each network once.`));
      return;
    }
    byId.set(id, i);
    const aliases = n.aliases ?? [];
    attachments.push({ Target: id, ...(aliases.length > 0 ? { Aliases: [...aliases] } : {}) });
  });
  rejectIfAny(errors, InvalidOptionsError);
  return attachments.sort((a, b) => compareText(a.Target, b.Target));
}

/**
 * The ServiceSpec for `POST /services/create`. `networkIds` maps each `networks[].target`
 * (name or ID, as given) to the network's ID. Throws InvalidOptionsError for a network that
 * `networkIds` does not resolve.
 */
export function toServiceSpec(input: Checked<ServiceCreateOptions>, networkIds: ReadonlyMap<string, string>): ServiceSpec {
  const portList = parsedPorts(input);
  const networks = toNetworkAttachments(input.networks ?? [], networkIds, ['networks']);
  const resources = input.resources ? parseResources(input.resources, []) : null;
  const env = mergeEnvLikeCli(input.env ?? []);
  const containerLabels = toStringMap(input.containerLabels);
  const updateConfig = toUpdateConfig(input.updateConfig, 'update');
  const rollbackConfig = toUpdateConfig(input.rollbackConfig, 'rollback');
  const mounts = (input.mounts ?? []).map(toMountBody);
  const caps = effectiveCapabilities(input.capabilityAdd ?? [], input.capabilityDrop ?? []);
  const healthcheck = toHealthConfig(input.healthcheck, input.noHealthcheck);
  const restartPolicy = jobRestartPolicy(input.mode);
  return {
    Name: input.name,
    Labels: toStringMap(input.labels),
    TaskTemplate: {
      ContainerSpec: {
        Image: input.image,
        ...(Object.keys(containerLabels).length > 0 ? { Labels: containerLabels } : {}),
        ...(input.command?.length ? { Command: [...input.command] } : {}),
        ...(input.args?.length ? { Args: [...input.args] } : {}),
        ...(input.hostname ? { Hostname: input.hostname } : {}),
        ...(env.length > 0 ? { Env: env } : {}),
        ...(input.workdir ? { Dir: input.workdir } : {}),
        ...(input.user ? { User: input.user } : {}),
        Init: false,
        ...(healthcheck ? { Healthcheck: healthcheck } : {}),
        ...(mounts.length > 0 ? { Mounts: mounts } : {}),
        DNSConfig: {},
        ...(caps.add.length > 0 ? { CapabilityAdd: caps.add } : {}),
        ...(caps.drop.length > 0 ? { CapabilityDrop: caps.drop } : {}),
      },
      Resources: toResources(resources && 'resources' in resources ? resources.resources : null),
      ...(restartPolicy ? { RestartPolicy: restartPolicy } : {}),
      Placement: input.constraints?.length ? { Constraints: [...input.constraints] } : {},
      ...(networks.length > 0 ? { Networks: networks } : {}),
      ForceUpdate: 0,
    },
    Mode: toServiceMode(input),
    ...(updateConfig ? { UpdateConfig: updateConfig } : {}),
    ...(rollbackConfig ? { RollbackConfig: rollbackConfig } : {}),
    EndpointSpec: {
      Mode: input.endpointMode === 'DNSRR' ? 'dnsrr' : 'vip',
      ...(portList.length > 0 ? { Ports: portList.map(toPortConfigBody) } : {}),
    },
  };
}
