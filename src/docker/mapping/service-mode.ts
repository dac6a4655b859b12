// `--mode`, `--replicas` and `--max-concurrent` -> ServiceSpec.Mode, as the CLI's
// ToServiceMode (cli/command/service/opts.go) builds it: `--replicas` of a replicated job is
// its TotalCompletions, and MaxConcurrent defaults to it. Where the CLI leaves a job's counts
// unset the gateway sends its defaults (1 completion, all at once), so that the spec read back
// says what runs. Jobs take no update or rollback policy (the CLI refuses those flags for jobs).
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, type FieldPath } from '../../validate/index.ts';
import type { RestartPolicy, ServiceMode } from '../engine-api/index.ts';
import { replicaErrors } from './common.ts';

export type ServiceModeOption = 'REPLICATED' | 'GLOBAL' | 'REPLICATED_JOB' | 'GLOBAL_JOB';

/** The mode-related create options. */
export interface ServiceModeOptions {
  mode?: ServiceModeOption | null | undefined;
  replicas?: number | null | undefined;
  totalCompletions?: number | null | undefined;
  maxConcurrent?: number | null | undefined;
  updateConfig?: object | null | undefined;
  rollbackConfig?: object | null | undefined;
}

export const isJobMode = (mode: ServiceModeOption | null | undefined): boolean => mode === 'REPLICATED_JOB' || mode === 'GLOBAL_JOB';

const DEFAULT_TOTAL_COMPLETIONS = 1;

const hasFields = (o: object | null | undefined): boolean => o != null && Object.values(o).some((v) => v != null);

/** Everything about the mode that can be checked without the engine. */
export function validateServiceMode(input: ServiceModeOptions, field: FieldPath): UserErrorInit[] {
  const mode = input.mode ?? 'REPLICATED';
  const errors: UserErrorInit[] = [];
  const onlyFor = (name: string, modes: string) => userError(at(field, name), 'INVALID_VALUE', `${name} can only be given for ${modes} services.`);
  if (input.replicas != null) {
    const invalid = replicaErrors(input.replicas, at(field, 'replicas'));
    errors.push(...invalid);
    if (invalid.length === 0 && (mode === 'GLOBAL' || mode === 'GLOBAL_JOB')) {
      errors.push(userError(at(field, 'replicas'), 'INVALID_VALUE', 'Replicas can only be given for replicated services and replicated jobs; a global service or job runs one task on every eligible node.'));
    }
  }
  if (input.totalCompletions != null) {
    if (mode !== 'REPLICATED_JOB') errors.push(onlyFor('totalCompletions', 'REPLICATED_JOB'));
    else errors.push(...replicaErrors(input.totalCompletions, at(field, 'totalCompletions')));
    if (mode === 'REPLICATED_JOB' && input.replicas != null && input.replicas !== input.totalCompletions) {
      errors.push(userError(at(field, 'totalCompletions'), 'INVALID_VALUE', `replicas (${input.replicas}) and totalCompletions (${input.totalCompletions}) both set a job's completions; give one of them.`));
    }
  }
  if (input.maxConcurrent != null) {
    if (mode !== 'REPLICATED_JOB') errors.push(onlyFor('maxConcurrent', 'REPLICATED_JOB'));
    else if (!Number.isInteger(input.maxConcurrent) || input.maxConcurrent < 1) {
      errors.push(userError(at(field, 'maxConcurrent'), 'INVALID_VALUE', `${input.maxConcurrent} concurrent tasks is not valid; give 1 or more.`));
    }
  }
  if (isJobMode(mode)) {
    for (const name of ['updateConfig', 'rollbackConfig'] as const) {
      if (hasFields(input[name])) errors.push(userError(at(field, name), 'INVALID_VALUE', `Jobs take no ${name}: a job runs to completion again on every change instead of rolling out.`));
    }
  }
  return errors;
}

/** The Engine's Mode for checked options. */
export function toServiceMode(input: ServiceModeOptions): ServiceMode {
  switch (input.mode) {
    case 'GLOBAL':
      return { Global: {} };
    case 'GLOBAL_JOB':
      return { GlobalJob: {} };
    case 'REPLICATED_JOB': {
      const total = input.totalCompletions ?? input.replicas ?? DEFAULT_TOTAL_COMPLETIONS;
      return { ReplicatedJob: { MaxConcurrent: input.maxConcurrent ?? total, TotalCompletions: total } };
    }
    default:
      return { Replicated: input.replicas != null ? { Replicas: input.replicas } : {} };
  }
}

/**
 * A job's task that exits 0 is done, one that fails is retried: `on-failure`, sent explicitly
 * so the stored spec says how the job behaves (the CLI sends no restart policy and leaves
 * it to swarmkit). Other modes keep the engine's default.
 */
export function jobRestartPolicy(mode: ServiceModeOption | null | undefined): RestartPolicy | undefined {
  return isJobMode(mode) ? { Condition: 'on-failure' } : undefined;
}
