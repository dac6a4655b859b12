// `triggerCreate`: a redeploy trigger for a service the caller may update (a deployer of that
// service: the service is looked up in the mutation's own label scope, like serviceUpdate, so
// another team's service is NOT_FOUND). The trigger keeps the caller's principal and the
// grants it holds on that cluster now: its changes are made as the caller, never with more.
// The secret is made here and returned once; the audit record gets the input, which holds none.
import { grantCoversCluster } from '../../grants/grant.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import type { MutationResolvers, TriggerCreatePayload } from '../../generated/graphql.ts';
import { operationScope } from '../access/field-decision.ts';
import { runMutation } from '../run-mutation.ts';
import { findServiceToChange } from '../services/lookup.ts';
import { triggerStore, triggerToGraphQL, usingTriggerDatabase } from './trigger-graphql.ts';

export const triggerCreate: MutationResolvers['triggerCreate'] = async (_root, { input }, ctx) => {
  const store = triggerStore(ctx.database);
  return runMutation<TriggerCreatePayload>(ctx, { operation: 'triggerCreate', cluster: input.cluster, target: input.service, input }, { trigger: null, secret: null }, async () => {
    const { principal } = ctx.authority;
    // An anonymous caller is nobody in particular: no one would answer for the trigger's changes.
    if (principal.kind === 'anonymous') throw new GatewayError('FORBIDDEN', 'triggerCreate: an anonymous caller cannot make a redeploy trigger');
    const loaders = ctx.loaders(input.cluster);
    const service = await findServiceToChange(loaders, operationScope(ctx), input.service);
    const cluster = loaders.client.name;
    const { secret, row } = await usingTriggerDatabase(ctx.logger, () =>
      store.create({
        cluster,
        serviceId: service.ID,
        serviceName: service.Spec.Name ?? service.ID,
        action: input.action ?? 'REDEPLOY',
        createdBy: principal.id,
        creatorKind: principal.kind as 'token' | 'oidc',
        grants: principal.grants.filter((g) => grantCoversCluster(g, cluster)),
      }),
    );
    return { payload: { trigger: triggerToGraphQL(row), secret }, objectIds: [row.id] };
  });
};
