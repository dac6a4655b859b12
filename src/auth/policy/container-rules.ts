// The rules of the container policy that the service policy does not have: a standalone
// container's HostConfig reaches the host in more ways than a ServiceSpec (namespaces of the
// host, security options, network modes). The mount, socket and capability rules are the
// service policy's own (rules.ts), so a path refused for a service is refused for a container.
import { POLICY_RULES, type Finding, type PolicyRule, type SpecPath } from './rules.ts';

export const CONTAINER_ONLY_RULES = {
  'allowed-network-modes': 'a container\'s network mode only `default`, `bridge`, `none`, or a bridge or overlay network; never `host` (unless `guardrails.allowHostNetwork`) nor `container:<id>`; every attached network a bridge or overlay one',
  'allowed-ipc-modes': 'IPC namespace only `private` or `none` (never `host`, `shareable` or another container\'s)',
  'allowed-security-options': 'security options only `no-new-privileges` (no `seccomp=unconfined`, `apparmor=unconfined`, `label=disable`, ...)',
} as const;

export type ContainerRule = PolicyRule | keyof typeof CONTAINER_ONLY_RULES;

/** Every rule a container refusal can name: the shared ones the container table uses, and its own. */
export const CONTAINER_POLICY_RULES: Record<string, string> = {
  ...Object.fromEntries(
    (['no-host-bind-mounts', 'no-docker-socket', 'allowed-mount-types', 'allowed-volume-drivers', 'allowed-volume-options', 'no-mount-propagation', 'no-added-capabilities', 'refused-field', 'unclassified-field'] as const).map((r) => [r, POLICY_RULES[r]]),
  ),
  ...CONTAINER_ONLY_RULES,
};

/** A finding of the container policy: a shared rule's or one of its own. */
export interface ContainerFinding extends Omit<Finding, 'rule'> {
  rule: ContainerRule;
}

export function containerFinding(path: SpecPath, rule: ContainerRule, problem: string, remedy: string): ContainerFinding {
  return { path, rule, problem, remedy };
}
