// `secretRotate` / `configRotate`: ONE audited operation that replaces a secret's or
// config's data, which swarmkit cannot change in place:
// 1. every service referencing the old object must be in the caller's scope, else the whole
//    rotation is refused up front (IN_USE at `input.id`), nothing created;
// 2. the new version is created as `<base>.v<N>` (labels `com.swarm-gateway.rotation.base`
//    and `.version`; the first rotation of `db-password` makes `db-password.v2`), with the
//    old object's labels;
// 3. each service is updated through the normal path (policy, readable references, at its
//    version), its reference pointing at the new object with the same target, uid, gid and
//    mode; each update starts a rollout, all returned;
// 4. the old object is removed once no service references it (`removeOld`, default true).
// A failure after step 2 is answered as a userError whose message says exactly what was done
// (created, updated, not updated, old kept), and the audit outcome is `failed`: never success.
import type { MutationResolvers, SecretRotateInput } from '../../generated/graphql.ts';
import type { Config, FileReference, Secret, Service as EngineService } from '../../docker/engine-api/index.ts';
import type { ConfigModel, SecretModel } from '../../docker/model/stored-object.ts';
import type { ServiceModel } from '../../docker/model/types.ts';
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { UserInputError } from '../../errors/gateway-error.ts';
import { inScope } from '../../auth/access-decision.ts';
import { operationScope } from '../access/field-decision.ts';
import type { GatewayContext } from '../context.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import type { RolloutModel } from '../rollouts/rollout-model.ts';
import { waitForAll } from '../rollouts/wait-for-all.ts';
import { enforcePolicy } from '../services/guardrails.ts';
import { rolloutOptionErrors } from '../services/rollout-options.ts';
import { checkReadableReferences } from '../services/stored-refs.ts';
import { sendUpdate } from '../services/versioned-update.ts';
import { createStoredObject } from './create.ts';
import { findInScope } from './lookup.ts';
import { CONFIGS, SECRETS, type StoredKindInfo } from './stored-kinds.ts';
import { references } from './usage.ts';

export const ROTATION_BASE_LABEL = 'com.swarm-gateway.rotation.base';
export const ROTATION_VERSION_LABEL = 'com.swarm-gateway.rotation.version';

/** The next version's name and labels: `<base>.v<N+1>`, an object never rotated being version 1. */
export function nextVersion(name: string, labels: Record<string, string>): { name: string; labels: Record<string, string> } {
  const base = labels[ROTATION_BASE_LABEL] || name;
  const current = Number.parseInt(labels[ROTATION_VERSION_LABEL] ?? '1', 10);
  const version = Number.isInteger(current) && current > 0 ? current + 1 : 2;
  return { name: `${base}.v${version}`, labels: { ...labels, [ROTATION_BASE_LABEL]: base, [ROTATION_VERSION_LABEL]: String(version) } };
}

type RotatePayload<K extends string, M> = { [key in K]: M | null } & { services: ServiceModel[]; rollouts: RolloutModel[]; oldRemoved: boolean; userErrors: UserErrorInit[] };

/** The service's spec with every reference to `oldId` pointing at the new object instead (same file). */
function repointed(info: StoredKindInfo<Secret | Config, SecretModel | ConfigModel>, service: EngineService, oldId: string, next: Secret | Config) {
  const spec = structuredClone(service.Spec);
  const cs = spec.TaskTemplate.ContainerSpec!;
  const swap = (r: FileReference): FileReference =>
    info.referencedId(r) !== oldId ? r : info.kind === 'secret' ? { ...r, SecretID: next.ID, SecretName: next.Spec.Name } : { ...r, ConfigID: next.ID, ConfigName: next.Spec.Name };
  if (info.kind === 'secret') cs.Secrets = (cs.Secrets ?? []).map(swap);
  else cs.Configs = (cs.Configs ?? []).map(swap);
  return spec;
}

