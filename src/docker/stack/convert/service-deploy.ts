// The `deploy` half of a service (docker/cli convertDeployMode, convertResources,
// convertRestartPolicy (and the legacy `restart`), convertUpdateConfig, getPlacementPreference and convertEndpointSpec).
// Where the CLI sends an object even when the file says nothing (Resources, Placement,
// EndpointSpec), so does this, so that the engine holds the same spec.
import type { EndpointSpec, Placement, PortConfig, ResourceRequirements, Resources, RestartPolicy, ServiceMode, UpdateConfig } from '../../engine-api/index.ts';
import { compareText } from '../../mapping/common.ts';
import type { ComposeDeploy, ComposePort, ComposeResources, ComposeUpdateConfig } from '../compose-file.ts';
import { parseComposeCpus } from './cpus.ts';
import type { ComposePath, ConversionProblems } from './problems.ts';

/** convertDeployMode: replicas on a global service (or job) are refused; a replicated job runs `replicas` at once, that many in all. */
export function convertMode(deploy: ComposeDeploy, path: ComposePath, problems: ConversionProblems): ServiceMode {
  const replicas = deploy.replicas;
  switch (deploy.mode) {
    case 'global':
    case 'global-job':
      if (replicas !== null) problems.add([...path, 'replicas'], 'replicas can only be used with replicated or replicated-job mode');
      return deploy.mode === 'global' ? { Global: {} } : { GlobalJob: {} };
    case 'replicated-job':
      return { ReplicatedJob: replicas !== null ? { MaxConcurrent: replicas, TotalCompletions: replicas } : {} };
    case 'replicated':
      return { Replicated: replicas !== null ? { Replicas: replicas } : {} };
  }
}

/** convertResources: always an object; Limits or Reservations only when the file has that key (then even if empty). */
export function convertResources(deploy: ComposeDeploy, path: ComposePath, problems: ConversionProblems): ResourceRequirements {
  const { limits, reservations } = deploy.resources;
  const out: ResourceRequirements = {};
  if (limits) out.Limits = { ...amount(limits, [...path, 'limits'], problems), ...(limits.pids ? { Pids: limits.pids } : {}) };
  if (reservations) out.Reservations = amount(reservations, [...path, 'reservations'], problems);
  return out;
}

function amount(resources: ComposeResources, path: ComposePath, problems: ConversionProblems): Resources {
  let nanoCpus = 0;
  if (resources.cpus) {
    const parsed = parseComposeCpus(resources.cpus);
    if ('error' in parsed) problems.add([...path, 'cpus'], parsed.error);
    else nanoCpus = parsed.nanoCpus;
  }
  return { ...(nanoCpus ? { NanoCPUs: nanoCpus } : {}), ...(resources.memory ? { MemoryBytes: resources.memory } : {}) };
}

/**
 * convertRestartPolicy: `deploy.restart_policy` (set fields only; durations given as 0 are
 * sent); without it the legacy `restart` (opts.ParseRestartPolicy): no -> none,
 * always/unless-stopped -> any, on-failure -> on-failure; a positive `:N` is MaxAttempts.
 */
export function convertRestartPolicy(restart: string | null | undefined, deploy: ComposeDeploy, path: ComposePath, problems: ConversionProblems): RestartPolicy | null {
  const policy = deploy.restart_policy;
  if (policy) {
    return {
      ...(policy.condition ? { Condition: policy.condition } : {}),
      ...(policy.delay !== null ? { Delay: policy.delay } : {}),
      ...(policy.max_attempts !== null ? { MaxAttempts: policy.max_attempts } : {}),
      ...(policy.window !== null ? { Window: policy.window } : {}),
    };
  }
  if (!restart) return null;
  const legacy = parseRestart(restart);
  if ('error' in legacy) {
    problems.add([...path, 'restart'], legacy.error);
    return null;
  }
  if (legacy.condition === null) return null;
  return { Condition: legacy.condition, ...(legacy.retries > 0 ? { MaxAttempts: legacy.retries } : {}) };
}

const LEGACY_CONDITIONS: Record<string, 'any' | 'on-failure' | null> = { no: null, always: 'any', 'unless-stopped': 'any', 'on-failure': 'on-failure' };

function parseRestart(text: string): { condition: 'any' | 'on-failure' | null; retries: number } | { error: string } {
  const colon = text.indexOf(':');
  const name = colon < 0 ? text : text.slice(0, colon);
  const count = colon < 0 ? '' : text.slice(colon + 1);
  if (colon >= 0 && name === '') return { error: 'invalid restart policy format: no policy provided before colon' };
  if (count !== '' && !/^[+-]?\d+$/.test(count)) return { error: 'invalid restart policy format: maximum retry count must be an integer' };
  const retries = count === '' ? 0 : Number(count);
  if (retries < 0) return { error: 'invalid restart policy: maximum retry count cannot be negative' };
  if (!Object.hasOwn(LEGACY_CONDITIONS, name)) {
    return { error: `invalid restart policy: unknown policy '${name}' (must be one of 'no', 'always', 'on-failure', or 'unless-stopped')` };
  }
  return { condition: LEGACY_CONDITIONS[name]!, retries };
}

/** convertUpdateConfig (update_config and rollback_config): parallelism defaults to 1; an unset order is Go's "" (the engine stores stop-first). */
export function convertUpdateConfig(config: ComposeUpdateConfig | null): UpdateConfig | null {
  if (!config) return null;
  return {
    Parallelism: config.parallelism ?? 1,
    ...(config.delay ? { Delay: config.delay } : {}),
    ...(config.failure_action ? { FailureAction: config.failure_action } : {}),
    ...(config.monitor ? { Monitor: config.monitor } : {}),
    MaxFailureRatio: config.max_failure_ratio ?? 0,
    Order: config.order ?? '',
  };
}

/** Always an object (the CLI's `&swarm.Placement{...}`), its empty fields left out. */
export function convertPlacement(deploy: ComposeDeploy): Placement {
  const { constraints, preferences, max_replicas_per_node: maxReplicas } = deploy.placement;
  return {
    ...(constraints.length > 0 ? { Constraints: [...constraints] } : {}),
    ...(preferences.length > 0 ? { Preferences: preferences.map(({ spread }) => ({ Spread: { SpreadDescriptor: spread } })) } : {}),
    ...(maxReplicas ? { MaxReplicas: maxReplicas } : {}),
  };
}

/** convertEndpointSpec: always an object; ports sorted as swarm.PortConfig.Compare (published, target, protocol, mode). */
export function convertEndpointSpec(deploy: ComposeDeploy, ports: readonly ComposePort[]): EndpointSpec {
  const configs: PortConfig[] = ports.map((port) => ({
    Protocol: port.protocol,
    TargetPort: port.target,
    ...(port.published ? { PublishedPort: port.published } : {}),
    PublishMode: port.mode,
  }));
  configs.sort(
    (a, b) =>
      (a.PublishedPort ?? 0) - (b.PublishedPort ?? 0) ||
      a.TargetPort - b.TargetPort ||
      compareText(a.Protocol, b.Protocol) ||
      compareText(a.PublishMode, b.PublishMode),
  );
  return { ...(deploy.endpoint_mode ? { Mode: deploy.endpoint_mode } : {}), ...(configs.length > 0 ? { Ports: configs } : {}) };
}
