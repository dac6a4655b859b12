// One `GET /tasks` per cluster shared by every request: a list younger than `maxAgeMs`
// is reused, and requests that find it older all wait for the same next poll. Tasks have
// no swarm-wide events, so this poll bounds their staleness; since every read from the
// watched state waits for it once `maxAgeMs` has passed, it is also what tells a reader
// that the manager still answers (a hung or gone manager fails the poll, not a stale read).
import type { ClusterClient } from '../cluster-client.ts';
import type { Task } from '../engine-api/index.ts';

export interface TaskIndex {
  all: Task[];
  byService: Map<string, Task[]>;
  byNode: Map<string, Task[]>;
}

export class SharedTaskPoll {
  private index: TaskIndex | null = null;
  /** When the poll that produced `index` started: the list is at least as new as that. */
  private polledAt = 0;
  /** Bumped by `invalidate()`: a list from a poll started in an older generation is not used. */
  private generation = 0;
  private indexGeneration = -1;
  private inFlight: { promise: Promise<TaskIndex>; generation: number } | null = null;

  constructor(
    private readonly client: ClusterClient,
    private readonly maxAgeMs: number,
  ) {}

  /** The tasks, at most `maxAgeMs` old (waiting for a poll if needed). */
  current(): Promise<TaskIndex> {
    if (this.index && this.indexGeneration === this.generation && Date.now() - this.polledAt <= this.maxAgeMs) return Promise.resolve(this.index);
    return this.poll();
  }

  /** Forgets the list: the next reader waits for a poll started after now (a change was made). */
  invalidate(): void {
    this.generation++;
  }

  private poll(): Promise<TaskIndex> {
    if (this.inFlight && this.inFlight.generation === this.generation) return this.inFlight.promise;
    // A poll in flight from before an invalidation may have read the engine before the
    // change: the new one starts after it, so answers arrive in order.
    const previous = this.inFlight?.promise;
    const generation = this.generation;
    const run = async (): Promise<TaskIndex> => {
      if (previous) await previous.catch(() => {});
      const started = Date.now();
      const index = indexTasks(await this.client.request<Task[]>({ method: 'GET', path: '/tasks' }));
      this.index = index;
      this.polledAt = started;
      this.indexGeneration = generation;
      return index;
    };
    const promise = run().finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = null;
    });
    this.inFlight = { promise, generation };
    return promise;
  }
}

function indexTasks(all: Task[]): TaskIndex {
  const byService = new Map<string, Task[]>();
  const byNode = new Map<string, Task[]>();
  for (const t of all) {
    push(byService, t.ServiceID, t);
    if (t.NodeID) push(byNode, t.NodeID, t);
  }
  return { all, byService, byNode };
}

function push(map: Map<string, Task[]>, key: string, t: Task): void {
  const list = map.get(key);
  if (list) list.push(t);
  else map.set(key, [t]);
}
