// The Engine's filters for swarm tasks (`docker service ps`, `docker node ps`); the
// tasks themselves are read through the loaders, batched.

/** Engine filters of `GET /tasks`: IDs (not names) for service and node. */
export interface TaskListFilters {
  id?: string[];
  service?: string[];
  node?: string[];
  'desired-state'?: string[];
}
