// Which kind of rollout a service change starts, from the spec before and after it: the one
// place that decides whether a change makes the swarm start or replace tasks at all.
//
// Why these rules: swarmkit's orchestrators replace a task when it is "dirty", i.e. the
// service's task spec (TaskTemplate, ForceUpdate included) or its endpoint spec differs from
// the one the task was made from; a changed replica count only adds or removes slots, and
// everything else in the service spec (labels, name, update and rollback policies) is read by
// the orchestrator but changes no task. Job services are the exception: swarmkit's controlapi
// increments the job's JobIteration on every accepted update, so any change to a job runs its
// tasks again (checked against swarmkit's manager/controlapi/service.go). Which tasks a change
// replaces, per task, is task-dirty.ts (placement-only changes leave tasks whose node still
// meets the constraints in place); the kind here stays per service: an UPDATE of the placement
// alone still runs the swarm's updater (UpdateStatus updating -> completed), even when it ends
// up replacing no task, so it is tracked as one.
import { isDeepStrictEqual } from 'node:util';
import type { ServiceSpec, TaskSpec } from '../engine-api/index.ts';
import { serviceModeOf } from '../model/service.ts';
import type { RolloutKind } from './index.ts';

/**
 * The kind of rollout a change from `before` (null: the service is new) to `after` starts, or
 * null when the change replaces no task. The more sweeping kind wins: a new task spec with a new
 * replica count is an UPDATE.
 */
export function rolloutKindOf(before: ServiceSpec | null, after: ServiceSpec): RolloutKind | null {
  if (before === null) return 'CREATE';
  const mode = serviceModeOf(after);
  if (serviceModeOf(before) !== mode) return 'UPDATE';
  if (!isDeepStrictEqual(withoutForceUpdate(before.TaskTemplate), withoutForceUpdate(after.TaskTemplate))) return 'UPDATE';
  if (!isDeepStrictEqual(before.EndpointSpec ?? null, after.EndpointSpec ?? null)) return 'UPDATE';
  if ((before.TaskTemplate.ForceUpdate ?? 0) !== (after.TaskTemplate.ForceUpdate ?? 0)) return 'REDEPLOY';
  if (!isDeepStrictEqual(before.Mode, after.Mode)) return 'SCALE';
  // A job's tasks run again on any update (a new iteration), with the same spec: a redeploy.
  if (mode === 'REPLICATED_JOB' || mode === 'GLOBAL_JOB') return 'REDEPLOY';
  return null;
}

function withoutForceUpdate(spec: TaskSpec): Omit<TaskSpec, 'ForceUpdate'> {
  const { ForceUpdate: _force, ...rest } = spec;
  return rest;
}
