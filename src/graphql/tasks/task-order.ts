// The order of task lists and the key their cursors carry, as `docker service ps` shows
// them: by service, then slot (or node, for global services), newest task first.
import type { TaskModel } from '../../docker/model/types.ts';

const LATEST = 9_999_999_999_999;

export function taskKey(t: TaskModel): string {
  const slot = t.slot !== null ? String(t.slot).padStart(10, '0') : (t.nodeId ?? '');
  const age = String(LATEST - (Date.parse(t.createdAt) || 0)).padStart(13, '0');
  return [t.serviceId, slot, age, t.id].join('\u0000');
}
