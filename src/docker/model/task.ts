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
 * `networkNames` maps network IDs to names (from the network list); the attachment's own
 * copy of the network spec is used when a network is not in it (removed since).
 */
export function toTaskModel(cluster: string, t: EngineTask, networkNames: ReadonlyMap<string, string>): TaskModel {
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

export function taskNetworkAttachments(cluster: string, t: EngineTask, networkNames: ReadonlyMap<string, string>): TaskNetworkAttachmentModel[] {
  return (t.NetworksAttachments ?? []).map((a) => ({
    cluster,
    networkId: a.Network.ID,
    networkName: networkNames.get(a.Network.ID) ?? a.Network.Spec?.Name ?? '',
    addresses: a.Addresses ?? [],
  }));
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
