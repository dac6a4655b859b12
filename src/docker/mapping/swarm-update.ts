// swarmUpdate -> the new SwarmSpec for `POST /swarm/update`, as `docker swarm update`
// (cli/command/swarm/update.go, mergeSwarmSpec) changes the spec it read: only the given
// settings change. Seconds become the Engine's nanoseconds. `labels` replaces the swarm's
// labels (the CLI has no flag for them).
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, validateLabels, type KeyValueLike } from '../../validate/index.ts';
import { checked, toStringMap, type Checked } from './common.ts';
import type { SwarmSpec } from '../engine-api/index.ts';
import { taskHistoryLimitErrors } from './swarm-init.ts';

/** `docker swarm update`'s flags, and the swarm's labels (replaced whole); unset ones change nothing. */
export interface SwarmUpdateOptions {
  taskHistoryLimit?: number | null | undefined;
  snapshotInterval?: number | null | undefined;
  dispatcherHeartbeatSeconds?: number | null | undefined;
  certExpirySeconds?: number | null | undefined;
  autolock?: boolean | null | undefined;
  labels?: readonly KeyValueLike[] | null | undefined;
}

/** swarmkit refuses node certificates valid for less than an hour. */
const MIN_CERT_EXPIRY_SECONDS = 3600;

function secondsToNanos(seconds: number): number {
  return Math.round(seconds * 1e9);
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateSwarmUpdateOptions(input: SwarmUpdateOptions): UserErrorInit[] {
  const field: string[] = [];
  const errors = [...taskHistoryLimitErrors(input.taskHistoryLimit, at(field, 'taskHistoryLimit'))];
  const snapshot = input.snapshotInterval;
  if (snapshot != null && !(Number.isInteger(snapshot) && snapshot >= 1)) {
    errors.push(userError(at(field, 'snapshotInterval'), 'INVALID_VALUE', `The snapshot interval ${snapshot} is not valid; give a number of log entries of 1 or more.`));
  }
  const heartbeat = input.dispatcherHeartbeatSeconds;
  if (heartbeat != null && !(Number.isFinite(heartbeat) && secondsToNanos(heartbeat) > 0)) {
    errors.push(userError(at(field, 'dispatcherHeartbeatSeconds'), 'INVALID_VALUE', `The dispatcher heartbeat ${heartbeat}s is not valid; give a positive number of seconds, e.g. 5.`));
  }
  const expiry = input.certExpirySeconds;
  if (expiry != null && !(Number.isFinite(expiry) && expiry >= MIN_CERT_EXPIRY_SECONDS)) {
    errors.push(userError(at(field, 'certExpirySeconds'), 'INVALID_VALUE', `The certificate expiry ${expiry}s is not valid; the minimum is ${MIN_CERT_EXPIRY_SECONDS} seconds (1 hour).`));
  }
  errors.push(...validateLabels(input.labels ?? [], at(field, 'labels')));
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkSwarmUpdateOptions(options: SwarmUpdateOptions): Checked<SwarmUpdateOptions> {
  return checked(options, validateSwarmUpdateOptions(options));
}

/** The new spec: a deep copy of `current` with the given settings. */
export function applySwarmUpdate(current: SwarmSpec, input: Checked<SwarmUpdateOptions>): SwarmSpec {
  const spec = structuredClone(current);
  if (input.taskHistoryLimit != null) spec.Orchestration = { ...spec.Orchestration, TaskHistoryRetentionLimit: input.taskHistoryLimit };
  if (input.snapshotInterval != null) spec.Raft = { ...spec.Raft, SnapshotInterval: input.snapshotInterval };
  if (input.dispatcherHeartbeatSeconds != null) spec.Dispatcher = { ...spec.Dispatcher, HeartbeatPeriod: secondsToNanos(input.dispatcherHeartbeatSeconds) };
  if (input.certExpirySeconds != null) spec.CAConfig = { ...spec.CAConfig, NodeCertExpiry: secondsToNanos(input.certExpirySeconds) };
  if (input.autolock != null) spec.EncryptionConfig = { ...spec.EncryptionConfig, AutoLockManagers: input.autolock };
  if (input.labels != null) spec.Labels = toStringMap(input.labels);
  return spec;
}
