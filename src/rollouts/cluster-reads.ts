// What one tracker tick reads of a cluster: one GET /nodes, one inspect per tracked service
// (null once it is gone), then one GET /tasks filtered by the services that still exist. A fixed number
// of engine calls per tick however many clients watch those rollouts.
import { listNodes } from '../docker/api/nodes.ts';
import { inspectService } from '../docker/api/services.ts';
import type { EngineApi } from '../docker/endpoint.ts';
import type { Node, Service, Task } from '../docker/engine-api/index.ts';
import { isNotFound } from '../errors/gateway-error.ts';

export interface ClusterSnapshot {
  nodes: Node[];
  /** By service ID; every tracked service has an entry (empty when it has no task). */
  tasks: Map<string, Task[]>;
  /** By service ID; null: the engine says there is no such service (404). */
  services: Map<string, Service | null>;
}

export async function readCluster(api: EngineApi, serviceIds: readonly string[]): Promise<ClusterSnapshot> {
  // The services first: dockerd answers GET /tasks with 404 when its service filter names a
  // service that is gone, so the task list asks only for those that still exist (one removed
  // service would otherwise make every other rollout of the cluster unreadable).
  const [nodes, inspected] = await Promise.all([
    listNodes(api),
    Promise.all(serviceIds.map((id) => inspectService(api, id).catch((err: unknown) => {
      if (isNotFound(err)) return null;
      throw err;
    }))),
  ]);
  const existing = serviceIds.filter((_, i) => inspected[i]);
  const taskList = existing.length === 0 ? [] : await api.request<Task[]>({ method: 'GET', path: '/tasks', query: { filters: JSON.stringify({ service: existing }) } });
  const tasks = new Map<string, Task[]>(serviceIds.map((id) => [id, []]));
  // The engine's service filter also matches by name prefix: keep only the tracked IDs' tasks.
  for (const t of taskList) tasks.get(t.ServiceID)?.push(t);
  const services = new Map<string, Service | null>(serviceIds.map((id, i) => [id, inspected[i] ?? null]));
  return { nodes, tasks, services };
}