async function rotate<T extends Secret | Config, M extends SecretModel | ConfigModel>(ctx: GatewayContext, info: StoredKindInfo<T, M>, input: SecretRotateInput) {
  rejectIfAny(rolloutOptionErrors(input));
  const loaders = ctx.loaders(input.cluster);
  const cluster = loaders.client.name;
  const scope = operationScope(ctx);
  const old = await findInScope(ctx, info, cluster, scope, input.id);
  if (!old) rejectIfAny([userError(['input', 'id'], 'REFERENCE_NOT_FOUND', `${info.Label} "${input.id}" does not exist.`)]);
  const users = (await loaders.unscoped().services()).filter((s) => references(info as never, s, old!.ID));
  const outside = users.filter((s) => !inScope(scope, s.Spec.Labels));
  if (outside.length) {
    rejectIfAny([userError(['input', 'id'], 'IN_USE', `${info.Label} "${old!.Spec.Name}" is also used by ${outside.length} service(s) outside your grants' label scope; nothing was rotated. Ask whoever manages them.`)]);
  }
  const { name, labels } = nextVersion(old!.Spec.Name, { ...(old!.Spec.Labels ?? {}) });
  const next = await createStoredObject(ctx, info, cluster, { name, data: input.data, dataBase64: input.dataBase64 }, labels);

  const done: string[] = [`created ${info.kind} "${next.Spec.Name}" (${next.ID})`];
  const services: ServiceModel[] = [];
  const rollouts: RolloutModel[] = [];
  const objectIds = [next.ID];
  for (const [i, service] of users.entries()) {
    const serviceName = service.Spec.Name ?? service.ID;
    try {
      const current = (await loaders.serviceToChange(service.ID)) ?? service;
      const spec = await enforcePolicy(ctx, loaders, repointed(info as never, current, old!.ID, next), { scale: serviceName });
      await checkReadableReferences(ctx, cluster, spec, () => ['input', 'id']);
      const result = await sendUpdate(ctx, loaders, current, spec, { deadline: input.deadline });
      if (result.payload.service) services.push(result.payload.service);
      if (result.payload.rollout) rollouts.push(result.payload.rollout);
      objectIds.push(current.ID);
      done.push(`updated service "${serviceName}"`);
    } catch (err) {
      const why = err instanceof UserInputError ? err.message : err instanceof Error ? err.message : String(err);
      const left = users.slice(i).map((s) => `"${s.Spec.Name ?? s.ID}"`).join(', ');
      throw new UserInputError([
        userError(['input', 'id'], 'ENGINE_REJECTED', `The rotation stopped at service "${serviceName}" (${why}). Done: ${done.join('; ')}. Not updated: ${left}; the old ${info.kind} "${old!.Spec.Name}" was kept. Fix the cause and rotate again, or point the remaining services at "${next.Spec.Name}".`),
      ]);
    }
  }
  let oldRemoved = false;
  if (input.removeOld !== false) {
    try {
      await info.api.remove(loaders.client, old!.ID);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new UserInputError([userError(['input', 'id'], 'ENGINE_REJECTED', `The old ${info.kind} "${old!.Spec.Name}" could not be removed (${why}). Done: ${done.join('; ')}. Remove it once nothing uses it.`)]);
    }
    oldRemoved = true;
    objectIds.push(old!.ID);
  }
  return { model: info.toModel(cluster, next), services, rollouts, oldRemoved, objectIds };
}

export const secretRotate: MutationResolvers['secretRotate'] = async (_root, { input }, ctx) => {
  const payload = await runMutation<RotatePayload<'secret', SecretModel>>(ctx, { operation: 'secretRotate', cluster: input.cluster, target: input.id, input }, { secret: null, services: [], rollouts: [], oldRemoved: false }, async () => {
    const r = await rotate(ctx, SECRETS, input);
    return { payload: { secret: r.model, services: r.services, rollouts: r.rollouts, oldRemoved: r.oldRemoved }, objectIds: r.objectIds };
  });
  return { ...payload, rollouts: await waitForAll(ctx, payload.rollouts, input.wait) };
};

export const configRotate: MutationResolvers['configRotate'] = async (_root, { input }, ctx) => {
  const payload = await runMutation<RotatePayload<'config', ConfigModel>>(ctx, { operation: 'configRotate', cluster: input.cluster, target: input.id, input }, { config: null, services: [], rollouts: [], oldRemoved: false }, async () => {
    const r = await rotate(ctx, CONFIGS, input);
    return { payload: { config: r.model, services: r.services, rollouts: r.rollouts, oldRemoved: r.oldRemoved }, objectIds: r.objectIds };
  });
  return { ...payload, rollouts: await waitForAll(ctx, payload.rollouts, input.wait) };
};
