// The rules of the service-spec policy, and what a rule reports. Each rule is named in the
// refusal (`Guardrail <rule>: ...`) and in README's policy chapter (rendered from
// policy-table.ts). Only an unscoped admin (`Capability.unguarded`) is exempt.
export const POLICY_RULES = {
  'no-host-bind-mounts': 'bind mounts (and volumes whose options bind a host path) only under `guardrails.allowedBindPrefixes`',
  'no-docker-socket': 'never the Docker or containerd socket, nor a directory that holds one, in any mount or volume option',
  'allowed-mount-types': 'mount types `bind`, `volume` and `tmpfs` only (`npipe`, `cluster` and any other type are refused)',
  'allowed-volume-drivers': 'volumes use the default `local` driver, or one in `guardrails.allowedVolumeDrivers`',
  'allowed-volume-options': 'no volume driver options, except those `guardrails.allowedVolumeOptions` allows (driver, key, value pattern)',
  'no-mount-propagation': 'bind propagation only `private`, `rprivate`, `slave` or `rslave` (no `shared`/`rshared`: mounts made in the container would appear on the host)',
  'no-added-capabilities': 'no added capabilities, except those in `guardrails.allowedCapabilities` (dropping is always fine)',
  'no-host-network': 'no attachment to the host network',
  'allowed-network-drivers': 'network attachments only to swarm overlay networks',
  'no-manager-placement': 'the worker constraint (`guardrails.workerConstraint`, default `node.role==worker`) is added to every spec and kept; constraints that contradict it or name a manager are refused',
  'default-runtime': 'the default isolation and runtime only (`Isolation` `default`, `Runtime` `container`)',
  'refused-field': 'a spec field the policy table refuses (privileges, sysctls, ulimits, secrets, configs, log drivers, plugins, ...)',
  'unclassified-field': 'a spec field the policy table does not classify: what the policy does not allow is refused',
} as const;

export type PolicyRule = keyof typeof POLICY_RULES;

/** One concrete place in an Engine ServiceSpec: `['TaskTemplate', 'ContainerSpec', 'Mounts', 0, 'Source']`. */
export type SpecPath = readonly (string | number)[];

/** What a rule found, before it is traced to an input field. */
export interface Finding {
  path: SpecPath;
  rule: PolicyRule;
  /** A clause: `the bind source "/etc" is outside the allowed prefixes`. */
  problem: string;
  /** A sentence: `Use a volume, or a host path under /srv/data.` */
  remedy: string;
}

export function finding(path: SpecPath, rule: PolicyRule, problem: string, remedy: string): Finding {
  return { path, rule, problem, remedy };
}

/** `TaskTemplate.ContainerSpec.Mounts[0].Source`: a spec path as README and messages write it. */
export function specPathText(path: SpecPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** `TaskTemplate.ContainerSpec.Mounts[].Source`: the policy table's key for a concrete path. */
export function specPattern(path: SpecPath): string {
  return path.map((p, i) => (typeof p === 'number' ? '[]' : i === 0 ? p : `.${p}`)).join('');
}
