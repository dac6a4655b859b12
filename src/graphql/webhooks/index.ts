// Outgoing webhooks: `webhooks`, `webhookCreate`, `webhookUpdate`, `webhookRemove` and a
// webhook's deliveries. Who may call them is in src/auth/permissions.ts; what is sent, how
// and when is src/webhooks.
import type { Resolvers } from '../../generated/graphql.ts';
import { webhookCreate } from './create.ts';
import { deliveries, webhooks } from './queries.ts';
import { webhookRemove } from './remove.ts';
import { webhookUpdate } from './update.ts';

export const webhooksResolvers: Resolvers = {
  Query: { webhooks },
  Mutation: { webhookCreate, webhookUpdate, webhookRemove },
  Webhook: { deliveries },
};
