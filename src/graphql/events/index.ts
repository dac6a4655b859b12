// `events` subscription: the cluster's Engine events, filtered by the Engine itself, resumed
// on another manager when its manager goes away (src/docker/events.ts).
import type { EventScope, EventType, Resolvers } from '../../generated/graphql.ts';
import type { EngineEvent } from '../../docker/engine-api/index.ts';
import { engineTimestampOf, eventTimeMs } from '../../docker/engine-time.ts';
import { engineEvents } from '../../docker/events.ts';

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
          // Fails the subscription's first event, as an engine failure would (graphql-ws sends an `error`).
          return (async function* () {
            throw err;
          })();
        }
        const filters: Record<string, string[]> = { type: (args.filter?.types ?? ALL_TYPES).map((t) => t.toLowerCase()) };
        if (args.filter?.actions?.length) filters.event = [...args.filter.actions];
        if (args.filter?.label?.length) filters.label = [...args.filter.label];
        const since = args.since ? engineTimestampOf(args.since) : undefined;
        return engineEvents(client, filters, since);
      },
      resolve: (event: EngineEvent) => toEvent(event),
    },
  },
};
