// Engine task JSON (`GET /tasks`, `docker inspect TASK`) -> the GraphQL Task model.
// The task's service and node are left as IDs for the resolvers to load in batches.
import type * as M from './types.ts';
import type { Task as EngineTask } from '../engine-api/index.ts';
import type { TaskModel, TaskNetworkAttachmentModel } from './types.ts';

const TASK_STATES = new Set<string>([
  'new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting',
  'running', 'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned',
]);

/**
 * Network names come from the task itself: the Engine copies each attached network's
 * object, Spec included, into the task (swarm.NetworkAttachment), so naming a task's
 * networks needs no network list (issue 12). Swarm networks cannot be renamed, so the copy
 * is the network's name; it also names a network removed since. `networkNames` is only
 * a fallback for an attachment without a name (none seen from Docker 20.10); without one
 * such a name is '' and the GraphQL field looks the network up.
 */
export function toTaskModel(cluster: string, t: EngineTask, networkNames?: ReadonlyMap<string, string>): TaskModel {
  return {
    cluster,
    id: t.ID,
    serviceId: t.ServiceID,
    slot: t.Slot ? t.Slot : null,
    nodeId: t.NodeID || null,
    state: toTaskState(t.Status.State),
    desiredState: toTaskState(t.DesiredState),
    message: t.Status.Message || null,
    error: t.Status.Err || null,
    containerId: t.Status.ContainerStatus?.ContainerID || null,
    networkAttachments: taskNetworkAttachments(cluster, t, networkNames),
    createdAt: t.CreatedAt,
    updatedAt: t.Status.Timestamp ?? t.UpdatedAt,
  };
}

export function taskNetworkAttachments(cluster: string, t: EngineTask, networkNames?: ReadonlyMap<string, string>): TaskNetworkAttachmentModel[] {
  return (t.NetworksAttachments ?? []).map((a) => ({
    cluster,
    networkId: a.Network.ID,
    networkName: a.Network.Spec?.Name || networkNames?.get(a.Network.ID) || '',
    addresses: a.Addresses ?? [],
  }));
}

/** Network ID -> name, as the tasks' own attachments name them (see toTaskModel). */
export function attachedNetworkNames(tasks: readonly EngineTask[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of tasks) for (const a of t.NetworksAttachments ?? []) if (a.Network.Spec?.Name) names.set(a.Network.ID, a.Network.Spec.Name);
  return names;
}

/** The Engine's lower-case state as the schema's enum value. */
export function toTaskState(state: string): M.TaskState {
  const s = state.toLowerCase();
  // An engine newer than the schema could report a state we do not know; `pending` is
  // the closest neutral reading rather than failing the whole query.
  return (TASK_STATES.has(s) ? s.toUpperCase() : 'PENDING') as M.TaskState;
}

/** The schema's enum value as the Engine's filter value (`desired-state=running`). */
export function toEngineTaskState(state: M.TaskState): string {
  return state.toLowerCase();
}
