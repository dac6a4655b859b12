// Rollout verdict rules: pure functions over what the engine shows at one instant (service,
// its tasks, the nodes). The tracker (src/rollouts) polls the engine and persists `next`.
export type { RolloutConclusion, RolloutKind, RolloutObservation, RolloutSlotView, RolloutStatus, RolloutTracking } from './rollout-types.ts';
export { observeRollout, rolloutSpecDigest } from './rollout-observation.ts';
export { defaultRolloutDeadlineMs } from './rollout-deadline.ts';
