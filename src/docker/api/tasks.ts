// Thin Engine API calls about swarm tasks (`docker service ps`, `docker node ps`).
import type { EngineTask } from '../engine-json.ts';
import type { EngineApi } from './swarm.ts';

/** Engine filters of `GET /tasks`: IDs (not names) for service and node. */
export interface TaskListFilters {
  id?: string[];
  service?: string[];
  node?: string[];
  'desired-state'?: string[];
}

export function listTasks(api: EngineApi, filters: TaskListFilters = {}): Promise<EngineTask[]> {
  const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v && v.length > 0));
  return api.request<EngineTask[]>({
    method: 'GET',
    path: '/tasks',
    query: { filters: Object.keys(given).length ? JSON.stringify(given) : undefined },
  });
}

/** `docker inspect TASK` by full ID. */
export function inspectTask(api: EngineApi, id: string): Promise<EngineTask> {
  return api.request<EngineTask>({ method: 'GET', path: `/tasks/${encodeURIComponent(id)}` });
}
