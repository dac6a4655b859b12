// The guardrails in serviceCreate and serviceUpdate: unless the principal holds
// `Capability.unguarded` (admin) on the cluster, the input (and an updated service's current
// spec) is checked by src/auth/guardrails before anything is changed; violations come back
// as GUARDRAIL userErrors at the field at fault. Reads only: the networks the spec names and,
// when there are placement constraints, the nodes.
import type { ServiceCreateInput, ServiceUpdateInput } from '../../generated/graphql.ts';
import { decide } from '../../auth/access-decision.ts';
import { checkServiceCreate, checkServiceUpdate, needsNodes, type GuardNode, type NetworkFacts } from '../../auth/guardrails/index.ts';
import { inspectNetwork } from '../../docker/api/networks.ts';
import type { EngineNode, EngineServiceSpec } from '../../docker/engine-json.ts';
import type { ClusterLoaders } from '../../docker/loaders.ts';
import { userError } from '../../errors/codes.ts';
import { isNotFound } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny } from '../run-mutation.ts';

export type GuardedChange = { create: ServiceCreateInput } | { update: ServiceUpdateInput; current: EngineServiceSpec };

/** Throws the guardrail violations of the change as userErrors (code GUARDRAIL); nothing when the principal is exempt. */
export async function refuseGuardrailViolations(ctx: GatewayContext, loaders: ClusterLoaders, change: GuardedChange): Promise<void> {
  if (decide(ctx.principal, 'Capability.unguarded', loaders.client.name).allowed) return;
  const settings = ctx.guardrails;
  const current = 'current' in change ? change.current : null;
  const refs = 'create' in change ? (change.create.networks ?? []).map((n) => n.target) : (change.update.networkAdd ?? []).map((n) => n.target);
  const attached = current ? (current.TaskTemplate?.Networks?.length ? current.TaskTemplate.Networks : (current.Networks ?? [])).map((n) => n.Target) : [];
  const networks = await networkFacts(loaders, [...refs, ...attached]);
  const nodes = needsNodes(settings, 'create' in change ? change.create : null, current) ? (await loaders.nodes()).map(guardNode) : [];
  const facts = { network: (ref: string) => networks.get(ref), nodes };
  const violations = 'create' in change ? checkServiceCreate(change.create, settings, facts) : checkServiceUpdate(change.update, current!, settings, facts);
  rejectIfAny(violations.map((v) => userError(v.field, 'GUARDRAIL', v.message)));
}

/**
 * What each network reference names. The request's network list first; a reference it
 * does not hold (out of the caller's read scope, or the swarm's own `host` network, whose
 * ID in a service spec is not listed by `GET /networks`) is inspected on its own.
 */
async function networkFacts(loaders: ClusterLoaders, refs: readonly string[]): Promise<Map<string, NetworkFacts>> {
  const facts = new Map<string, NetworkFacts>();
  for (const ref of new Set(refs)) {
    if (ref === '') continue;
    const listed = await loaders.network(ref);
    const network = listed ?? (await inspectNetwork(loaders.client, ref).catch((err: unknown) => (isNotFound(err) ? null : Promise.reject(err))));
    if (network) facts.set(ref, { name: network.Name, driver: network.Driver });
  }
  return facts;
}

function guardNode(n: EngineNode): GuardNode {
  return {
    id: n.ID,
    hostname: n.Description.Hostname,
    manager: n.Spec.Role === 'manager' || n.ManagerStatus != null,
    labels: n.Spec.Labels ?? {},
    engineLabels: n.Description.Engine?.Labels ?? {},
    os: n.Description.Platform?.OS ?? '',
    arch: n.Description.Platform?.Architecture ?? '',
  };
}
