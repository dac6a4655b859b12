// A stored rollout (src/rollouts) as the schema's Rollout: ISO dates, the engine's task-state
// words as the TaskState enum (the way task models map them), and the swarm's update state as
// the UpdateState enum, whose internal values are the engine's words. The `service` field is
// resolved from the cluster and service ID (rollout-fields.ts).
import type { Rollout, RolloutSlot, UpdateState } from '../../generated/graphql.ts';
import type { RolloutSlotView } from '../../docker/rollout/index.ts';
import { toTaskState } from '../../docker/model/task.ts';
import type { RolloutRecord } from '../../rollouts/rollouts.ts';
import { ENGINE_ENUM_VALUES } from '../enum-values.ts';

export type RolloutModel = Omit<Rollout, '__typename' | 'service' | 'slots'> & { slots: RolloutSlot[] };

const UPDATE_STATES = new Set<string>(Object.values(ENGINE_ENUM_VALUES.UpdateState));

export function toRolloutModel(r: RolloutRecord): RolloutModel {
  return {
    id: r.id,
    cluster: r.cluster,
    serviceId: r.serviceId,
    serviceName: r.serviceName,
    kind: r.kind,
    status: r.status,
    conclusion: r.conclusion,
    reason: r.reason,
    desired: r.desired,
    running: r.running,
    upToDate: r.upToDate,
    failed: r.failed,
    slots: r.slots.map(toSlot),
    // A word a newer engine knows and the schema does not would fail the whole field: null instead.
    updateState: r.updateState !== null && UPDATE_STATES.has(r.updateState) ? (r.updateState as UpdateState) : null,
    updateMessage: r.updateMessage,
    serviceVersion: r.serviceVersion,
    startedBy: r.startedBy,
    startedAt: r.startedAt.toISOString(),
    concludedAt: r.concludedAt?.toISOString() ?? null,
    deadline: r.deadline.toISOString(),
    supersededBy: r.supersededBy,
  };
}

function toSlot(s: RolloutSlotView): RolloutSlot {
  return {
    slot: s.slot,
    nodeId: s.nodeId,
    taskId: s.taskId,
    state: s.state === null ? null : toTaskState(s.state),
    desiredState: s.desiredState === null ? null : toTaskState(s.desiredState),
    upToDate: s.upToDate,
    error: s.error,
    message: s.message,
  };
}
