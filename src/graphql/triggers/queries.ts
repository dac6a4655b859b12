// `triggers`: a cluster's redeploy triggers the caller may manage (manageable.ts), of one
// service when asked (looked up like serviceUpdate: out of scope is NOT_FOUND). Triggers are
// few per cluster, so the whole list is read and filtered.
import type { Service as EngineService } from '../../docker/engine-api/index.ts';
import type { QueryResolvers } from '../../generated/graphql.ts';
import { operationScope } from '../access/field-decision.ts';
import { findServiceToChange } from '../services/lookup.ts';
import { mayManageTrigger } from './manageable.ts';
import { triggerStore, triggerToGraphQL, usingTriggerDatabase } from './trigger-graphql.ts';

export const triggers: QueryResolvers['triggers'] = async (_root, { cluster, service: serviceRef }, ctx) => {
  const store = triggerStore(ctx.database);
  const loaders = ctx.loaders(cluster);
  const scope = operationScope(ctx);
  const one = serviceRef ? await findServiceToChange(loaders, scope, serviceRef) : null;
  const rows = await usingTriggerDatabase(ctx.logger, () => store.list(loaders.client.name, one?.ID));
  const services = new Map<string, EngineService>((one ? [one] : scope.all ? [] : await loaders.services()).map((s) => [s.ID, s]));
  return rows.filter((row) => mayManageTrigger(ctx.authority.principal, scope, row, services.get(row.serviceId) ?? null)).map(triggerToGraphQL);
};
