// Node.tasks: the tasks placed on a node, from the per-request batch of `GET /tasks`.
import type { ClusterLoaders } from '../../docker/loaders.ts';
import type { Task as EngineTask } from '../../docker/engine-api/index.ts';
import { toTaskModel } from '../../docker/model/task.ts';
import type { TaskModel } from '../../docker/model/types.ts';

export async function toNodeTaskModels(loaders: ClusterLoaders, cluster: string, tasks: EngineTask[]): Promise<TaskModel[]> {
  if (tasks.length === 0) return [];
  // Network names come from the one network list of the request.
  const networkNames = new Map((await loaders.networks()).map((n) => [n.Id, n.Name]));
  return tasks.map((t) => toTaskModel(cluster, t, networkNames));
}
