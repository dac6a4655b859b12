// `secretRemove` / `configRemove` (`docker secret rm`): refused IN_USE while any service
// references the object, before the engine is asked (the engine refuses too, naming every
// service; the message here names only the services the caller may read).
import type { ConfigRemovePayload, MutationResolvers, SecretRemoveInput, SecretRemovePayload } from '../../generated/graphql.ts';
import type { Config, Secret } from '../../docker/engine-api/index.ts';
import type { ConfigModel, SecretModel } from '../../docker/model/stored-object.ts';
import { userError } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { userErrorFromEngine } from '../engine-user-errors.ts';
import { operationScope } from '../access/field-decision.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { findInScope } from './lookup.ts';
import { CONFIGS, SECRETS, type StoredKindInfo } from './stored-kinds.ts';
import { describeStoredUsers, storedObjectUsers } from './usage.ts';

async function remove<T extends Secret | Config, M extends SecretModel | ConfigModel>(ctx: GatewayContext, info: StoredKindInfo<T, M>, input: SecretRemoveInput) {
  const loaders = ctx.loaders(input.cluster);
  const cluster = loaders.client.name;
  const field = ['input', 'id'];
  const target = await findInScope(ctx, info, cluster, operationScope(ctx), input.id);
  if (!target) rejectIfAny([userError(field, 'REFERENCE_NOT_FOUND', `${info.Label} "${input.id}" does not exist.`)]);
  const users = await storedObjectUsers(info, ctx.authority.readScope(cluster), loaders, target!.ID);
  if (users.readable.length + users.outOfScope > 0) {
    rejectIfAny([userError(field, 'IN_USE', `${info.Label} "${target!.Spec.Name}" is in use by ${describeStoredUsers(users)}; remove it from those services first.`)]);
  }
  try {
    await info.api.remove(loaders.client, target!.ID);
  } catch (err) {
    const refusal = userErrorFromEngine(err, { field, about: `${info.Label} "${target!.Spec.Name}"` });
    if (!refusal) throw err;
    // A service started using it after the check: the engine's words would name it, whoever owns it.
    throw new UserInputError([refusal.code === 'IN_USE' ? { ...refusal, message: `${info.Label} "${target!.Spec.Name}" is in use by a service; remove it from that service first.` } : refusal]);
  }
  return { removed: [{ id: target!.ID, name: target!.Spec.Name }], objectIds: [target!.ID] };
}

export const secretRemove: MutationResolvers['secretRemove'] = (_root, { input }, ctx) =>
  runMutation<SecretRemovePayload>(ctx, { operation: 'secretRemove', cluster: input.cluster, target: input.id, input }, { removed: [] }, async () => {
    const { removed, objectIds } = await remove(ctx, SECRETS, input);
    return { payload: { removed }, objectIds };
  });

export const configRemove: MutationResolvers['configRemove'] = (_root, { input }, ctx) =>
  runMutation<ConfigRemovePayload>(ctx, { operation: 'configRemove', cluster: input.cluster, target: input.id, input }, { removed: [] }, async () => {
    const { removed, objectIds } = await remove(ctx, CONFIGS, input);
    return { payload: { removed }, objectIds };
  });
