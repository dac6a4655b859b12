// The parts of a service spec the guardrails look at, each with the input field it came
// from. Built from a serviceCreate input, from the additions of a serviceUpdate input, or
// from a service's current spec (whose fields all point at `input.id`), so every rule is
// written once.
import type { ServiceCreateInput, ServiceUpdateInput } from '../../generated/graphql.ts';
import type { EngineServiceSpec } from '../../docker/engine-json.ts';

export interface NetworkFacts {
  name: string;
  driver: string;
}

export interface GuardedMount {
  /** The mount's path; rules append `source` or `volumeOptions.<j>.value` for input mounts. */
  field: readonly string[];
  type: 'BIND' | 'VOLUME' | 'TMPFS';
  source: string | null;
  options: readonly { key: string; value: string }[];
}

export interface GuardedSpec {
  /** Whether `field`s are the caller's own input fields (false: all point at the service). */
  fromInput: boolean;
  mounts: GuardedMount[];
  capabilityAdd: { field: readonly string[]; name: string }[];
  /** Network attachments; `resolved` is the network the reference names, when known. */
  networks: { field: readonly string[]; ref: string; resolved: NetworkFacts | null }[];
  constraints: { field: readonly string[]; expression: string }[];
  /** Where a finding about the constraints taken together goes. */
  constraintsField: readonly string[];
}

type NetworkLookup = (ref: string) => NetworkFacts | null | undefined;

export function viewOfCreateInput(input: ServiceCreateInput, network: NetworkLookup): GuardedSpec {
  return {
    fromInput: true,
    mounts: (input.mounts ?? []).map((m, i) => ({
      field: ['input', 'mounts', String(i)],
      type: m.type,
      source: m.source ?? null,
      options: (m.volumeOptions ?? []).map((o) => ({ key: o.key, value: o.value ?? '' })),
    })),
    capabilityAdd: (input.capabilityAdd ?? []).map((name, i) => ({ field: ['input', 'capabilityAdd', String(i)], name })),
    networks: (input.networks ?? []).map((n, i) => ({ field: ['input', 'networks', String(i), 'target'], ref: n.target, resolved: network(n.target) ?? null })),
    constraints: (input.constraints ?? []).map((expression, i) => ({ field: ['input', 'constraints', String(i)], expression })),
    constraintsField: ['input', 'constraints'],
  };
}

/** What an update adds: networks (mounts, capabilities and constraints cannot be changed by an update). */
export function viewOfUpdateInput(input: ServiceUpdateInput, network: NetworkLookup): GuardedSpec {
  return {
    fromInput: true,
    mounts: [],
    capabilityAdd: [],
    networks: (input.networkAdd ?? []).map((n, i) => ({ field: ['input', 'networkAdd', String(i), 'target'], ref: n.target, resolved: network(n.target) ?? null })),
    constraints: [],
    constraintsField: ['input', 'networkAdd'],
  };
}

interface EngineMountLike {
  Type?: string;
  Source?: string;
  VolumeOptions?: { DriverConfig?: { Options?: Record<string, string> | null } | null } | null;
}

/** A service's current spec, as the engine returns it; every field is `field` (the service reference). */
export function viewOfEngineSpec(spec: EngineServiceSpec, network: NetworkLookup, field: readonly string[] = ['input', 'id']): GuardedSpec {
  const container = spec.TaskTemplate?.ContainerSpec ?? {};
  const mounts = Array.isArray(container.Mounts) ? (container.Mounts as EngineMountLike[]) : [];
  const caps = Array.isArray(container.CapabilityAdd) ? (container.CapabilityAdd as unknown[]).filter((c): c is string => typeof c === 'string') : [];
  const attached = spec.TaskTemplate?.Networks?.length ? spec.TaskTemplate.Networks : (spec.Networks ?? []);
  return {
    fromInput: false,
    mounts: mounts.map((m) => ({
      field,
      type: m.Type === 'volume' ? 'VOLUME' : m.Type === 'tmpfs' ? 'TMPFS' : 'BIND',
      source: m.Source || null,
      options: Object.entries(m.VolumeOptions?.DriverConfig?.Options ?? {}).map(([key, value]) => ({ key, value })),
    })),
    capabilityAdd: caps.map((name) => ({ field, name })),
    networks: attached.map((n) => ({ field, ref: n.Target, resolved: network(n.Target) ?? null })),
    constraints: (spec.TaskTemplate?.Placement?.Constraints ?? []).map((expression) => ({ field, expression })),
    constraintsField: field,
  };
}
