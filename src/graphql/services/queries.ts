// Reads of services: the list with `docker service ls` filters and one service.
import type { QueryResolvers } from '../../generated/graphql.ts';
import { toServiceModel } from '../../docker/model/service.ts';
import { nameKey, paginate } from '../pagination.ts';
import { findService } from './lookup.ts';
import { matchesServiceFilter } from './service-filter.ts';

export const serviceQueries: Pick<QueryResolvers, 'services' | 'service'> = {
  /** The request's one service list (watched state or `GET /services`), filtered here as the Engine would. */
  async services(_root, { cluster, filter, first, after }, ctx) {
    const loaders = ctx.loaders(cluster);
    const services = (await loaders.services()).filter((s) => matchesServiceFilter(s, filter)).map((s) => toServiceModel(loaders.client.name, s));
    return paginate(services, (s) => nameKey(s.name, s.id), { first, after });
  },

  async service(_root, { cluster, id }, ctx) {
    const loaders = ctx.loaders(cluster);
    return toServiceModel(loaders.client.name, await findService(loaders, id));
  },
};
