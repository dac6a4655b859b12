// serviceUpdate / serviceScale -> the new ServiceSpec for `POST /services/{id}/update`, as
// `docker service update` (cli/command/service/update.go) changes the spec it read. Checked
// against the 20.10 CLI's requests:
// - `--label-rm` applies before `--label-add`, `--env-rm` before `--env-add` (so adding and
//   removing one key in one call keeps the added value);
// - `--env-add` replaces a key's entry in place and appends new keys (the CLI rebuilds the
//   list from a Go map, so its order is random; ours is stable);
// - `--network-rm` drops the attachments of the resolved IDs (absent ones are ignored),
//   `--network-add` refuses a network that is still attached, then attachments are sorted by ID;
// - `--publish-rm` drops matching ports, `--publish-add` adds ports not yet published, then
//   ports are sorted by "published:target/protocol/mode" text;
// - `--force` increments TaskTemplate.ForceUpdate; `--replicas` needs a replicated service;
// - `--entrypoint` and `--args` replace Command and Args (an empty list removes them);
// - `--health-*` change only the fields given (service-healthcheck.ts);
// - `--secret-rm/--secret-add`, `--config-rm/--config-add`: service-file-refs.ts;
// - `docker service scale` sets a replicated job's TotalCompletions (a new run of the job)
//   and refuses global services and global jobs.
// Deliberate differences: `--publish-rm 80` here matches port 80 in either publish mode (the
// CLI's short form only matches ingress ports), and a port removed and added back in one call
// stays (the CLI would drop it).
import { InvalidOptionsError, rejectIfAny } from '../../errors/gateway-error.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import {
  at,
  envKey,
  parsePortRemoveSpec,
  parsePublishSpec,
  validateEnv,
  validateEnvKeys,
  validateImageRef,
  validateLabelKeys,
  validateLabels,
  validateReference,
  validateServicePorts,
  type HealthCheckOptions,
  type PortConfigLike,
  type PortRemoveSpec,
} from '../../validate/index.ts';
import { checked, compareText, fromPortConfigBody, reject, replicaErrors, toPortConfigBody, toStringMap, type Checked, type LabelChangeOptions } from './common.ts';
import type { ContainerSpec, NetworkAttachmentConfig, PortConfig as PortConfigBody, ServiceSpec } from '../engine-api/index.ts';
import { healthCheckErrors, validateServiceNetworks, type ServiceNetworkOptions } from './service-spec.ts';
import { updateHealthConfig } from './service-healthcheck.ts';
import { specNetworks } from '../model/spec-networks.ts';
import { NO_ADDED_FILE_REFERENCES, updateFileReferences, type AddedFileReferences } from './service-file-refs.ts';

/** `docker service update`'s flags, as far as the gateway offers them; unset ones change nothing. */
export interface ServiceUpdateOptions {
  image?: string | null | undefined;
  command?: readonly string[] | null | undefined;
  args?: readonly string[] | null | undefined;
  healthcheck?: HealthCheckOptions | null | undefined;
  noHealthcheck?: boolean | null | undefined;
  replicas?: number | null | undefined;
  networkAdd?: readonly ServiceNetworkOptions[] | null | undefined;
  networkRemove?: readonly string[] | null | undefined;
  publishAdd?: readonly string[] | null | undefined;
  publishRemove?: readonly string[] | null | undefined;
  envAdd?: readonly string[] | null | undefined;
  envRemove?: readonly string[] | null | undefined;
  labels?: LabelChangeOptions | null | undefined;
  /** Secret names or IDs to drop (`--secret-rm`); the additions come resolved (applyServiceUpdate). */
  secretRemove?: readonly string[] | null | undefined;
  /** Config names or IDs to drop (`--config-rm`). */
  configRemove?: readonly string[] | null | undefined;
  force?: boolean | null | undefined;
}

