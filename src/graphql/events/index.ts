// `events` subscription: the cluster's Engine events, filtered by the Engine itself, resumed
// on another manager when its manager goes away (src/docker/events.ts). A label-scoped
// subscriber gets only the events about objects in its scope (scoped-subscription.ts);
// everybody else gets the engine's stream as it is.
import type { EventScope, EventType, Resolvers } from '../../generated/graphql.ts';
import type { EngineEvent } from '../../docker/engine-api/index.ts';
import { engineTimestampOf, eventTimeMs } from '../../docker/engine-time.ts';
import { engineEvents } from '../../docker/events.ts';
import { operationScope } from '../access/field-decision.ts';
import { scopedEvents } from './scoped-subscription.ts';

const ALL_TYPES: EventType[] = ['SERVICE', 'NODE', 'NETWORK', 'CONTAINER'];

function toEvent(e: EngineEvent) {
  const attributes = Object.entries(e.Actor.Attributes ?? {}).map(([key, value]) => ({ key, value }));
  return {
    type: e.Type.toUpperCase() as EventType,
    action: e.Action,
    actorId: e.Actor.ID,
    actorName: e.Actor.Attributes?.name ?? null,
    attributes,
    scope: (e.scope ?? 'local') as EventScope,
    time: new Date(eventTimeMs(e)).toISOString(),
  };
}

/** An iterator whose first step fails with `err`, as an engine failure would (graphql-ws sends an `error`). */
function failing(err: unknown): AsyncIterableIterator<EngineEvent> {
  return (async function* () {
    throw err;
  })();
}

export const eventsResolvers: Resolvers = {
  Subscription: {
    events: {
      // The engine's iterator itself, not a generator around it: closing the subscription
      // calls its return(), which closes the engine stream at once (src/docker/events.ts).
      subscribe: (_root, args, ctx) => {
        let client;
        try {
          client = ctx.registry.cluster(args.cluster);
        } catch (err) {
          return failing(err);
        }
        const filters: Record<string, string[]> = { type: (args.filter?.types ?? ALL_TYPES).map((t) => t.toLowerCase()) };
        if (args.filter?.actions?.length) filters.event = [...args.filter.actions];
        if (args.filter?.label?.length) filters.label = [...args.filter.label];
        const since = args.since ? engineTimestampOf(args.since) : undefined;
        const scope = operationScope(ctx);
        if (scope.all) return engineEvents(client, filters, since);
        return scopedEvents(ctx, client, scope, filters, since).catch(failing);
      },
      resolve: (event: EngineEvent) => toEvent(event),
    },
  },
};
