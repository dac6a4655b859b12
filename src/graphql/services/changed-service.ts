// The common end of every service mutation that changes a service: the payload with the
// service as read back and the rollout the change started, and, after the audit outcome is
// written, the optional wait for that rollout's conclusion.
import type { ClusterClient } from '../../docker/cluster-client.ts';
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import { rolloutKindOf } from '../../docker/rollout/rollout-kind.ts';
import type { RolloutKind } from '../../docker/rollout/index.ts';
import type { GatewayContext } from '../context.ts';
import type { MutationResult } from '../run-mutation.ts';
import { toRolloutModel, type RolloutModel } from '../rollouts/rollout-model.ts';
import type { ServicePayloadModel } from './payloads.ts';

export interface ServiceChange {
  client: ClusterClient;
  /** The service just before the change; null for a create. */
  before: EngineService | null;
  /** The service read back right after the engine accepted the change. */
  fresh: EngineService;
  warnings: readonly string[] | null | undefined;
  /** Set by serviceRollback; otherwise the kind follows from the specs (rolloutKindOf). */
  kind?: RolloutKind;
  /** The caller's `deadline` input (seconds). */
  deadlineSeconds: number | null | undefined;
}

/**
 * Called inside the mutation's change, once the engine accepted it: the rollout is stored
 * and tracked before the audit outcome says `succeeded`, so a rollout exists for every change
 * on record. Starting it can fail (the gateway's database): that must not turn a change the
 * engine made into an error (a retry would make it twice), so it is logged and answered with
 * `rollout: null` and a warning saying the change was made.
 */
export async function changedServicePayload(ctx: GatewayContext, change: ServiceChange): Promise<MutationResult<Omit<ServicePayloadModel, 'userErrors'>>> {
  const warnings = [...(change.warnings ?? [])];
  const kind = change.kind ?? rolloutKindOf(change.before?.Spec ?? null, change.fresh.Spec);
  let rollout: RolloutModel | null = null;
  if (kind !== null) {
    try {
      const started = await ctx.rollouts.start({
        client: change.client,
        kind,
        service: change.fresh,
        before: change.before,
        startedBy: ctx.authority.principal.id,
        deadlineSeconds: change.deadlineSeconds,
      });
      rollout = toRolloutModel(started);
    } catch (err) {
      ctx.logger.error({ err, serviceId: change.fresh.ID, kind }, 'the rollout of a service change could not be started');
      warnings.push('The change was made, but the gateway could not follow its rollout (no rollout is recorded for it): read the service\'s tasks to see how it goes.');
    }
  }
  return {
    payload: { service: toServiceModel(change.client.name, change.fresh), warnings, rollout },
    objectIds: [change.fresh.ID],
  };
}

/**
 * `wait`: after runMutation returned (the outcome is on record, so a caller that gives up
 * waiting loses nothing), holds the answer until the rollout concludes or `wait` seconds
 * pass, and answers with the rollout as it stands then. A failure to wait is logged and
 * answered with the rollout as it was when the change was made: the change itself succeeded.
 */
export async function afterWait<P extends { rollout: RolloutModel | null }>(ctx: GatewayContext, payload: P, waitSeconds: number | null | undefined): Promise<P> {
  const rollout = payload.rollout;
  if (!waitSeconds || !rollout || rollout.conclusion !== null) return payload;
  try {
    return { ...payload, rollout: toRolloutModel(await ctx.rollouts.waitForConclusion(rollout.id, waitSeconds * 1000)) };
  } catch (err) {
    ctx.logger.error({ err, rolloutId: rollout.id }, 'waiting for a rollout failed');
    return payload;
  }
}
