// The `wait` and `deadline` inputs every service mutation takes: checked before the engine is
// asked anything, so a bad value changes nothing. They are not part of the service spec.
import type { UserErrorInit } from '../../errors/codes.ts';
import { wholeNumberInRange } from '../../validate/whole-number.ts';

/** Seconds a mutation may hold its answer for the rollout's conclusion (schema: 1-900). */
export const WAIT_SECONDS = { min: 1, max: 900 } as const;
/** Seconds a rollout may take before it concludes TIMED_OUT (schema: 10-86400). */
export const DEADLINE_SECONDS = { min: 10, max: 86_400 } as const;

export interface RolloutInput {
  wait?: number | null | undefined;
  deadline?: number | null | undefined;
}

export function rolloutOptionErrors(input: RolloutInput): UserErrorInit[] {
  return [
    ...wholeNumberInRange(input.wait, WAIT_SECONDS.min, WAIT_SECONDS.max, ['input', 'wait'], 'wait'),
    ...wholeNumberInRange(input.deadline, DEADLINE_SECONDS.min, DEADLINE_SECONDS.max, ['input', 'deadline'], 'deadline'),
  ];
}
