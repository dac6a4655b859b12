// The Engine's task filters (`GET /tasks?filters=`) applied to a list of tasks held in
// memory, for the filters whose meaning can be reproduced exactly from the task's JSON.
// Any other filter (a name, a label, a service given by name) is left to the engine.
import type { Task } from '../engine-api/index.ts';

type Match = (task: Task, value: string) => boolean;

const MATCHERS: Record<string, Match> = {
  // The engine matches task IDs by prefix, as `docker inspect` does.
  id: (t, v) => t.ID.startsWith(v),
  // Service and node filters arrive as full IDs here (references are resolved first).
  service: (t, v) => t.ServiceID === v,
  node: (t, v) => (t.NodeID ?? '') === v,
  'desired-state': (t, v) => t.DesiredState === v,
  runtime: (t, v) => runtimeOf(t) === v,
};

/** The filter as a predicate over tasks, or null when one of its keys needs the engine. */
export function taskFilterPredicate(filters: Record<string, readonly string[]>): ((t: Task) => boolean) | null {
  const entries = Object.entries(filters);
  if (entries.some(([key]) => !MATCHERS[key])) return null;
  // As the engine does: values of one key are alternatives, keys must all hold.
  return (t) => entries.every(([key, values]) => values.length === 0 || values.some((v) => MATCHERS[key]!(t, v)));
}

/** What swarmkit calls a task's runtime: a network attachment, a plugin, or a container. */
function runtimeOf(t: Task): string {
  if (t.Spec?.NetworkAttachmentSpec) return 'attachment';
  return t.Spec?.Runtime ?? 'container';
}
