// The events of a cluster for a label-scoped subscriber: the engine's stream, opened first
// so that nothing falls between it and the objects decided at the start, then passed
// through scopedEventFilter. Lookups go to the cluster's watched state, else the engine.
import type { Scope } from '../../auth/access-decision.ts';
import type { ClusterClient } from '../../docker/cluster-client.ts';
import type { EngineEvent } from '../../docker/engine-api/index.ts';
import { engineEvents } from '../../docker/events.ts';
import type { GatewayContext } from '../context.ts';
import { admittedEvents } from './admitted-events.ts';
import { EventObjectScopes } from './event-object-scopes.ts';
import { scopedEventFilter } from './scoped-event-filter.ts';

export async function scopedEvents(
  ctx: GatewayContext,
  client: ClusterClient,
  scope: Scope,
  filters: Record<string, string[]>,
  since: string | undefined,
): Promise<AsyncIterableIterator<EngineEvent>> {
  const source = engineEvents(client, filters, since);
  const watch = ctx.registry.watchOf(client);
  const objects = new EventObjectScopes(scope, {
    api: client,
    watched: async () => (watch ? await watch.current() : null),
    lookupFailed: (kind, id, err) => ctx.logger.debug({ kind, id, err: err instanceof Error ? err.message : String(err) }, 'event dropped: its object could not be looked up'),
  });
  try {
    // Everything, not only what the caller reads: an out-of-scope object is then known as such.
    const loaders = ctx.loaders(client.name).unscoped();
    const [services, networks] = await Promise.all([loaders.services(), loaders.networks()]);
    objects.seed(services, networks);
  } catch (err) {
    await source.return?.();
    throw err;
  }
  const readsNodes = ctx.authority.decide('Query.nodes', client.name).allowed;
  return admittedEvents(source, scopedEventFilter({ scope, objects, readsNodes }));
}
