// Whether a task runs the service's current spec. The engine's Task JSON carries no spec
// version: docker/cli asks the daemon with the `_up-to-date=true` task filter, which moby
// passes to swarmkit (ListTasks Filters.UpToDate), and swarmkit keeps the tasks that are not
// "dirty" (orchestrator.IsTaskDirty): the task's Spec equals the service's Spec.Task, or they
// differ only in Placement and the task's node meets the new constraints. The engine JSON
// holds both specs (Task.Spec, Service.Spec.TaskTemplate, converted alike), so the same test
// runs here on them. (swarmkit also ignores PullOptions for started tasks; the engine JSON does
// not expose PullOptions, so there is nothing to ignore.)
import type { Node, Service, Task, TaskSpec } from '../engine-api/index.ts';
import { jsonDigest, sameJson } from './canonical-json.ts';
import { nodeMeetsAll } from './eligible-nodes.ts';

/** The spec as swarmkit holds it. The daemon adds `Runtime` to a service's TaskTemplate (from
 *  which of ContainerSpec/PluginSpec/NetworkAttachmentSpec is set) but not to a task's Spec, as
 *  engine JSON read from Docker 20.10 shows (test/unit/fixtures): it says nothing the rest of
 *  the spec does not, so it is left out of the comparison. */
function asSwarmkitHoldsIt(spec: TaskSpec): TaskSpec {
  return { ...spec, Runtime: undefined };
}

export function isTaskUpToDate(service: Service, task: Task, nodesById: ReadonlyMap<string, Node>): boolean {
  if (task.Spec === undefined) return false;
  const current = asSwarmkitHoldsIt(service.Spec.TaskTemplate);
  const spec = asSwarmkitHoldsIt(task.Spec);
  if (sameJson(current, spec)) return true;
  // Placement alone changed: a task already on a node that meets the new constraints stays.
  if (sameJson({ ...current, Placement: undefined }, { ...spec, Placement: undefined })) {
    const node = task.NodeID ? nodesById.get(task.NodeID) : undefined;
    return node !== undefined && nodeMeetsAll(node, current.Placement?.Constraints ?? []) === true;
  }
  return false;
}

/** A task spec's fingerprint, compared as isTaskUpToDate compares (Runtime left out). */
export function taskSpecDigest(spec: TaskSpec): string {
  return jsonDigest(asSwarmkitHoldsIt(spec));
}
