// THE seam of the service-spec policy (src/auth/policy): every path that sends or restores a
// service spec calls enforcePolicy with the final Engine spec (after mapping, after merging
// with the current spec) just before the engine is asked. Unless the principal holds
// `Capability.unguarded` on the cluster (an unscoped admin), the worker constraint is added
// (not to a spec being restored: that one must hold it already) and every violation comes
// back as a GUARDRAIL userError, at the input field at fault or at the service. Reads only:
// the networks the spec attaches and, when constraints name nodes, the nodes.
import type { ServiceCreateOptions, ServiceUpdateOptions } from '../../docker/mapping/index.ts';
import type { Authority } from '../../auth/authority.ts';
import {
  needsNodes,
  policyViolations,
  traceCreateInput,
  traceStackService,
  traceStoredSpec,
  traceUpdateInput,
  withWorkerConstraint,
  type NetworkFacts,
  type SpecOrigin,
} from '../../auth/policy/index.ts';
import { inspectNetwork } from '../../docker/api/networks.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { constraintNodeOf } from '../../docker/model/constraint-node.ts';
import { userError } from '../../errors/codes.ts';
import { isNotFound } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny } from '../run-mutation.ts';

/** Where the spec comes from: a create or update's engine options (with the resolved network IDs), or a service the engine holds. */
export type SpecSource =
  | { create: ServiceCreateOptions; networkIds: ReadonlyMap<string, string> }
  | { update: ServiceUpdateOptions; networkIds: ReadonlyMap<string, string>; service: string }
  | { scale: string }
  | { restore: string }
  /**
   * A service of a stack (stackDeploy): refusals at `input.compose.services.<key>`. The networks
   * the stack would create have no ID yet: the service's attachment names them (Target is the
   * engine name) and `pendingNetworks` gives the policy their facts as they would be created.
   */
  | { stack: { key: string; name: string }; pendingNetworks: ReadonlyMap<string, NetworkFacts> };

function originOf(source: SpecSource): SpecOrigin {
  const serviceField = ['input', 'id'];
  if ('create' in source) return { trace: traceCreateInput(source.create, source.networkIds), subject: 'the spec', serviceField: ['input'] };
  if ('update' in source) return { trace: traceUpdateInput(source.update, source.networkIds), service: source.service, subject: "the service's current spec", serviceField };
  if ('stack' in source) return { trace: traceStackService(source.stack.key), service: source.stack.name, subject: 'the spec', serviceField: ['input', 'compose', 'services', source.stack.key] };
  if ('scale' in source) return { trace: traceStoredSpec, service: source.scale, subject: "the service's current spec", serviceField };
  return { trace: traceStoredSpec, service: source.restore, subject: 'the spec the rollback would restore', serviceField };
}

/** Whether the caller's service specs are checked on this cluster: everyone but an unscoped admin (`Capability.unguarded`). */
export function isGuarded(authority: Authority, cluster: string): boolean {
  return !authority.can('unguarded', cluster);
}

/**
 * The spec to send: `spec` itself for an unguarded principal; otherwise with the worker
 * constraint (a restored spec as it is), once the policy finds nothing in it. Throws the
 * violations as GUARDRAIL userErrors.
 */
export async function enforcePolicy<T extends object>(
  ctx: Pick<GatewayContext, 'authority' | 'guardrails'>,
  loaders: ClusterLoaders,
  spec: T,
  source: SpecSource,
): Promise<T> {
  if (!isGuarded(ctx.authority, loaders.client.name)) return spec;
  const settings = ctx.guardrails;
  const final = 'restore' in source ? spec : withWorkerConstraint(spec, settings);
  const pending = 'stack' in source ? source.pendingNetworks : new Map<string, NetworkFacts>();
  const networks = await networkFacts(loaders, attachedNetworks(final).filter((id) => !pending.has(id)));
  for (const [id, facts] of pending) networks.set(id, facts);
  const nodes = needsNodes(final, settings) ? (await loaders.nodes()).map(constraintNodeOf) : [];
  const facts = { network: (id: string) => networks.get(id) ?? null, nodes };
  rejectIfAny(policyViolations(final, { settings, facts }, originOf(source)).map((v) => userError(v.field, 'GUARDRAIL', v.message)));
  return final;
}

function attachedNetworks(spec: object): string[] {
  const s = spec as { Networks?: { Target?: unknown }[] | null; TaskTemplate?: { Networks?: { Target?: unknown }[] | null } };
  return [...(s.TaskTemplate?.Networks ?? []), ...(s.Networks ?? [])].map((n) => String(n?.Target ?? ''));
}

/**
 * What each attached network is. The caller's network list first; one it does not hold (out
 * of its read scope, or the swarm's own `host` network, which `GET /networks` does not list
 * by its ID in a service spec) is inspected on its own.
 */
async function networkFacts(loaders: ClusterLoaders, ids: readonly string[]): Promise<Map<string, NetworkFacts>> {
  const facts = new Map<string, NetworkFacts>();
  for (const id of new Set(ids)) {
    if (id === '') continue;
    const listed = await loaders.network(id);
    const network = listed ?? (await inspectNetwork(loaders.client, id).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err))));
    if (network) facts.set(id, { name: network.Name, driver: network.Driver });
  }
  return facts;
}

