// `triggerRemove`: by ID, only a trigger the caller may manage (manageable.ts); any other is
// NOT_FOUND. Its cluster is the trigger's own, so the caller's scope there is what decides.
import type { AccessDecision } from '../../auth/access-decision.ts';
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import { notFound } from '../../errors/gateway-error.ts';
import type { MutationResolvers, TriggerRemovePayload } from '../../generated/graphql.ts';
import type { GatewayContext } from '../context.ts';
import { runMutation } from '../run-mutation.ts';
import type { TriggerRow } from '../../triggers/index.ts';
import { mayManageTrigger } from './manageable.ts';
import { triggerStore, usingTriggerDatabase } from './trigger-graphql.ts';

export const triggerRemove: MutationResolvers['triggerRemove'] = async (_root, { input }, ctx) => {
  const store = triggerStore(ctx.database);
  return runMutation<TriggerRemovePayload>(ctx, { operation: 'triggerRemove', gatewayWide: true, target: input.id, input }, { removed: [] }, async () => {
    const row = await usingTriggerDatabase(ctx.logger, () => store.find(input.id));
    if (!row || !(await manageable(ctx, row))) throw notFound('redeploy trigger', input.id);
    const removed = await usingTriggerDatabase(ctx.logger, () => store.remove(row.id));
    if (!removed) throw notFound('redeploy trigger', input.id);
    return { payload: { removed: [{ id: row.id, name: row.serviceName }] }, objectIds: [row.id] };
  });
};

/** The decision on the trigger's own cluster (the field itself is gateway-wide), then the service's labels. */
async function manageable(ctx: GatewayContext, row: TriggerRow): Promise<boolean> {
  const decision: AccessDecision = ctx.authority.decide('Mutation.triggerRemove', row.cluster);
  if (!decision.allowed) return row.createdBy === ctx.authority.principal.id;
  let service: EngineService | null = null;
  if (!decision.scope.all && ctx.registry.clusterNames().includes(row.cluster)) service = await ctx.loaders(row.cluster).serviceToChange(row.serviceId);
  return mayManageTrigger(ctx.authority.principal, decision.scope, row, service);
}
