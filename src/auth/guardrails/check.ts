// The guardrail checker: a service input (and, for an update, the service's current spec)
// against the guardrail settings and what the swarm holds (nodes, networks). Pure: the
// caller reads the facts first. Callers skip it for principals with `Capability.unguarded`.
import type { ServiceCreateInput, ServiceUpdateInput } from '../../generated/graphql.ts';
import type { GuardrailSettings } from '../../config/access-config.ts';
import type { EngineServiceSpec } from '../../docker/engine-json.ts';
import { checkCapabilities } from './capabilities.ts';
import { checkMounts } from './mounts.ts';
import { checkHostNetwork } from './networks.ts';
import { checkPlacement, type GuardNode } from './placement.ts';
import { viewOfCreateInput, viewOfEngineSpec, viewOfUpdateInput, type GuardedSpec, type NetworkFacts } from './spec-view.ts';
import { currentSpecViolation, inputViolation, type Finding, type GuardrailViolation } from './violation.ts';

export interface GuardrailFacts {
  /** The network a reference names (a name or ID as given, or an ID from a spec), when known. */
  network(ref: string): NetworkFacts | null | undefined;
  /** The swarm's nodes; only read when there are constraints (see `needsNodes`). */
  nodes: readonly GuardNode[];
}

export function checkView(view: GuardedSpec, settings: GuardrailSettings, nodes: readonly GuardNode[]): Finding[] {
  return [
    ...checkMounts(view.mounts, view.fromInput, settings),
    ...checkCapabilities(view.capabilityAdd, settings),
    ...(settings.allowHostNetwork ? [] : checkHostNetwork(view.networks)),
    ...(settings.allowManagerPlacement ? [] : checkPlacement(view, nodes)),
  ];
}

/** Whether the check reads `facts.nodes` (placement constraints to judge), so the caller can skip listing them. */
export function needsNodes(settings: GuardrailSettings, input: ServiceCreateInput | null, current: EngineServiceSpec | null = null): boolean {
  if (settings.allowManagerPlacement) return false;
  return (input?.constraints?.length ?? 0) > 0 || (current?.TaskTemplate?.Placement?.Constraints?.length ?? 0) > 0;
}

/** The violations of a serviceCreate input. */
export function checkServiceCreate(input: ServiceCreateInput, settings: GuardrailSettings, facts: GuardrailFacts): GuardrailViolation[] {
  return checkView(viewOfCreateInput(input, facts.network), settings, facts.nodes).map(inputViolation);
}

/**
 * The violations of a serviceUpdate: what the input adds (networks), and what the service's
 * current spec already holds: a non-admin may not change a service an admin exempted from
 * the guardrails (a new image would run with the admin's mounts), reported at `input.id`.
 */
export function checkServiceUpdate(input: ServiceUpdateInput, current: EngineServiceSpec, settings: GuardrailSettings, facts: GuardrailFacts): GuardrailViolation[] {
  const added = checkView(viewOfUpdateInput(input, facts.network), settings, facts.nodes).map(inputViolation);
  const inherited = checkView(viewOfEngineSpec(current, facts.network), settings, facts.nodes).map(currentSpecViolation);
  return [...added, ...inherited];
}
