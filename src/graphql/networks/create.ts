// `networkCreate` (`docker network create -d overlay ...`) through the cluster's managers.
// The input is validated and turned into the CLI's request body by the mapping layer;
// a second ingress network and a taken name are refused here before the engine is
// called (swarmkit would refuse the first, but Docker may allow duplicate names), and
// the engine's own refusals are mapped to the same codes in case of a race.
import type { MutationResolvers } from '../../generated/graphql.ts';
import { createNetwork, inspectAllocatedNetwork } from '../../docker/api/networks.ts';
import { checkNetworkCreateOptions, toNetworkCreateBody } from '../../docker/mapping/network-create.ts';
import { networkCreateOptions } from './network-options.ts';
import { toNetworkModel } from '../../docker/model/network.ts';
import type { NetworkModel } from '../../docker/model/types.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { ingressPermissionErrors, stampScopeLabels } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import type { Scope } from '../../auth/access-decision.ts';
import { ClusterLoaders } from '../../docker/loaders.ts';
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import { validateSubnetsFree, type ExistingNetwork } from '../../validate/overlay-subnets.ts';

type CreatePayload = { network: NetworkModel | null; userErrors: UserErrorInit[] };

/** Where the engine's refusals belong in the input (in case of a race with the checks here). */
const REFUSAL_FIELDS = { fields: { NAME_CONFLICT: ['input', 'name'], INGRESS_EXISTS: ['input', 'ingress'] } };

/**
 * The subnets of every network of the cluster, the caller's or not: the engine refuses an
 * overlap whoever owns the other network. Those outside the caller's read scope are marked
 * invisible, so that the refusal does not name them.
 */
async function existingSubnets(readScope: Scope, loaders: ClusterLoaders, readable: EngineNetwork[]): Promise<ExistingNetwork[]> {
  const all = readScope.all ? readable : await loaders.unscoped().networks();
  const visible = new Set(readable.map((n) => n.Id));
  return all.map((n) => ({ name: n.Name, subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter((x) => x !== ''), visible: visible.has(n.Id) }));
}

export const networkCreate: MutationResolvers['networkCreate'] = async (_root, { input }, ctx) =>
  runMutation<CreatePayload>(ctx, { operation: 'networkCreate', cluster: input.cluster, target: input.name, input, refusals: REFUSAL_FIELDS }, { network: null }, async () => {
    const body = toNetworkCreateBody(checkNetworkCreateOptions(networkCreateOptions(input)));
    const loaders = ctx.loaders(input.cluster);
    if (input.ingress) rejectIfAny(ingressPermissionErrors(ctx.authority, loaders.client.name, ['input', 'ingress']));
    body.Labels = stampScopeLabels(operationScope(ctx), body.Labels, ['input', 'labels']);
    const networks = await loaders.networks();
    const errors: UserErrorInit[] = [];
    const ingress = networks.find((n) => n.Ingress);
    if (input.ingress && ingress) {
      errors.push(
        userError(
          ['input', 'ingress'],
          'INGRESS_EXISTS',
          `The swarm already has an ingress network, "${ingress.Name}"; only one can exist. Remove it first (no service may publish ports through the routing mesh meanwhile).`,
        ),
      );
    }
    errors.push(...validateSubnetsFree(input.ipam ?? [], await existingSubnets(ctx.authority.readScope(loaders.client.name), loaders, networks), ['input']));
    const sameName = networks.find((n) => n.Name === input.name);
    if (sameName) {
      errors.push(userError(['input', 'name'], 'NAME_CONFLICT', `A network named "${input.name}" already exists (${sameName.Scope} ${sameName.Driver} network ${sameName.Id.slice(0, 12)}).`));
    }
    rejectIfAny(errors);

    const created = await createNetwork(loaders.client, body);
    const fresh = await inspectAllocatedNetwork(loaders.client, created.Id);
    return { payload: { network: toNetworkModel(fresh, loaders.client.name, true) }, objectIds: [created.Id] };
  });
