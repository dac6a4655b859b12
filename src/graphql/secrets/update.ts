// `secretUpdate` / `configUpdate`: label changes only, at the object's version (swarmkit
// refuses any change of the data: rotation makes a new object instead). A label-scoped
// caller reaches only objects in its scope and may not drop or change its scope's labels.
import type { MutationResolvers, SecretUpdateInput } from '../../generated/graphql.ts';
import type { Config, Secret } from '../../docker/engine-api/index.ts';
import type { ConfigModel, SecretModel } from '../../docker/model/stored-object.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { toStringMap } from '../../docker/mapping/common.ts';
import { validateLabelKeys, validateLabels } from '../../validate/labels.ts';
import { at } from '../../validate/field.ts';
import { scopeLabelErrors } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { updateAtVersion } from '../version-conflict.ts';
import { findInScope } from './lookup.ts';
import { CONFIGS, SECRETS, type StoredKindInfo } from './stored-kinds.ts';

type SecretUpdatePayload = { secret: SecretModel | null; userErrors: UserErrorInit[] };
type ConfigUpdatePayload = { config: ConfigModel | null; userErrors: UserErrorInit[] };

async function update<T extends Secret | Config, M extends SecretModel | ConfigModel>(ctx: GatewayContext, info: StoredKindInfo<T, M>, input: SecretUpdateInput): Promise<{ payload: M; objectIds: string[] }> {
  const cluster = ctx.loaders(input.cluster).client.name;
  const field = ['input', 'labels'];
  rejectIfAny([...validateLabels(input.labels.add ?? [], at(field, 'add')), ...validateLabelKeys(input.labels.remove ?? [], at(field, 'remove'))]);
  const scope = operationScope(ctx);
  const current = await findInScope(ctx, info, cluster, scope, input.id);
  if (!current) rejectIfAny([userError(['input', 'id'], 'REFERENCE_NOT_FOUND', `${info.Label} "${input.id}" does not exist.`)]);
  const before = current!.Spec.Labels ?? {};
  // As the CLI's --label-rm then --label-add; removing a label it does not have is an error.
  const after: Record<string, string> = { ...before };
  const errors: UserErrorInit[] = [];
  (input.labels.remove ?? []).forEach((key, i) => {
    if (Object.hasOwn(after, key)) delete after[key];
    else errors.push(userError(at(field, 'remove', i), 'INVALID_VALUE', `The ${info.kind} has no label ${JSON.stringify(key)} to remove.`));
  });
  Object.assign(after, toStringMap(input.labels.add));
  errors.push(...scopeLabelErrors(scope, before, after, () => field, `This label change`));
  rejectIfAny(errors);
  await updateAtVersion({ label: `${info.Label} "${current!.Spec.Name}"`, version: current!.Version.Index }, input.version, () => info.api.updateLabels(ctx.loaders(cluster).client, current!, after));
  const fresh = await info.api.inspect(ctx.loaders(cluster).client, current!.ID);
  return { payload: info.toModel(cluster, fresh), objectIds: [fresh.ID] };
}

export const secretUpdate: MutationResolvers['secretUpdate'] = (_root, { input }, ctx) =>
  runMutation<SecretUpdatePayload>(ctx, { operation: 'secretUpdate', cluster: input.cluster, target: input.id, input }, { secret: null }, async () => {
    const { payload, objectIds } = await update(ctx, SECRETS, input);
    return { payload: { secret: payload }, objectIds };
  });

export const configUpdate: MutationResolvers['configUpdate'] = (_root, { input }, ctx) =>
  runMutation<ConfigUpdatePayload>(ctx, { operation: 'configUpdate', cluster: input.cluster, target: input.id, input }, { config: null }, async () => {
    const { payload, objectIds } = await update(ctx, CONFIGS, input);
    return { payload: { config: payload }, objectIds };
  });
