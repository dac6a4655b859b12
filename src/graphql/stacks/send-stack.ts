// Sends a prepared stack, in `docker stack deploy`'s order: networks, then secrets and
// configs, then services (by name), then the prune. Every step is logged as done, so that a
// failure part-way can say exactly what was created or updated and what was not:
// - the first request failing: the failure as it is (runMutation maps it; nothing was made);
// - a refusal after something was sent: a userError naming what was done and what was not;
// - no answer after something was sent (the engine may have acted): an ENGINE_UNAVAILABLE
//   naming the same, which runMutation answers and audits as unknown.
import { createNetwork } from '../../docker/api/networks.ts';
import { createService, inspectService, removeService } from '../../docker/api/services.ts';
import type { Config, ConfigSpec, Secret, SecretSpec, ServiceSpec } from '../../docker/engine-api/index.ts';
import { engineDelivery } from '../../docker/engine-errors.ts';
import { userError } from '../../errors/codes.ts';
import { GatewayError, UserInputError } from '../../errors/gateway-error.ts';
import type { GatewayContext } from '../context.ts';
import type { RolloutModel } from '../rollouts/rollout-model.ts';
import { CONFIGS, SECRETS, type StoredKindInfo } from '../secrets/stored-kinds.ts';
import { changedServicePayload } from '../services/changed-service.ts';
import { checkReadableReferences } from '../services/stored-refs.ts';
import { sendUpdate } from '../services/versioned-update.ts';
import type { PreparedFileObject, PreparedStack } from './prepared-stack.ts';

export interface SentStack {
  rollouts: RolloutModel[];
  warnings: string[];
  removed: { id: string; name: string }[];
  objectIds: string[];
}

/** The swarmkit refusal of a data change in a secret or config update. */
const DATA_CHANGE = /only updates to Labels are allowed/i;

export async function sendStack(ctx: GatewayContext, prepared: PreparedStack, opts: { deadline?: number | null | undefined }): Promise<SentStack> {
  const { loaders } = prepared;
  const client = loaders.client;
  const done: string[] = [];
  const pending: string[] = planned(prepared);
  const sent: SentStack = { rollouts: [], warnings: [], removed: [], objectIds: [] };
  const ids = { networks: new Map<string, string>(), secrets: new Map<string, string>(), configs: new Map<string, string>() };
  for (const n of prepared.networks) if (n.current) ids.networks.set(n.name, n.current.Id);
  for (const s of prepared.secrets) if (s.current) ids.secrets.set(s.name, s.current.ID);
  for (const c of prepared.configs) if (c.current) ids.configs.set(c.name, c.current.ID);

  const step = async (what: string, field: string[], send: () => Promise<void>) => {
    try {
      await send();
    } catch (err) {
      throw partialFailure(err, what, field, done, pending);
    }
    done.push(what);
    pending.shift();
  };

  for (const n of prepared.networks) {
    if (n.action !== 'create' || !n.create) continue;
    await step(`created network "${n.name}"`, ['input', 'compose', 'networks', n.key], async () => {
      const created = await createNetwork(client, n.create!);
      ids.networks.set(n.name, created.Id);
      sent.objectIds.push(created.Id);
      if (created.Warning) sent.warnings.push(created.Warning);
    });
  }
  for (const [info, objects, map, key] of [
    [SECRETS, prepared.secrets, ids.secrets, 'secrets'],
    [CONFIGS, prepared.configs, ids.configs, 'configs'],
  ] as const) {
    for (const o of objects as PreparedFileObject<SecretSpec | ConfigSpec, Secret | Config>[]) {
      if ((o.action !== 'create' && o.action !== 'update') || !o.spec) continue;
      const field = ['input', 'compose', key, o.key];
      await step(`${o.action === 'create' ? 'created' : 'updated'} ${info.kind} "${o.name}"`, field, async () => {
        const api = (info as StoredKindInfo<Secret | Config, never>).api;
        if (o.action === 'create') {
          const id = await api.create(client, o.spec!);
          map.set(o.name, id);
          sent.objectIds.push(id);
        } else if (info.kind === 'secret') {
          await api.updateSpec(client, o.current!, o.spec!).catch((err: unknown) => Promise.reject(dataChangeRefusal(err, info.kind, o.name)));
          sent.objectIds.push(o.current!.ID);
        } else {
          await api.updateLabels(client, o.current!, o.spec!.Labels ?? {});
          sent.objectIds.push(o.current!.ID);
        }
      });
    }
  }
  for (const s of prepared.services) {
    if (s.action !== 'create' && s.action !== 'update') continue;
    const field = ['input', 'compose', 'services', s.key];
    const spec = withIds(s.spec!, ids);
    await step(`${s.action === 'create' ? 'created' : 'updated'} service "${s.name}"`, field, async () => {
      await checkReadableReferences(ctx, client.name, spec, (kind) => [...field, kind]);
      const result = s.action === 'create' ? await create(ctx, prepared, spec, opts) : await sendUpdate(ctx, loaders, s.current!, spec, { deadline: opts.deadline });
      if (result.payload.rollout) sent.rollouts.push(result.payload.rollout);
      sent.warnings.push(...result.payload.warnings);
      sent.objectIds.push(...(result.objectIds ?? []));
    });
  }
  for (const s of prepared.services) {
    if (s.action !== 'remove' || !s.current) continue;
    await step(`removed service "${s.name}"`, ['input', 'prune'], async () => {
      await removeService(client, s.current!.ID);
      sent.removed.push({ id: s.current!.ID, name: s.name });
      sent.objectIds.push(s.current!.ID);
    });
  }
  sent.rollouts.sort((a, b) => (a.serviceName < b.serviceName ? -1 : a.serviceName > b.serviceName ? 1 : 0));
  return sent;
}

