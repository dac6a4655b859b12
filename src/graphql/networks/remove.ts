// `networkRemove` (`docker network rm NET...`), all or nothing: every network must exist,
// be removable and be unused before the first one is removed. Ingress is refused while
// any service publishes ports through the routing mesh, naming those services.
import type { MutationResolvers, NetworkRemovePayload } from '../../generated/graphql.ts';
import { removeNetwork } from '../../docker/api/networks.ts';
import type { Network as EngineNetwork } from '../../docker/engine-api/index.ts';
import { PREDEFINED_NETWORKS } from '../../docker/model/network.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { userErrorFromEngine } from '../engine-user-errors.ts';
import { ingressPermissionErrors, networkInScope } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { validateReference } from '../../validate/references.ts';
import { describeUsers, isInUse, networkUsersInWholeSwarm } from './usage.ts';

/** The position in `ids` an error is about (errors about the whole list first). */
const fieldIndex = (e: UserErrorInit) => Number(e.field?.[2] ?? -1);

export const networkRemove: MutationResolvers['networkRemove'] = async (_root, { input }, ctx) =>
  runMutation<NetworkRemovePayload>(ctx, { operation: 'networkRemove', cluster: input.cluster, target: input.ids.join(','), input }, { removed: [] }, async () => {
    const loaders = ctx.loaders(input.cluster);
    const scope = operationScope(ctx);
    const errors: UserErrorInit[] = [];
    if (input.ids.length === 0) errors.push(userError(['input', 'ids'], 'INVALID_VALUE', 'Give at least one network ID or name.'));

    const targets = new Map<string, { network: EngineNetwork; field: string[] }>();
    for (const [i, ref] of input.ids.entries()) {
      const field = ['input', 'ids', String(i)];
      const invalid = validateReference('network', ref, field);
      if (invalid.length) {
        errors.push(...invalid);
        continue;
      }
      const network = networkInScope(await loaders.network(ref), scope);
      if (!network) errors.push(userError(field, 'REFERENCE_NOT_FOUND', `Network "${ref}" does not exist.`));
      else if (PREDEFINED_NETWORKS.has(network.Name)) errors.push(userError(field, 'INVALID_VALUE', `"${network.Name}" is a pre-defined network and cannot be removed.`));
      else if (network.Ingress && !ctx.authority.can('ingress', loaders.client.name)) errors.push(...ingressPermissionErrors(ctx.authority, loaders.client.name, field));
      else if (!targets.has(network.Id)) targets.set(network.Id, { network, field });
    }

    const users = await networkUsersInWholeSwarm(ctx.authority.readScope(loaders.client.name), loaders, [...targets.values()].map((t) => t.network));
    for (const { network, field } of targets.values()) {
      const u = users.get(network.Id)!;
      if (!isInUse(u)) continue;
      const hint = network.Ingress ? 'remove those services or publish their ports in host mode first.' : 'disconnect or remove them first.';
      errors.push(userError(field, 'IN_USE', `Network "${network.Name}" is in use by ${describeUsers(u)}; ${hint}`));
    }
    rejectIfAny(errors.sort((a, b) => fieldIndex(a) - fieldIndex(b)));

    const removedIds: string[] = [];
    for (const { network, field } of targets.values()) {
      try {
        await removeNetwork(loaders.client, network.Id);
      } catch (err) {
        // Something started using it after the check: say what was already removed.
        const engineError = userErrorFromEngine(err, { field, about: `Network "${network.Name}"` });
        if (!engineError) throw err;
        const done = removedIds.length ? ` (already removed: ${removedIds.join(', ')})` : '';
        throw new UserInputError([{ ...engineError, message: `${engineError.message}${done}` }]);
      }
      removedIds.push(network.Id);
    }
    return { payload: { removed: [...targets.values()].map(({ network }) => ({ id: network.Id, name: network.Name })) }, objectIds: removedIds };
  });
