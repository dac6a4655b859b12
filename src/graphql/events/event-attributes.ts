// The attributes a label-scoped subscriber gets of an event about an object in its scope:
// an allow-list per kind of object, so that an attribute the Engine adds one day is not
// shown until someone decides it names nothing of another team's. Documented in the SDL
// (`Event.attributes`) and README; change the three together.
import type { Scope } from '../../auth/access-decision.ts';
import type { EngineEvent } from '../../docker/engine-api/index.ts';

/** A service event's attributes: its name and the changes `docker service update` made (all of that service). */
export const SERVICE_ATTRIBUTES: ReadonlySet<string> = new Set(['name', 'image.old', 'image.new', 'replicas.old', 'replicas.new', 'updatestate.old', 'updatestate.new']);

/** A network event's attributes; `container` (connect, disconnect) only when that container is in scope too. */
export const NETWORK_ATTRIBUTES: ReadonlySet<string> = new Set(['name', 'type']);
export const NETWORK_CONTAINER_ATTRIBUTE = 'container';

/** What the Engine adds to a container event beside the container's labels (they share one map). */
export const CONTAINER_EVENT_FIELDS: ReadonlySet<string> = new Set(['name', 'image', 'exitCode', 'signal', 'execID', 'execDuration', 'oldName']);

/**
 * A container event's attributes: its name and image, how it ended or was signalled, and of
 * its labels only the swarm task's own (its service and task, both in scope when the
 * container is) and the caller's scope labels. Its other labels are dropped: image and
 * user labels are free text that may name anything (another team's database, say).
 */
export const CONTAINER_ATTRIBUTES: ReadonlySet<string> = new Set([
  'name',
  'image',
  'exitCode',
  'signal',
  'com.docker.swarm.service.id',
  'com.docker.swarm.service.name',
  'com.docker.swarm.task.id',
  'com.docker.swarm.task.name',
]);

/** The container's labels as a container event carries them (the Engine's own fields taken out). */
export function containerLabelsOf(event: EngineEvent): Record<string, string> {
  return Object.fromEntries(Object.entries(event.Actor.Attributes ?? {}).filter(([key]) => !CONTAINER_EVENT_FIELDS.has(key)));
}

/** Whether `key=value` is one of the scope's own labels (`team=payments`): it says only what the caller already knows. */
export function isScopeLabel(scope: Scope, key: string, value: string): boolean {
  return scope.selectors.some((selector) => selector.some(([k, v]) => k === key && v === value));
}

/** The event with only the attributes `keep` accepts. */
export function withAttributes(event: EngineEvent, keep: (key: string, value: string) => boolean): EngineEvent {
  const attributes = Object.fromEntries(Object.entries(event.Actor.Attributes ?? {}).filter(([key, value]) => keep(key, value)));
  return { ...event, Actor: { ...event.Actor, Attributes: attributes } };
}
