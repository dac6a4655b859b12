// `webhookCreate`: a URL on the allow-list, the events, and a secret (generated here and
// returned once when not given). A scoped deployer's webhook gets its grant's label scope and
// hears only of that scope's services; one for every cluster needs grants on every cluster.
// The audit intent holds the input with `secret` redacted (src/audit/redact.ts).
import type { MutationResolvers } from '../../generated/graphql.ts';
import { userError } from '../../errors/codes.ts';
import { fieldDecision } from '../access/field-decision.ts';
import { rejectIfAny, runMutation } from '../run-mutation.ts';
import { managesWebhook, scopeForNewWebhook } from './webhook-access.ts';
import { usingWebhookDatabase, webhookStore } from './webhook-database.ts';
import { webhookToGraphQL, type WebhookCreatePayloadModel } from './webhook-graphql.ts';
import { descriptionErrors, distinctEvents, eventsErrors, generateWebhookSecret, secretErrors, urlErrors } from './webhook-input.ts';

export const webhookCreate: MutationResolvers['webhookCreate'] = async (_root, { input }, ctx) => {
  const store = webhookStore(ctx.database);
  const where = input.cluster == null ? { gatewayWide: true } : { cluster: input.cluster };
  return runMutation<WebhookCreatePayloadModel>(ctx, { operation: 'webhookCreate', ...where, target: input.url, input }, { webhook: null, secret: null }, async () => {
    const errors = [
      ...urlErrors(ctx.webhooks.allowList, input.url),
      ...eventsErrors(input.events),
      ...(input.secret == null ? [] : secretErrors(input.secret)),
      ...(input.description == null ? [] : descriptionErrors(input.description)),
    ];
    const scope = scopeForNewWebhook(fieldDecision(ctx).scope);
    const cluster = input.cluster == null ? null : ctx.registry.cluster(input.cluster).name;
    if (cluster === null && !managesWebhook(ctx.authority, 'Mutation.webhookCreate', ctx.registry.clusterNames(), { cluster, scope })) {
      errors.push(userError(['input', 'cluster'], 'NOT_PERMITTED', 'Your grants do not allow webhooks on every cluster: name the cluster this webhook is for.'));
    }
    rejectIfAny(errors);
    const secret = input.secret ?? generateWebhookSecret();
    const row = await usingWebhookDatabase(ctx.logger, () =>
      store.create({
        url: input.url.trim(),
        events: distinctEvents(input.events),
        cluster,
        scope,
        secret,
        description: input.description ?? null,
        createdBy: ctx.authority.principal.id,
      }),
    );
    return { payload: { webhook: webhookToGraphQL(row), secret: input.secret == null ? secret : null }, objectIds: [row.id] };
  });
};
