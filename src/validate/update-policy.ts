// Update and rollback policies (`--update-*`, `--rollback-*`), parsed into Engine units and
// checked as swarmkit and the schema restrict them.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { parseGoDuration } from './duration.ts';
import { at, q, type FieldPath } from './field.ts';

/** A policy as given (`--update-parallelism`, `--update-delay 10s`, ...); durations are Go duration text. */
export interface UpdatePolicyOptions {
  parallelism?: number | null | undefined;
  delay?: string | null | undefined;
  failureAction?: string | null | undefined;
  monitor?: string | null | undefined;
  maxFailureRatio?: number | null | undefined;
  order?: string | null | undefined;
}

/** The given fields of a policy in Engine units; absent fields stay undefined. */
export interface ParsedUpdatePolicy {
  parallelism?: number;
  delayNanos?: number;
  failureAction?: 'pause' | 'continue' | 'rollback';
  monitorNanos?: number;
  maxFailureRatio?: number;
  order?: 'stop-first' | 'start-first';
}

const FAILURE_ACTIONS = { update: ['pause', 'continue', 'rollback'], rollback: ['pause', 'continue'] } as const;
const ORDERS = ['stop-first', 'start-first'] as const;

/** Whether any field of the policy is given (the CLI only sends a policy when a flag was set). */
export function hasUpdatePolicy(input: UpdatePolicyOptions | null | undefined): input is UpdatePolicyOptions {
  return input != null && Object.values(input).some((v) => v != null);
}

/** Parses a policy; `kind` decides whether `rollback` is an allowed failure action. */
export function parseUpdatePolicy(
  input: UpdatePolicyOptions,
  kind: 'update' | 'rollback',
  field: FieldPath,
): { policy: ParsedUpdatePolicy } | { errors: UserErrorInit[] } {
  const errors: UserErrorInit[] = [];
  const policy: ParsedUpdatePolicy = {};
  if (input.parallelism != null) {
    if (!Number.isInteger(input.parallelism) || input.parallelism < 0) {
      errors.push(userError(at(field, 'parallelism'), 'INVALID_VALUE', `The parallelism ${input.parallelism} is not valid; give 0 (all at once) or more.`));
    } else policy.parallelism = input.parallelism;
  }
  for (const name of ['delay', 'monitor'] as const) {
    const text = input[name];
    if (text == null) continue;
    const parsed = parseGoDuration(text, at(field, name));
    if ('errors' in parsed) errors.push(...parsed.errors);
    else if (name === 'delay') policy.delayNanos = parsed.nanoseconds;
    else policy.monitorNanos = parsed.nanoseconds;
  }
  if (input.failureAction != null) {
    const allowed: readonly string[] = FAILURE_ACTIONS[kind];
    const action = input.failureAction.toLowerCase();
    if (!allowed.includes(action)) {
      errors.push(userError(at(field, 'failureAction'), 'INVALID_VALUE', `The failure action ${q(input.failureAction)} is not valid for ${kind}s; use ${allowed.join(', ')}.`));
    } else policy.failureAction = action as ParsedUpdatePolicy['failureAction'];
  }
  if (input.maxFailureRatio != null) {
    const r = input.maxFailureRatio;
    if (!Number.isFinite(r) || r < 0 || r > 1) {
      errors.push(userError(at(field, 'maxFailureRatio'), 'INVALID_VALUE', `The maximum failure ratio ${r} is not valid; give a number from 0 to 1.`));
    } else policy.maxFailureRatio = r;
  }
  if (input.order != null) {
    const order = input.order.toLowerCase();
    if (!(ORDERS as readonly string[]).includes(order)) {
      errors.push(userError(at(field, 'order'), 'INVALID_VALUE', `The order ${q(input.order)} is not valid; use stop-first or start-first.`));
    } else policy.order = order as ParsedUpdatePolicy['order'];
  }
  return errors.length > 0 ? { errors } : { policy };
}