async function create(ctx: GatewayContext, prepared: PreparedStack, spec: ServiceSpec, opts: { deadline?: number | null | undefined }) {
  const client = prepared.loaders.client;
  const created = await createService(client, spec);
  const fresh = await inspectService(client, created.ID);
  return changedServicePayload(ctx, { client, before: null, fresh, warnings: created.Warnings, deadlineSeconds: opts.deadline });
}

/** The final spec with the IDs of the networks, secrets and configs created before it (prepare left their names). */
function withIds(spec: ServiceSpec, ids: { networks: Map<string, string>; secrets: Map<string, string>; configs: Map<string, string> }): ServiceSpec {
  const out = structuredClone(spec);
  for (const a of out.TaskTemplate.Networks ?? []) a.Target = ids.networks.get(a.Target) ?? a.Target;
  const cs = out.TaskTemplate.ContainerSpec;
  for (const r of cs?.Secrets ?? []) if (!r.SecretID && r.SecretName) r.SecretID = ids.secrets.get(r.SecretName) ?? '';
  for (const r of cs?.Configs ?? []) if (!r.ConfigID && r.ConfigName) r.ConfigID = ids.configs.get(r.ConfigName) ?? '';
  return out;
}

/** Every write the deploy will make, in order, as the "not done" list of a failure. */
function planned(p: PreparedStack): string[] {
  return [
    ...p.networks.filter((n) => n.action === 'create').map((n) => `create network "${n.name}"`),
    ...p.secrets.filter((s) => s.action === 'create' || s.action === 'update').map((s) => `${s.action} secret "${s.name}"`),
    ...p.configs.filter((s) => s.action === 'create' || s.action === 'update').map((s) => `${s.action} config "${s.name}"`),
    ...p.services.filter((s) => s.action === 'create' || s.action === 'update').map((s) => `${s.action} service "${s.name}"`),
    ...p.services.filter((s) => s.action === 'remove').map((s) => `remove service "${s.name}"`),
  ];
}

function dataChangeRefusal(err: unknown, kind: string, name: string): unknown {
  if (!(err instanceof Error) || !DATA_CHANGE.test(err.message)) return err;
  return new UserInputError([
    userError(null, 'INVALID_VALUE', `The ${kind} "${name}" exists with other data, and swarmkit cannot change a ${kind}'s data. Use ${kind}Rotate, or give the ${kind} a new name in the file (name:).`),
  ]);
}

/** A failure at one step: as it is when nothing was sent yet; otherwise one that says what was done and what was not. */
function partialFailure(err: unknown, what: string, field: string[], done: string[], pending: string[]): unknown {
  const reason = err instanceof UserInputError ? err.userErrors.map((e) => e.message).join('; ') : err instanceof Error ? err.message : String(err);
  if (done.length === 0) {
    if (err instanceof UserInputError) return new UserInputError(err.userErrors.map((e) => ({ ...e, field: e.field ?? field })));
    return err;
  }
  const summary = `Done: ${done.join('; ')}. Not done: ${pending.join('; ')}.`;
  if (engineDelivery(err) === 'maybe' && !(err instanceof UserInputError)) {
    return new GatewayError('ENGINE_UNAVAILABLE', `The stack deploy got no answer from the engine at step "${pending[0] ?? what}" (${reason}). ${summary}`, { sent: true });
  }
  const code = err instanceof UserInputError ? (err.userErrors[0]?.code ?? 'ENGINE_REJECTED') : 'ENGINE_REJECTED';
  return new UserInputError([userError(field, code, `The stack deploy stopped at step "${pending[0] ?? what}" (${reason}). ${summary} Fix the cause and deploy again: what exists is kept and updated.`)]);
}
