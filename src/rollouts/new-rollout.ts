// The stored form of a rollout at its start: what the tracker starts from. The deadline is
// the caller's or the rules' default for this spec (src/docker/rollout); the tracking
// remembers the UpdateStatus the service had BEFORE the change, so an old update's status
// is not taken for this one's.
import type { Service } from '../docker/engine-api/index.ts';
import { defaultRolloutDeadlineMs, rolloutSpecDigest, type RolloutKind, type RolloutTracking } from '../docker/rollout/index.ts';
import type { StoredRollout } from './rollout-store.ts';

export interface NewRolloutFacts {
  id: string;
  cluster: string;
  kind: RolloutKind;
  service: Service;
  before: Service | null;
  startedBy: string;
  nowMs: number;
  deadlineSeconds: number | null;
  /** Nodes in the cluster, for the default deadline of a global service. */
  nodeCount: number;
}

export function newRollout(f: NewRolloutFacts): StoredRollout {
  const deadlineMs = f.nowMs + (f.deadlineSeconds != null ? f.deadlineSeconds * 1000 : defaultRolloutDeadlineMs(f.service.Spec, f.kind, f.nodeCount));
  const tracking: RolloutTracking = {
    kind: f.kind,
    specVersion: f.service.Version.Index,
    // The spec as the change left it, taken now rather than at the first look: a change made
    // between the two (by the docker CLI, say) then still counts as superseding this one.
    specDigest: rolloutSpecDigest(f.service),
    updateStartedBefore: f.before?.UpdateStatus?.StartedAt ?? null,
    startedAtMs: f.nowMs,
    deadlineMs,
    convergedAtMs: null,
    jobIteration: null,
    unschedulableSinceMs: null,
  };
  return {
    id: f.id,
    cluster: f.cluster,
    serviceId: f.service.ID,
    serviceName: f.service.Spec.Name ?? f.service.ID,
    serviceLabels: { ...(f.service.Spec.Labels ?? {}) },
    kind: f.kind,
    status: 'QUEUED',
    conclusion: null,
    reason: null,
    desired: 0,
    running: 0,
    upToDate: 0,
    failed: 0,
    slots: [],
    updateState: null,
    updateMessage: null,
    serviceVersion: f.service.Version.Index,
    startedBy: f.startedBy,
    startedAt: new Date(f.nowMs),
    deadline: new Date(deadlineMs),
    concludedAt: null,
    supersededBy: null,
    tracking,
  };
}
