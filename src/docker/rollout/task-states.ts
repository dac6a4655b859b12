// Task states in the order the engine advances them (swarmkit's TaskState enum, as docker/cli's
// service progress numbers them). States not listed (remove, orphaned, anything newer) are
// unknown here: the slot rules skip such tasks, as the CLI does.
const ORDER = ['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running', 'complete', 'shutdown', 'failed', 'rejected'] as const;

/** The state's rank (1 = new ... 13 = rejected), 0 when unknown. */
export function stateRank(state: string | undefined | null): number {
  return ORDER.indexOf(state as (typeof ORDER)[number]) + 1;
}

const RUNNING = stateRank('running');

/** Past running: the task will not (or, as a desired state, should not) run again. */
export function isTerminalState(state: string | undefined | null): boolean {
  return stateRank(state) > RUNNING;
}

/** Failed or rejected: the states the failed count counts. */
export function isFailedState(state: string | undefined | null): boolean {
  return state === 'failed' || state === 'rejected';
}
