// Who is told of a rollout's changes in this process: watch() iterators and waiters. One
// listener set per rollout ID, removed with the last listener, so nothing outlives its reader.
import type { RolloutRecord } from './rollouts.ts';

export type RolloutListener = (rollout: RolloutRecord) => void;

export class RolloutChanges {
  private readonly listeners = new Map<string, Set<RolloutListener>>();

  /** Listens to one rollout; the returned function stops it. */
  subscribe(id: string, listener: RolloutListener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(id) === set) this.listeners.delete(id);
    };
  }

  publish(rollout: RolloutRecord): void {
    for (const listener of [...(this.listeners.get(rollout.id) ?? [])]) listener(rollout);
  }

  /** How many rollouts have listeners (tests check nothing is left behind). */
  get watchedCount(): number {
    return this.listeners.size;
  }
}
