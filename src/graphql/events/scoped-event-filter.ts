// What a label-scoped subscriber (e.g. `viewer:team=payments`) is shown of a cluster's
// events: an event passes only when the object it is about is in the subscriber's scope
// (event-object-scopes.ts decides), and then with the allow-listed attributes only
// (event-attributes.ts), so nothing of another team's objects shows, not even a name.
import type { Scope } from '../../auth/access-decision.ts';
import { eventTimeMs } from '../../docker/engine-time.ts';
import type { EngineEvent } from '../../docker/engine-api/index.ts';
import {
  CONTAINER_ATTRIBUTES,
  containerLabelsOf,
  isScopeLabel,
  NETWORK_ATTRIBUTES,
  NETWORK_CONTAINER_ATTRIBUTE,
  SERVICE_ATTRIBUTES,
  withAttributes,
} from './event-attributes.ts';
import type { EventObjectScopes } from './event-object-scopes.ts';

export interface ScopedEventFilterOptions {
  scope: Scope;
  objects: EventObjectScopes;
  /**
   * Whether the subscriber may read nodes on this cluster (`Query.nodes`). Node events are
   * shown exactly when it may: nodes carry no team's labels, they are the whole cluster's,
   * so a label-scoped grant reads none (Query.nodes is `refused` to it, Task.node is null).
   */
  readsNodes: boolean;
}

/** Service actions after which the service's labels may differ: its scope is decided again. */
const SERVICE_CHANGES = new Set(['create', 'update']);
const NETWORK_GONE = new Set(['remove', 'destroy']);

/** The event as the subscriber may see it, or null when it is about nothing in its scope. */
export function scopedEventFilter(options: ScopedEventFilterOptions): (event: EngineEvent) => Promise<EngineEvent | null> {
  const { scope, objects, readsNodes } = options;
  return async (event) => {
    const id = event.Actor.ID;
    switch (event.Type) {
      case 'service': {
        const question = SERVICE_CHANGES.has(event.Action) ? { changedAtMs: eventTimeMs(event) } : { gone: event.Action === 'remove' };
        if (!(await objects.service(id, question))) return null;
        return withAttributes(event, (key) => SERVICE_ATTRIBUTES.has(key));
      }
      case 'network': {
        if (!(await objects.network(id, NETWORK_GONE.has(event.Action)))) return null;
        const container = event.Actor.Attributes?.[NETWORK_CONTAINER_ATTRIBUTE];
        const showContainer = container !== undefined && (await objects.container(container));
        return withAttributes(event, (key) => NETWORK_ATTRIBUTES.has(key) || (key === NETWORK_CONTAINER_ATTRIBUTE && showContainer));
      }
      case 'container': {
        if (!(await objects.container(id, containerLabelsOf(event), event.Action === 'destroy'))) return null;
        return withAttributes(event, (key, value) => CONTAINER_ATTRIBUTES.has(key) || isScopeLabel(scope, key, value));
      }
      case 'node':
        return readsNodes ? event : null;
      default:
        // A kind this gateway does not stream (see EventType): nothing to decide it by.
        return null;
    }
  };
}