/** The `publishAdd` and `publishRemove` of an update, parsed. */
export function publishChangesFromInput(input: ServiceUpdateOptions): { add: PortConfigLike[]; remove: PortRemoveSpec[] } | { errors: UserErrorInit[] } {
  const errors: UserErrorInit[] = [];
  const add: PortConfigLike[] = [];
  const remove: PortRemoveSpec[] = [];
  (input.publishAdd ?? []).forEach((spec, i) => {
    const parsed = parsePublishSpec(spec, ['publishAdd', String(i)]);
    if ('errors' in parsed) errors.push(...parsed.errors);
    else add.push(...parsed.ports);
  });
  (input.publishRemove ?? []).forEach((spec, i) => {
    const parsed = parsePortRemoveSpec(spec, ['publishRemove', String(i)]);
    if ('errors' in parsed) errors.push(...parsed.errors);
    else remove.push(parsed.port);
  });
  return errors.length > 0 ? { errors } : { add, remove };
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateServiceUpdateOptions(input: ServiceUpdateOptions): UserErrorInit[] {
  const field: string[] = [];
  const errors: UserErrorInit[] = [];
  if (input.image != null) errors.push(...validateImageRef(input.image, at(field, 'image')));
  if (input.replicas != null) errors.push(...replicaErrors(input.replicas, at(field, 'replicas')));
  errors.push(...healthCheckErrors(input.healthcheck, input.noHealthcheck, field));
  errors.push(...validateServiceNetworks(input.networkAdd ?? [], at(field, 'networkAdd')));
  (input.networkRemove ?? []).forEach((ref, i) => errors.push(...validateReference('network', ref, at(field, 'networkRemove', i))));
  const publish = publishChangesFromInput(input);
  if ('errors' in publish) errors.push(...publish.errors);
  errors.push(...validateEnv(input.envAdd ?? [], at(field, 'envAdd')));
  errors.push(...validateEnvKeys(input.envRemove ?? [], at(field, 'envRemove')));
  errors.push(...validateLabels(input.labels?.add ?? [], at(field, 'labels', 'add')));
  errors.push(...validateLabelKeys(input.labels?.remove ?? [], at(field, 'labels', 'remove')));
  (input.secretRemove ?? []).forEach((ref, i) => errors.push(...validateReference('secret', ref, at(field, 'secretRemove', i))));
  (input.configRemove ?? []).forEach((ref, i) => errors.push(...validateReference('config', ref, at(field, 'configRemove', i))));
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkServiceUpdateOptions(options: ServiceUpdateOptions): Checked<ServiceUpdateOptions> {
  return checked(options, validateServiceUpdateOptions(options));
}

/** What the service is, for messages: `global`, `a global job`, ... */
function modeText(spec: ServiceSpec): string {
  const mode = spec.Mode ?? {};
  if (mode.Global) return 'global';
  if (mode.GlobalJob) return 'a global job';
  if (mode.ReplicatedJob) return 'a replicated job';
  return 'not replicated';
}

function setReplicas(spec: ServiceSpec, replicas: number, field: string[]): void {
  const replicated = spec.Mode?.Replicated;
  if (!replicated) {
    const hint = spec.Mode?.ReplicatedJob ? ' serviceScale sets how many tasks a replicated job completes.' : '';
    reject(field, 'INVALID_STATE', `The service ${spec.Name} is ${modeText(spec)}, so its replicas cannot be set; only replicated services have a replica count.${hint}`);
  }
  spec.Mode.Replicated = { ...replicated, Replicas: replicas };
}

/** `docker service scale`: replicas of a replicated service, or the completions of a replicated job (which runs it again). */
function setScale(spec: ServiceSpec, replicas: number, field: string[]): void {
  const job = spec.Mode?.ReplicatedJob;
  if (job) spec.Mode.ReplicatedJob = { ...job, TotalCompletions: replicas };
  else if (spec.Mode?.Replicated) setReplicas(spec, replicas, field);
  else reject(field, 'INVALID_STATE', `The service ${spec.Name} is ${modeText(spec)}, so it cannot be scaled; only replicated services and replicated jobs can (as docker service scale).`);
}

/** `--entrypoint` / `--args`: the list replaces the old one; an empty list removes it (the image's applies). */
function replaceList(container: ContainerSpec, key: 'Command' | 'Args', list: readonly string[]): void {
  if (list.length > 0) container[key] = [...list];
  else delete container[key];
}

function containerSpecOf(spec: ServiceSpec, field: string[]): ContainerSpec {
  return spec.TaskTemplate.ContainerSpec ?? reject(field, 'INVALID_STATE', `The service ${spec.Name} does not run containers, so this cannot be changed.`);
}

// ------------------------------------------------------------------------------ networks

function updateNetworks(spec: ServiceSpec, add: readonly ServiceNetworkOptions[], remove: readonly string[], networkIds: ReadonlyMap<string, string>): void {
  const errors: UserErrorInit[] = [];
  const resolve = (ref: string, field: string[]): string | undefined => {
    const id = networkIds.get(ref);
    if (id === undefined) errors.push(userError(field, 'REFERENCE_NOT_FOUND', `The network ${JSON.stringify(ref)} does not exist.`));
    return id;
  };
  const removeIds = new Set(remove.map((ref, i) => resolve(ref, ['networkRemove', String(i)])).filter((id) => id !== undefined));
  // The deprecated spec.Networks, when it is the one in effect, moves to TaskTemplate.Networks.
  const current = specNetworks(spec);
  const next: NetworkAttachmentConfig[] = current.filter((n) => !removeIds.has(n.Target));
  const attached = new Set(next.map((n) => n.Target));
  add.forEach((n, i) => {
    const field = ['networkAdd', String(i), 'target'];
    const id = resolve(n.target, field);
    if (id === undefined) return;
    if (attached.has(id)) {
      errors.push(userError(field, 'INVALID_STATE', `The service ${spec.Name} is already attached to the network ${JSON.stringify(n.target)}.`));
      return;
    }
    attached.add(id);
    next.push({ Target: id, ...(n.aliases?.length ? { Aliases: [...n.aliases] } : {}) });
  });
  rejectIfAny(errors, InvalidOptionsError);
  next.sort((a, b) => compareText(a.Target, b.Target));
  delete spec.Networks;
  if (next.length > 0) spec.TaskTemplate.Networks = next;
  else delete spec.TaskTemplate.Networks;
}

// ------------------------------------------------------------------------------ ports

/** The CLI's portConfigToString: the identity and sort key of a published port. */
function portKey(p: PortConfigBody): string {
  return `${p.PublishedPort ?? 0}:${p.TargetPort}/${p.Protocol || 'tcp'}/${p.PublishMode || 'ingress'}`;
}

function matchesRemoval(p: PortConfigBody, r: PortRemoveSpec): boolean {
  const port = fromPortConfigBody(p);
  return port.targetPort === r.targetPort && port.protocol === r.protocol && (r.publishMode === null || port.publishMode === r.publishMode);
}

function updatePorts(spec: ServiceSpec, add: readonly PortConfigLike[], remove: readonly PortRemoveSpec[]): void {
  const endpoint = (spec.EndpointSpec ??= {});
  const next = new Map<string, PortConfigBody>();
  for (const p of endpoint.Ports ?? []) if (!next.has(portKey(p))) next.set(portKey(p), p);
  for (const [key, p] of next) if (remove.some((r) => matchesRemoval(p, r))) next.delete(key);
  for (const p of add.map(toPortConfigBody)) if (!next.has(portKey(p))) next.set(portKey(p), p);
  const ports = [...next.entries()].sort(([a], [b]) => compareText(a, b)).map(([, p]) => p);
  const mode = endpoint.Mode === 'dnsrr' ? 'DNSRR' : 'VIP';
  rejectIfAny(validateServicePorts(ports.map(fromPortConfigBody), mode, ['publishAdd']), InvalidOptionsError);
  if (ports.length > 0) endpoint.Ports = ports;
  else delete endpoint.Ports;
}

// ------------------------------------------------------------------------------ env and labels

function updateEnv(container: ContainerSpec, add: readonly string[], remove: readonly string[]): void {
  const removeKeys = new Set(remove);
  let env = (container.Env ?? []).filter((e) => !removeKeys.has(envKey(e)));
  if (add.length > 0) {
    const byKey = new Map<string, string>();
    for (const e of [...env, ...add]) byKey.set(envKey(e), e);
    env = [...byKey.values()];
  }
  if (env.length > 0) container.Env = env;
  else delete container.Env;
}

function updateLabels(spec: ServiceSpec, input: ServiceUpdateOptions): void {
  const labels = { ...(spec.Labels ?? {}) };
  for (const key of input.labels?.remove ?? []) delete labels[key];
  spec.Labels = { ...labels, ...toStringMap(input.labels?.add) };
}

/**
 * The new spec: a deep copy of `current` with the changes. `networkIds` maps every
 * `networkAdd[].target` and `networkRemove[]` (name or ID, as given) to a network ID;
 * `files` are the secret and config references to add, already resolved by the caller.
 * Throws InvalidOptionsError for a change the service's state does not allow.
 */
export function applyServiceUpdate(current: ServiceSpec, input: Checked<ServiceUpdateOptions>, networkIds: ReadonlyMap<string, string>, files: AddedFileReferences = NO_ADDED_FILE_REFERENCES): ServiceSpec {
  const spec = structuredClone(current);
  // Checked options parse without errors.
  const publish = publishChangesFromInput(input);
  const add = 'add' in publish ? publish.add : [];
  const remove = 'remove' in publish ? publish.remove : [];

  if (input.image != null) containerSpecOf(spec, ['image']).Image = input.image;
  if (input.command != null) replaceList(containerSpecOf(spec, ['command']), 'Command', input.command);
  if (input.args != null) replaceList(containerSpecOf(spec, ['args']), 'Args', input.args);
  if (input.noHealthcheck || input.healthcheck != null) updateHealthConfig(containerSpecOf(spec, ['healthcheck']), input.healthcheck, input.noHealthcheck);
  if (input.replicas != null) setReplicas(spec, input.replicas, ['replicas']);
  if (input.networkAdd?.length || input.networkRemove?.length) updateNetworks(spec, input.networkAdd ?? [], input.networkRemove ?? [], networkIds);
  if (add.length > 0 || remove.length > 0) updatePorts(spec, add, remove);
  if (input.envAdd?.length || input.envRemove?.length) updateEnv(containerSpecOf(spec, ['envAdd']), input.envAdd ?? [], input.envRemove ?? []);
  if (input.labels?.add?.length || input.labels?.remove?.length) updateLabels(spec, input);
  const fileErrors = [
    ...(input.secretRemove?.length || files.secrets.length ? updateFileReferences(containerSpecOf(spec, ['secretAdd']), spec.Name ?? '', 'secret', input.secretRemove ?? [], files.secrets) : []),
    ...(input.configRemove?.length || files.configs.length ? updateFileReferences(containerSpecOf(spec, ['configAdd']), spec.Name ?? '', 'config', input.configRemove ?? [], files.configs) : []),
  ];
  rejectIfAny(fileErrors, InvalidOptionsError);
  if (input.force) spec.TaskTemplate.ForceUpdate = (spec.TaskTemplate.ForceUpdate ?? 0) + 1;
  return spec;
}

/** `docker service scale NAME=N`: the replica count. */
export interface ServiceScaleOptions {
  replicas: number;
}

/** The options, checked as serviceUpdate checks a replica count; throws InvalidOptionsError. */
export function checkServiceScaleOptions(options: ServiceScaleOptions): Checked<ServiceScaleOptions> {
  return checked(options, replicaErrors(options.replicas, ['replicas']));
}

/**
 * serviceScale: the new spec with `replicas` set (a replicated job's TotalCompletions, as the
 * CLI's scale sets them). Throws InvalidOptionsError for a global service or a global job.
 */
export function applyServiceScale(current: ServiceSpec, options: Checked<ServiceScaleOptions>): ServiceSpec {
  const spec = structuredClone(current);
  setScale(spec, options.replicas, ['replicas']);
  return spec;
}
