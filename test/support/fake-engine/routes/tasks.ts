// `/tasks`: list with dockerd's filters (service and node references resolved to IDs
// first, a missing one a 404, as dockerd's task list does) and inspect.
import { notFound } from '../errors.ts';
import type { Router } from '../router.ts';
import type { FakeSwarm, Json } from '../state.ts';
import { labelMatches, nodeOf } from './nodes.ts';
import { serviceOf } from './services.ts';
import { swarmOf } from './swarm.ts';

function matches(state: FakeSwarm, task: Json, filters: Record<string, string[]>): boolean {
  const any = (name: string, test: (v: string) => boolean) => !filters[name]?.length || filters[name]!.some(test);
  const serviceIds = (filters.service ?? []).map((ref) => serviceOf(state, ref).ID);
  const nodeIds = (filters.node ?? []).map((ref) => nodeOf(state, ref).ID);
  return (
    any('id', (v) => task.ID.startsWith(v)) &&
    (!serviceIds.length || serviceIds.includes(task.ServiceID)) &&
    (!nodeIds.length || nodeIds.includes(task.NodeID)) &&
    any('desired-state', (v) => task.DesiredState === v) &&
    any('label', (v) => labelMatches(task.Labels, v)) &&
    // swarmkit's runtime filter: a standalone container's network attachment, or a container task.
    any('runtime', (v) => (task.Spec?.NetworkAttachmentSpec ? 'attachment' : 'container') === v)
  );
}

export function taskRoutes(router: Router): void {
  router.get('/tasks', ({ state, filters }) => {
    swarmOf(state);
    return [...state.tasks.values()].filter((t) => matches(state, t, filters));
  });

  router.get('/tasks/:id', ({ state, params }) => {
    swarmOf(state);
    const task = state.findTask(params.id!);
    if (!task) throw notFound(`task ${params.id} not found`);
    return task;
  });
}
