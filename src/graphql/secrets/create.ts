// `secretCreate` / `configCreate` (`docker secret create`, `docker config create`). The name,
// labels and data are checked here with swarmkit's rules; a label-scoped deployer's object
// gets its scope's labels, as networkCreate stamps them. The data goes to the engine only:
// the audit intent has it redacted (src/audit/redact.ts), and no message quotes it.
import type { MutationResolvers, SecretCreateInput } from '../../generated/graphql.ts';
import type { Config, Secret } from '../../docker/engine-api/index.ts';
import type { ConfigModel, SecretModel } from '../../docker/model/stored-object.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { toStringMap } from '../../docker/mapping/common.ts';
import { validateLabels } from '../../validate/labels.ts';
import { storedData, validateStoredName } from '../../validate/stored-object.ts';
import { stampScopeLabels } from '../access/scope-checks.ts';
import { operationScope } from '../access/field-decision.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { CONFIGS, SECRETS, type StoredKindInfo } from './stored-kinds.ts';

type SecretCreatePayload = { secret: SecretModel | null; userErrors: UserErrorInit[] };
type ConfigCreatePayload = { config: ConfigModel | null; userErrors: UserErrorInit[] };

const REFUSAL_FIELDS = { fields: { NAME_CONFLICT: ['input', 'name'] } };

/**
 * Checks the input and creates the object with the given labels (already stamped), answering
 * it as inspected. Shared with rotation, which creates the next version the same way.
 */
export async function createStoredObject<T extends Secret | Config, M extends SecretModel | ConfigModel>(
  ctx: GatewayContext,
  info: StoredKindInfo<T, M>,
  cluster: string,
  input: Pick<SecretCreateInput, 'name' | 'data' | 'dataBase64'>,
  labels: Record<string, string>,
): Promise<T> {
  const errors: UserErrorInit[] = [...validateStoredName(input.name, ['input', 'name'], info.kind)];
  const data = storedData(input, ['input']);
  if ('errors' in data) errors.push(...data.errors);
  rejectIfAny(errors);
  const client = ctx.loaders(cluster).client;
  // Names are unique across the swarm, whoever owns the other object: its owner is not named.
  const taken = await info.api.list(client, { name: [input.name] });
  if (taken.some((o) => o.Spec.Name === input.name)) rejectIfAny([userError(['input', 'name'], 'NAME_CONFLICT', `A ${info.kind} named "${input.name}" already exists.`)]);
  const id = await info.api.create(client, { Name: input.name, Labels: labels, Data: (data as { bytes: Buffer }).bytes.toString('base64') });
  return info.api.inspect(client, id);
}

async function create<T extends Secret | Config, M extends SecretModel | ConfigModel>(ctx: GatewayContext, info: StoredKindInfo<T, M>, input: SecretCreateInput): Promise<{ payload: M; objectIds: string[] }> {
  const cluster = ctx.loaders(input.cluster).client.name;
  rejectIfAny(validateLabels(input.labels ?? [], ['input', 'labels']));
  const labels = stampScopeLabels(operationScope(ctx), toStringMap(input.labels), ['input', 'labels']);
  const created = await createStoredObject(ctx, info, cluster, input, labels);
  return { payload: info.toModel(cluster, created), objectIds: [created.ID] };
}

export const secretCreate: MutationResolvers['secretCreate'] = (_root, { input }, ctx) =>
  runMutation<SecretCreatePayload>(ctx, { operation: 'secretCreate', cluster: input.cluster, target: input.name, input, refusals: REFUSAL_FIELDS }, { secret: null }, async () => {
    const { payload, objectIds } = await create(ctx, SECRETS, input);
    return { payload: { secret: payload }, objectIds };
  });

export const configCreate: MutationResolvers['configCreate'] = (_root, { input }, ctx) =>
  runMutation<ConfigCreatePayload>(ctx, { operation: 'configCreate', cluster: input.cluster, target: input.name, input, refusals: REFUSAL_FIELDS }, { config: null }, async () => {
    const { payload, objectIds } = await create(ctx, CONFIGS, input);
    return { payload: { config: payload }, objectIds };
  });
