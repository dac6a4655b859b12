// The rollout-tracking background job: only its leader resumes the rollouts left open in the
// database (by a process that stopped, or by a replica that started one and went away), at
// take-over and every RESCAN_MS while it leads. The process that starts a rollout still
// tracks it itself (the mutation's `wait` is answered there), and a process with a watcher
// of a rollout tracks that one; so a rollout may be observed twice for a while, and the
// store's conclude-once guard keeps its conclusion (and its listeners) to one.
import type { Logger } from 'pino';
import type { Leadership } from '../db/leadership.ts';
import type { Rollouts } from '../rollouts/rollouts.ts';

export const ROLLOUT_TRACKING_JOB = 'rollout-tracking';
const RESCAN_MS = 5_000;

export interface RolloutResumption {
  stop(): void;
}

/** Resumes at once (awaited) when this process leads already: the single-process start-up. */
export async function resumeRolloutsWhileLeading(
  rollouts: Pick<Rollouts, 'resume'>,
  leadership: Pick<Leadership, 'leads' | 'onGained'>,
  logger: Logger,
  rescanMs = RESCAN_MS,
): Promise<RolloutResumption> {
  let stopped = false;
  let running: Promise<void> | null = null;
  const resume = () => {
    if (stopped || running || !leadership.leads(ROLLOUT_TRACKING_JOB)) return running ?? Promise.resolve();
    running = rollouts
      .resume()
      .catch((err: unknown) => logger.warn({ err }, 'rollout tracking: the open rollouts could not be read; trying again'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  leadership.onGained((job) => {
    if (job === ROLLOUT_TRACKING_JOB) void resume();
  });
  await resume();
  const timer = setInterval(() => void resume(), rescanMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
